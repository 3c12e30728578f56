/* Generated from app/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */

import type { Formation } from '../../api/types/v1-formation';

/**
 * La réponse de Campus Skills à la synchronisation des formations (ancienne API v1). Sa forme n'est pas documentée : elle est supposée reprendre les formations envoyées, sous la même clé « formations ».
 */
export interface ResultatFormations {
  /**
   * Le nombre de formations que Campus Skills a confirmées (ajoutées ou mises à jour).
   */
  nombreSynchronises: number;
  /**
   * Les formations telles que Campus Skills les a confirmées.
   */
  formations: Formation[];
}
