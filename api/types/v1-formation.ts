/* Generated from api/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */

/**
 * Une formation (un programme, par exemple un BTS), telle que l'ancienne API (v1) la reçoit.
 */
export interface Formation {
  /**
   * L'identifiant unique de la formation dans votre logiciel : une formation déjà envoyée avec ce code est mise à jour. Sans espace au début ni à la fin (utilisez trim() dans le mapping si votre outil en ajoute).
   */
  codeFormation: string;
  /**
   * Le nom de la formation dans votre logiciel, par exemple « BTS MCO ».
   */
  nomFormation: string;
}
