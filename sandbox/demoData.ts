// A made-up, realistic data set for the sandbox: French training centres with sites, periods, formations,
// years and groups; learners, school tutors and company tutors. Deterministic (seeded), and valid under
// every platform rule at any size, so that it also serves benchmarks (`--contracts 50000`).

import type { AccountConfig, SandboxConfig } from './admin';
import type { Contrat, LearnerData } from './types';

/** The demo set committed in sandbox/demo/. */
export const DEMO_SEED = 2025;
export const DEMO_CONTRACT_COUNT = 120;
/** The file name of the demo contracts, next to the demo config. */
export const DEMO_CONTRACTS_FILE = 'contrats.json';

/** A small, fast, seeded pseudo-random generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SITES = [
  { code: 'SITE-REN', short: 'REN', name: 'Rennes', marque: undefined },
  { code: 'SITE-NAN', short: 'NAN', name: 'Nantes', marque: undefined },
  { code: 'SITE-LYO', short: 'LYO', name: 'Lyon', marque: { code: 'MRQ-CPRO', name: 'Campus Pro' } },
  { code: 'SITE-BDX', short: 'BDX', name: 'Bordeaux', marque: { code: 'MRQ-CPRO', name: 'Campus Pro' } },
];

const PERIODS = [
  { code: 'PER-2425', short: '2425', name: '2024/2025', startYear: 2024 },
  { code: 'PER-2526', short: '2526', name: '2025/2026', startYear: 2025 },
];

const FORMATIONS = [
  { code: 'BTS-MCO', short: 'BTSMCO', name: 'BTS MCO', years: 2, rncp: 'RNCP90001' },
  { code: 'BTS-NDRC', short: 'BTSNDRC', name: 'BTS NDRC', years: 2, rncp: 'RNCP90002' },
  { code: 'BACH-RH', short: 'BACHRH', name: 'Bachelor Ressources Humaines', years: 3, rncp: 'RNCP90003' },
  { code: 'LP-LOG', short: 'LPLOG', name: 'Licence Pro Logistique', years: 1, rncp: 'RNCP90004' },
  { code: 'TP-DWWM', short: 'TPDWWM', name: 'Titre Pro Développeur Web', years: 1, rncp: 'RNCP90005' },
];

const YEARS = [
  { code: 'AN-1', name: '1ère année' },
  { code: 'AN-2', name: '2ème année' },
  { code: 'AN-3', name: '3ème année' },
];

const FIRST_NAMES = [
  'Camille', 'Léa', 'Manon', 'Chloé', 'Inès', 'Jade', 'Louise', 'Emma', 'Sarah', 'Clara', 'Zoé', 'Lina',
  'Juliette', 'Anaïs', 'Océane', 'Margaux', 'Élise', 'Noémie', 'Lucas', 'Hugo', 'Thomas', 'Nathan', 'Théo',
  'Louis', 'Maxime', 'Enzo', 'Mathis', 'Antoine', 'Quentin', 'Baptiste', 'Clément', 'Julien', 'Romain',
  'Yanis', 'Karim', 'Mehdi', 'Adrien', 'Bastien', 'Florian', 'Gaëlle', 'Solène', 'Maëlys', 'Aurélien',
  'Nicolas', 'Pierre', 'Sophie', 'Isabelle', 'Nathalie', 'Valérie', 'Sandrine', 'Christophe', 'Stéphane',
];

const LAST_NAMES = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
  'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier',
  'Morel', 'Girard', 'André', 'Lefebvre', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez',
  'Le Gall', 'Le Goff', 'Guillou', 'Kerouac', 'Tanguy', 'Riou', 'Cadiou', "N'Diaye", 'Benali', 'Haddad',
  'Nguyen', 'Perrin', 'Chevalier', 'Gauthier', 'Masson', 'Marchand', 'Duval', 'Denis', 'Lemoine', 'Faure',
];

const COMPANY_KINDS = [
  'Boulangerie', 'Garage', 'Pharmacie', 'Cabinet', 'Agence', 'Hôtel', 'Librairie', 'Transports', 'Menuiserie',
  'Supermarché', 'Imprimerie', 'Fleuriste', 'Opticien', 'Logistique', 'Informatique', 'Conseil',
];

const COMPANY_FORMS = ['SARL', 'SAS', 'EURL', '', ''];

const MISSIONS = [
  'Assistant(e) commercial(e)',
  'Chargé(e) de recrutement',
  'Vendeur(se) conseil',
  'Gestionnaire de stocks',
  'Développeur(se) web',
  'Assistant(e) ressources humaines',
  'Chargé(e) de clientèle',
];

const emailParts = new Map<string, string>();

/** An email's local part from a name: ASCII letters and dots (memoised: names come from small pools). */
function emailPart(text: string): string {
  let part = emailParts.get(text);
  if (part === undefined) {
    part = text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '.')
      .replace(/^\.+|\.+$/g, '');
    emailParts.set(text, part);
  }
  return part;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

