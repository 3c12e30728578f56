/* Generated from app/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */

/**
 * Le calendrier qu'un groupe a désormais sur Campus Skills, une fois confirmé par la plateforme (la réponse n'est pas documentée : seul « success » à true est lu comme une confirmation).
 */
export interface ResultatCalendrierGroupe {
  /**
   * true : Campus Skills a confirmé le calendrier (sinon le module s'arrête en erreur).
   */
  success: boolean;
  /**
   * Le code du groupe (codeGroupe) dont le calendrier a été enregistré.
   */
  groupId: string;
  /**
   * L'adresse https du fichier ICS enregistrée pour ce groupe.
   */
  calendarUrl: string;
}
