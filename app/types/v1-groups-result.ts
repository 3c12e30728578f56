/* Generated from app/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */

import type { Groupe } from '../../api/types/v1-groupe';

/**
 * La réponse de Campus Skills à la synchronisation des groupes (ancienne API v1). Sa forme n'est pas documentée : elle est supposée reprendre les groupes envoyés, sous la même clé « groupes ».
 */
export interface ResultatGroupes {
  /**
   * Le nombre de groupes que Campus Skills a confirmés (ajoutés ou mis à jour).
   */
  nombreSynchronises: number;
  /**
   * Les groupes tels que Campus Skills les a confirmés.
   */
  groupes: Groupe[];
}