interface Person {
  code: string;
  first: string;
  last: string;
  email: string;
}

/** About this share of the contracts is a learner's second contract: the next year of their formation. */
const CONTINUATION_RATE = 0.1;

/** A 2024/2025 contract whose learner may come back for the next year of the formation in 2025/2026. */
interface Continuable {
  learner: Person;
  site: (typeof SITES)[number];
  formation: (typeof FORMATIONS)[number];
  yearIndex: number;
}

/**
 * Makes `count` contracts from `seed`. Same arguments, same contracts. Every user code is prefixed by
 * role and unique; every person has one email; the code/name pairs are one-to-one; dates are real and
 * ordered; codeContrat is unique. Some learners have two contracts: a 2024/2025 one and, for the next
 * year of the same formation, a 2025/2026 one (another codeContrat, year, group and company).
 * Prefix-stable: the first n contracts of `generateContracts(m, seed)` are `generateContracts(n, seed)`,
 * so a longer list from the same seed adds arrivals consistent with a shorter one.
 */
export function generateContracts(count: number, seed: number): Contrat[] {
  const random = seededRandom(seed);
  // A second stream decides the continuations, so that the other contracts stay what they were.
  const continues = seededRandom(seed ^ 0x2c0ffee);
  const continuable: Continuable[] = [];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  // Homonyms get a number: jean.martin@, jean.martin2@... (names have no digits, so no clash).
  const homonyms = new Map<string, number>();
  const uniqueEmail = (local: string, domain: string): string => {
    const base = `${local}@${domain}`;
    const count = (homonyms.get(base) ?? 0) + 1;
    homonyms.set(base, count);
    return count === 1 ? base : `${local}${count}@${domain}`;
  };
  const person = (code: string, domain: string): Person => {
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    return { code, first, last, email: uniqueEmail(`${emailPart(first)}.${emailPart(last)}`, domain) };
  };

  // School tutors: three per site.
  const staff = new Map(
    SITES.map((site) => [
      site.code,
      [1, 2, 3].map((n) => person(`PERS-${site.short}-${pad(n, 2)}`, 'campus-demo.example')),
    ]),
  );
  // Companies, each with one company tutor; about one company for three contracts. They are created as
  // the list grows (never from `count`), so that a longer list from the same seed extends a shorter one.
  const companies: Array<{ name: string; tutor: Person }> = [];
  const addCompany = (): void => {
    const last = pick(LAST_NAMES);
    const name = [pick(COMPANY_KINDS), last, pick(COMPANY_FORMS)].filter(Boolean).join(' ');
    const tutor = person(`MA-${pad(companies.length + 1, 5)}`, `${emailPart(name).replace(/\./g, '-')}.example`);
    companies.push({ name, tutor });
  };

  const contrats: Contrat[] = [];
  for (let i = 0; i < count; i++) {
    while (companies.length < Math.max(5, Math.ceil((i + 1) / 3))) addCompany();
    // Every contract draws the same values from `random`, continuation or not.
    let site = pick(SITES);
    let period = pick(PERIODS);
    let formation = pick(FORMATIONS);
    let yearIndex = Math.floor(random() * formation.years);
    const company = pick(companies);
    let tutor = pick(staff.get(site.code) as Person[]);
    let learner = person(`APP-${pad(i + 1, 6)}`, 'apprenants.campus-demo.example');
    const previous = continuable.length > 0 && continues() < CONTINUATION_RATE ? continuable.shift() : undefined;
    if (previous !== undefined) {
      // The same learner, the next year of the same formation on the same site, with a new company.
      ({ learner, site, formation } = previous);
      period = PERIODS[1];
      yearIndex = previous.yearIndex + 1;
      const siteStaff = staff.get(site.code) as Person[];
      tutor = siteStaff[i % siteStaff.length];
    } else if (period === PERIODS[0] && yearIndex + 1 < formation.years) {
      continuable.push({ learner, site, formation, yearIndex });
    }
    const year = YEARS[yearIndex];
    const lateStart = random() < 0.1;
    const startDay = 1 + Math.floor(random() * 28);
    const dateDebut = lateStart
      ? `${pad(startDay, 2)}/01/${period.startYear + 1}`
      : `${pad(startDay, 2)}/09/${period.startYear}`;
    const dateFin = `31/08/${period.startYear + formation.years - yearIndex}`;

    const contrat: Contrat = {
      codeContrat: `CTR-${period.startYear}-${pad(i + 1, 6)}`,
      dateDebut,
      dateFin,
      nomEntreprise: company.name,
      codeGroupe: `GRP-${site.short}-${formation.short}-${year.code}-${period.short}`,
      nomGroupe: `${formation.name} ${site.name} ${year.name} ${period.name}`,
      codeSite: site.code,
      nomSite: site.name,
      codePeriode: period.code,
      nomPeriode: period.name,
      codeAnnee: year.code,
      nomAnnee: year.name,
      codeFormation: formation.code,
      nomFormation: formation.name,
      codeApprenant: learner.code,
      prenomApprenant: learner.first,
      nomApprenant: learner.last,
      emailApprenant: learner.email,
      codePersonnel: tutor.code,
      prenomPersonnel: tutor.first,
      nomPersonnel: tutor.last,
      emailPersonnel: tutor.email,
      codeMaitreApprentissage: company.tutor.code,
      prenomMaitreApprentissage: company.tutor.first,
      nomMaitreApprentissage: company.tutor.last,
      emailMaitreApprentissage: company.tutor.email,
      rncp: formation.rncp,
      monthStartGroup: lateStart ? 'janvier' : 'septembre',
    };
    if (site.marque) {
      contrat.codeMarque = site.marque.code;
      contrat.nomMarque = site.marque.name;
    }
    if (random() < 0.5) {
      contrat.missionTitle = pick(MISSIONS);
      contrat.missionDetails = `Missions confiées chez ${company.name} : accueil, suivi des dossiers et participation aux projets de l'équipe.`;
    }
    contrats.push(contrat);
  }
  return contrats;
}

