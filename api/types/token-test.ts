/* Generated from api/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */

/**
 * Réponse de Campus Skills au test du jeton d'authentification.
 */
export interface TestJeton {
  /**
   * « token valid » quand le jeton est accepté.
   */
  value: string;
  /**
   * Nom du compte Campus Skills auquel le jeton donne accès.
   */
  name?: string;
}
