/* Generated from api/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */

/**
 * Le lien du calendrier ICS d'un groupe.
 */
export interface EnvoiCalendrierGroupe {
  /**
   * Le code du groupe (codeGroupe) tel que transmis dans les contrats.
   */
  groupId: string;
  /**
   * L'adresse https du fichier ICS du groupe.
   */
  calendarUrl: string;
}