// ------------------------------------------------------------------------------------------ demo config

const LEGENDS = [
  { min: 16, grade: 'A', legend: 'Maîtrisé' },
  { min: 12, grade: 'B', legend: 'Acquis' },
  { min: 8, grade: 'C', legend: "En cours d'acquisition" },
  { min: 0, grade: 'D', legend: 'Non acquis' },
];

const BLOCKS = [
  { name: 'Bloc 1 - Relation client', skills: ['Accueillir et conseiller le client', 'Traiter une réclamation'] },
  { name: 'Bloc 2 - Gestion opérationnelle', skills: ['Gérer les stocks', 'Analyser les résultats commerciaux', 'Organiser le planning'] },
];

const mean = (values: number[]): number => Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;

function scored(score: number) {
  const level = LEGENDS.find((l) => score >= l.min) ?? LEGENDS[LEGENDS.length - 1];
  return { score, grade: level.grade, legend: level.legend };
}

/** What `grades` answers for a learner of this contract. */
function demoGrades(contrat: Contrat, random: () => number): Record<string, unknown> {
  const score = () => Math.round(6 + random() * 14);
  const blocks = BLOCKS.map((block, b) => {
    const skills = block.skills.map((skillName) => {
      const auto = scored(score());
      const school = scored(score());
      const company = scored(score());
      return {
        skillName,
        autoValidationScore: auto.score,
        autoValidationGrade: auto.grade,
        autoValidationLegend: auto.legend,
        validationScore: school.score,
        validationGrade: school.grade,
        validationLegend: school.legend,
        companyValidationScore: company.score,
        companyValidationGrade: company.grade,
        companyValidationLegend: company.legend,
      };
    });
    return {
      blockId: `${contrat.codeFormation}-B${b + 1}`,
      blockName: block.name,
      autoValidationMean: mean(skills.map((s) => s.autoValidationScore)),
      validationMean: mean(skills.map((s) => s.validationScore)),
      companyValidationMean: mean(skills.map((s) => s.companyValidationScore)),
      skills,
    };
  });
  return {
    studentName: `${contrat.prenomApprenant} ${contrat.nomApprenant}`,
    userId: contrat.codeApprenant,
    sessions: [
      {
        sessionId: contrat.codeGroupe,
        sessionName: contrat.nomGroupe,
        autoValidationMean: mean(blocks.map((b) => b.autoValidationMean)),
        validationMean: mean(blocks.map((b) => b.validationMean)),
        companyValidationMean: mean(blocks.map((b) => b.companyValidationMean)),
        blocks,
      },
    ],
  };
}

