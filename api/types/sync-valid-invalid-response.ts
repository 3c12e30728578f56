/* Generated from api/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */

import type { Contrat } from './contrat';

/**
 * Réponse d'une synchronisation complète, forme de la page « Nos APIs » : les contrats acceptés et ceux mis de côté, avec leurs erreurs.
 */
export interface ReponseSynchronisationValides {
  /**
   * false quand la plateforme refuse tout l'envoi.
   */
  success: boolean;
  /**
   * Les contrats enregistrés.
   */
  validContrats?: Contrat[];
  /**
   * Les contrats mis de côté, chacun avec ses erreurs.
   */
  invalidContrats?: ContratRejete[];
}
export interface ContratRejete {
  /**
   * Le codeContrat du contrat rejeté, quand il en a un.
   */
  codeContrat: string | null;
  /**
   * Pourquoi le contrat est rejeté, champ par champ.
   */
  errors: string[];
}
