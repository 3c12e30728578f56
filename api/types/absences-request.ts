/* Generated from api/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */

/**
 * Les absences et retards d'un apprenant. Chaque envoi remplace toute la liste précédente de cet apprenant.
 */
export interface EnvoiAbsences {
  /**
   * L'email de l'apprenant, tel que transmis dans ses contrats.
   */
  email: string;
  /**
   * Toutes les absences et tous les retards de l'apprenant (la liste remplace la précédente).
   */
  data: Absence[];
}
export interface Absence {
  /**
   * Début de l'absence, au format JJ/MM/AAAA-HH:mm.
   */
  dateDebut: string;
  /**
   * Fin de l'absence, au format JJ/MM/AAAA-HH:mm, pas avant le début.
   */
  dateFin: string;
  /**
   * absence ou retard.
   */
  type: 'absence' | 'retard';
  /**
   * true quand l'absence est justifiée (le nom du champ est écrit ainsi par l'API).
   */
  isJusitifie: boolean;
  /**
   * Le motif de l'absence (optionnel).
   */
  motif?: string;
}
