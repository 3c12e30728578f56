/* Generated from api/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */

/**
 * Un contrat d'apprentissage tel que Campus Skills le reçoit : l'apprenant, son entreprise, ses tuteurs et la structure de formation (site, période, formation, année, groupe).
 */
export interface Contrat {
  /**
   * L'identifiant unique du contrat dans votre logiciel. Il doit être unique dans une synchronisation. Sans espace au début ni à la fin (utilisez trim() dans le mapping si votre outil en ajoute).
   */
  codeContrat: string;
  /**
   * Date de début du contrat, au format JJ/MM/AAAA (par exemple 01/09/2025). Depuis une date Make, utilisez formatDate(date; "DD/MM/YYYY").
   */
  dateDebut?: string;
  /**
   * Date de fin du contrat, au format JJ/MM/AAAA (par exemple 30/06/2026). Elle ne peut pas précéder la date de début. Depuis une date Make, utilisez formatDate(date; "DD/MM/YYYY").
   */
  dateFin?: string;
  /**
   * Nom de l'entreprise d'accueil de l'apprenant.
   */
  nomEntreprise: string;
  /**
   * L'identifiant unique du groupe (session de formation) de l'apprenant. Sans espace au début ni à la fin (utilisez trim() dans le mapping si votre outil en ajoute).
   */
  codeGroupe: string;
  /**
   * Nom du groupe, par exemple « BTS MCO Rennes 1ère année ».
   */
  nomGroupe: string;
  /**
   * Identifiant du site (la ville où la formation a lieu). Un code de site a un seul nom, et un nom un seul code. Sans espace au début ni à la fin (utilisez trim() dans le mapping si votre outil en ajoute).
   */
  codeSite: string;
  /**
   * Nom du site, par exemple « Rennes ».
   */
  nomSite: string;
  /**
   * Code de la marque, si votre site en a plusieurs (optionnel). Sans espace au début ni à la fin (utilisez trim() dans le mapping si votre outil en ajoute).
   */
  codeMarque?: string;
  /**
   * Nom de la marque (optionnel).
   */
  nomMarque?: string;
  /**
   * Identifiant de la période de formation (année scolaire). Un code de période a un seul nom, et un nom un seul code. Sans espace au début ni à la fin (utilisez trim() dans le mapping si votre outil en ajoute).
   */
  codePeriode: string;
  /**
   * Nom de la période, par exemple « 2025/2026 ».
   */
  nomPeriode: string;
  /**
   * Identifiant de l'année de formation. Un code d'année a un seul nom, et un nom un seul code. Sans espace au début ni à la fin (utilisez trim() dans le mapping si votre outil en ajoute).
   */
  codeAnnee: string;
  /**
   * Nom de l'année de formation, par exemple « 1ère année ».
   */
  nomAnnee: string;
  /**
   * Identifiant du programme de formation. Un code de formation a un seul nom, et un nom un seul code. Sans espace au début ni à la fin (utilisez trim() dans le mapping si votre outil en ajoute).
   */
  codeFormation: string;
  /**
   * Nom du programme de formation, par exemple « BTS MCO ».
   */
  nomFormation: string;
  /**
   * Identifiant de l'apprenant, unique parmi tous les utilisateurs (apprenants, tuteurs école, maîtres d'apprentissage). Préfixez-le si vos tables d'utilisateurs peuvent partager des identifiants. Sans espace au début ni à la fin (utilisez trim() dans le mapping si votre outil en ajoute).
   */
  codeApprenant: string;
  /**
   * Prénom de l'apprenant.
   */
  prenomApprenant: string;
  /**
   * Nom de famille de l'apprenant.
   */
  nomApprenant: string;
  /**
   * Adresse email de l'apprenant. Un email correspond à un seul compte : deux personnes ne peuvent pas partager le même email.
   */
  emailApprenant: string;
  /**
   * Identifiant du tuteur école, unique parmi tous les utilisateurs. Sans espace au début ni à la fin (utilisez trim() dans le mapping si votre outil en ajoute).
   */
  codePersonnel: string;
  /**
   * Prénom du tuteur école.
   */
  prenomPersonnel: string;
  /**
   * Nom de famille du tuteur école.
   */
  nomPersonnel: string;
  /**
   * Adresse email du tuteur école. Un email correspond à un seul compte.
   */
  emailPersonnel: string;
  /**
   * Identifiant du maître d'apprentissage (tuteur entreprise), unique parmi tous les utilisateurs. Sans espace au début ni à la fin (utilisez trim() dans le mapping si votre outil en ajoute).
   */
  codeMaitreApprentissage: string;
  /**
   * Prénom du maître d'apprentissage.
   */
  prenomMaitreApprentissage: string;
  /**
   * Nom de famille du maître d'apprentissage.
   */
  nomMaitreApprentissage: string;
  /**
   * Adresse email du maître d'apprentissage. Un email correspond à un seul compte.
   */
  emailMaitreApprentissage: string;
  /**
   * Titre de la mission confiée à l'apprenant dans l'entreprise (optionnel).
   */
  missionTitle?: string;
  /**
   * Descriptif de la mission confiée à l'apprenant (optionnel).
   */
  missionDetails?: string;
  /**
   * Information de démarrage du groupe, pour gérer les rentrées décalées (optionnel).
   */
  monthStartGroup?: string;
  /**
   * Code RNCP de la certification préparée (optionnel).
   */
  rncp?: string;
}
