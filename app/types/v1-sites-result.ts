/* Generated from app/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */

import type { Site } from '../../api/types/v1-site';

/**
 * La réponse de Campus Skills à la synchronisation des sites (ancienne API v1). Sa forme n'est pas documentée : elle est supposée reprendre les sites envoyés, sous la même clé « sites ».
 */
export interface ResultatSites {
  /**
   * Le nombre de sites que Campus Skills a confirmés (ajoutés ou mis à jour).
   */
  nombreSynchronises: number;
  /**
   * Les sites tels que Campus Skills les a confirmés.
   */
  sites: Site[];
}
