// Example data shown in Make before a module has run (module samples). Checked against the schemas in tests.
import type { Contrat } from '../api/types/contrat';
import type { ValidationsApprenant } from '../api/types/grades';

export const sampleContrat: Contrat = {
  codeContrat: 'CTR-2025-0042',
  dateDebut: '01/09/2025',
  dateFin: '30/06/2027',
  nomEntreprise: 'Boulangerie Le Goff',
  codeGroupe: 'GRP-BTSMCO-REN-1',
  nomGroupe: 'BTS MCO Rennes 1ère année',
  codeSite: 'SITE-REN',
  nomSite: 'Rennes',
  codePeriode: 'PER-2025',
  nomPeriode: '2025/2026',
  codeAnnee: 'AN-1',
  nomAnnee: '1ère année',
  codeFormation: 'BTSMCO',
  nomFormation: 'BTS Management Commercial Opérationnel',
  codeApprenant: 'APP-1042',
  prenomApprenant: 'Léa',
  nomApprenant: 'Martin',
  emailApprenant: 'lea.martin@exemple.fr',
  codePersonnel: 'PER-17',
  prenomPersonnel: 'Hervé',
  nomPersonnel: 'Le Gall',
  emailPersonnel: 'herve.legall@ecole-exemple.fr',
  codeMaitreApprentissage: 'MA-305',
  prenomMaitreApprentissage: 'Yannick',
  nomMaitreApprentissage: 'Le Goff',
  emailMaitreApprentissage: 'yannick@boulangerie-legoff.fr',
};

export const sampleGrades: ValidationsApprenant = {
  studentName: 'Léa Martin',
  userId: '6650f1c2a4b3c2d1e0f98765',
  sessions: [
    {
      sessionId: '6650f1c2a4b3c2d1e0f90001',
      sessionName: 'BTS MCO Rennes 2025/2026',
      autoValidationMean: 3.2,
      validationMean: 3.5,
      companyValidationMean: 3.4,
      blocks: [
        {
          blockId: 'B1',
          blockName: 'Développer la relation client',
          autoValidationMean: 3,
          validationMean: 3.5,
          companyValidationMean: 3,
          skills: [
            {
              skillName: 'Accueillir et conseiller le client',
              autoValidationScore: 3,
              autoValidationGrade: 'B',
              autoValidationLegend: 'Maîtrisé',
              validationScore: 4,
              validationGrade: 'A',
              validationLegend: 'Expert',
              companyValidationScore: 3,
              companyValidationGrade: 'B',
              companyValidationLegend: 'Maîtrisé',
            },
          ],
        },
      ],
    },
  ],
};
