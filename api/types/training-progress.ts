/* Generated from api/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */

/**
 * La progression du livret d'un apprenant : ses rapports, faits ou non, et leurs échéances. La plateforme répond un tableau de ces objets.
 */
export interface ProgressionApprenant {
  /**
   * Identifiant de l'apprenant sur la plateforme.
   */
  _id?: string;
  /**
   * Prénom et nom de l'apprenant.
   */
  studentName: string;
  /**
   * Prénom et nom du tuteur en entreprise.
   */
  tutorName?: string;
  /**
   * Prénom et nom du tuteur à l'école.
   */
  tutorSchoolName?: string;
  /**
   * L'entreprise d'accueil.
   */
  companyName?: string;
  /**
   * Les rapports du livret, dans l'ordre de la plateforme.
   */
  reports: Rapport[];
}
export interface Rapport {
  /**
   * Le nom du rapport dans le livret.
   */
  name: string;
  /**
   * true quand le rapport est rempli.
   */
  reportDone: boolean;
  /**
   * true quand l'échéance est passée sans que le rapport soit fait.
   */
  isLate: boolean;
  /**
   * La date à laquelle le rapport est attendu (ISO 8601).
   */
  dateOfReport: string;
}
