/* Generated from api/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */

/**
 * Un groupe d'apprenants qui suit une formation sur un site, tel que l'ancienne API (v1) le reçoit : son site et sa formation doivent déjà avoir été envoyés.
 */
export interface Groupe {
  /**
   * Le code du site du groupe, tel qu'envoyé par la synchronisation des sites. Sans espace au début ni à la fin (utilisez trim() dans le mapping si votre outil en ajoute).
   */
  codeSite: string;
  /**
   * Le code de la formation que suit le groupe, tel qu'envoyé par la synchronisation des formations. Sans espace au début ni à la fin (utilisez trim() dans le mapping si votre outil en ajoute).
   */
  codeFormation: string;
  /**
   * Le nom du groupe, par exemple « BTS MCO Rennes 1ère année ».
   */
  nomGroupe: string;
  /**
   * L'identifiant unique du groupe dans votre logiciel : un groupe déjà envoyé avec ce code est mis à jour. Sans espace au début ni à la fin (utilisez trim() dans le mapping si votre outil en ajoute).
   */
  codeGroupe: string;
}