/** This learner's object in what `trainingProgress` answers, for a learner of this contract. */
function demoProgress(contrat: Contrat, random: () => number): Record<string, unknown> {
  const year = Number(String(contrat.dateDebut).slice(6, 10));
  const reports = [
    { name: "Rapport d'étonnement", date: `${year}-10-15` },
    { name: 'Bilan de mi-parcours', date: `${year + 1}-02-15` },
    { name: "Bilan de fin d'année", date: `${year + 1}-06-30` },
  ].map((report, i) => {
    const reportDone = i === 0 || random() < 0.5;
    return { name: report.name, reportDone, isLate: !reportDone && i === 1, dateOfReport: `${report.date}T00:00:00.000Z` };
  });
  return {
    _id: contrat.codeApprenant,
    studentName: `${contrat.prenomApprenant} ${contrat.nomApprenant}`,
    tutorName: `${contrat.prenomMaitreApprentissage} ${contrat.nomMaitreApprentissage}`,
    tutorSchoolName: `${contrat.prenomPersonnel} ${contrat.nomPersonnel}`,
    companyName: contrat.nomEntreprise,
    reports,
  };
}

/**
 * The demo configuration for these contracts: a sandbox account holding them, with the two largest
 * groups integrated and grades and progress for three learners; and an empty production-like account
 * answering in the newer `valid-invalid` style.
 */
export function generateDemoConfig(contrats: readonly Contrat[], seed: number = DEMO_SEED): SandboxConfig {
  const random = seededRandom(seed + 1);
  const groupSizes = new Map<string, number>();
  for (const contrat of contrats) groupSizes.set(String(contrat.codeGroupe), (groupSizes.get(String(contrat.codeGroupe)) ?? 0) + 1);
  const integratedGroups = [...groupSizes.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 2)
    .map(([code]) => code)
    .sort();
  const learners: LearnerData[] = contrats.slice(0, 3).map((contrat) => ({
    studentId: String(contrat.codeApprenant),
    email: String(contrat.emailApprenant),
    grades: demoGrades(contrat, random),
    trainingProgress: demoProgress(contrat, random),
  }));
  const sandbox: AccountConfig = {
    id: 'demo',
    name: 'CFA Campus Démo (bac à sable)',
    isSandbox: true,
    syncResponseStyle: 'total',
    integratedGroups,
    learners,
    contratsFile: DEMO_CONTRACTS_FILE,
  };
  const production: AccountConfig = {
    id: 'demo-production',
    name: 'CFA Campus Démo (production)',
    token: 'demo-production-token',
    isSandbox: false,
    syncResponseStyle: 'valid-invalid',
  };
  return { accounts: [sandbox, production] };
}
