/* Generated from api/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */

/**
 * Un site de l'établissement (une ville où des formations sont dispensées), tel que l'ancienne API (v1) le reçoit.
 */
export interface Site {
  /**
   * L'identifiant unique du site dans votre logiciel : un site déjà envoyé avec ce code est mis à jour. Sans espace au début ni à la fin (utilisez trim() dans le mapping si votre outil en ajoute).
   */
  codeSite: string;
  /**
   * Le nom du site, par exemple « Rennes ».
   */
  nomSite: string;
}
