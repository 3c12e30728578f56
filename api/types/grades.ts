/* Generated from api/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */

/**
 * Les notes et validations de compétences d'un apprenant, par session de formation.
 */
export interface ValidationsApprenant {
  /**
   * Prénom et nom de l'apprenant.
   */
  studentName: string;
  /**
   * Identifiant de l'apprenant sur Campus Skills.
   */
  userId: string;
  /**
   * Les validations, session par session.
   */
  sessions: Session[];
}
export interface Session {
  /**
   * Identifiant de la session de formation.
   */
  sessionId?: string;
  /**
   * Nom de la session de formation.
   */
  sessionName?: string;
  /**
   * Moyenne des autoévaluations de l'apprenant sur la session.
   */
  autoValidationMean?: number | null;
  /**
   * Moyenne des validations de l'école sur la session.
   */
  validationMean?: number | null;
  /**
   * Moyenne des validations de l'entreprise sur la session.
   */
  companyValidationMean?: number | null;
  /**
   * Les blocs de compétences de la session.
   */
  blocks?: Bloc[];
}
export interface Bloc {
  /**
   * Identifiant du bloc de compétences.
   */
  blockId?: string;
  /**
   * Nom du bloc de compétences.
   */
  blockName?: string;
  /**
   * Moyenne des autoévaluations de l'apprenant sur le bloc.
   */
  autoValidationMean?: number | null;
  /**
   * Moyenne des validations de l'école sur le bloc.
   */
  validationMean?: number | null;
  /**
   * Moyenne des validations de l'entreprise sur le bloc.
   */
  companyValidationMean?: number | null;
  /**
   * Les compétences du bloc.
   */
  skills?: Competence[];
}
export interface Competence {
  /**
   * Intitulé de la compétence.
   */
  skillName?: string;
  /**
   * Score que l'apprenant s'est attribué.
   */
  autoValidationScore?: number | null;
  /**
   * Niveau que l'apprenant s'est attribué.
   */
  autoValidationGrade?: string;
  /**
   * Libellé du niveau d'autoévaluation.
   */
  autoValidationLegend?: string;
  /**
   * Score attribué par l'école.
   */
  validationScore?: number | null;
  /**
   * Niveau attribué par l'école.
   */
  validationGrade?: string;
  /**
   * Libellé du niveau attribué par l'école.
   */
  validationLegend?: string;
  /**
   * Score attribué par l'entreprise.
   */
  companyValidationScore?: number | null;
  /**
   * Niveau attribué par l'entreprise.
   */
  companyValidationGrade?: string;
  /**
   * Libellé du niveau attribué par l'entreprise.
   */
  companyValidationLegend?: string;
}
