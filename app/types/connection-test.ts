/* Generated from app/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */

/**
 * Ce que le module « Tester la connexion » renvoie : la validité du jeton et le compte associé.
 */
export interface ResultatTestConnexion {
  /**
   * Vrai quand Campus Skills accepte le jeton. Un jeton refusé arrête le module avec une erreur d'authentification.
   */
  valide: boolean;
  /**
   * Le message renvoyé par Campus Skills (« token valid »).
   */
  message: string;
  /**
   * Nom du compte Campus Skills auquel le jeton donne accès.
   */
  nomCompte?: string;
}
