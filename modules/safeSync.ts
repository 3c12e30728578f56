import type { ModuleDefinition, Parameter, Request } from '../sdk/types';
import { CONNECTION_ID } from '../connections/campusSkills';
import { ENDPOINTS } from '../api/endpoints';
import { contratsInput, interfaceOf } from '../app/schemas';
import { expectShape } from '../app/responseChecks';
import { SYNC_ANSWER_VALID, SYNC_RESULT_EXPRESSIONS, syncAnswerTemp } from '../app/syncResult';

// Simulate, compare with the thresholds, and only then sync: four steps of ONE communication, so one Make
// operation. Only what Make documents for an action: several requests, request-less ones, `temp` carried from
// one to the next, `condition` and `valid`.

/** A threshold: a number of contracts, or a percentage of the contracts on the platform before the sync. */
interface Threshold {
  input: string;
  label: string;
  /** Applied when the field is left empty. */
  byDefault: string;
  /** The diff's count it bounds, kept in temp. */
  count: 'removed' | 'updated';
  /** Where the limit in contracts is kept in temp. */
  limit: string;
  help: string;
}

const THRESHOLDS: Threshold[] = [
  {
    input: 'maxRemoved',
    label: 'Suppressions autorisées au plus',
    byDefault: '10%',
    count: 'removed',
    limit: 'removedLimit',
    help: "Le plus de contrats que cette synchronisation peut archiver : un nombre (5) ou un pourcentage des contrats déjà sur Campus Skills (10%). Au-delà, rien n'est envoyé. Vide : 10 %, assez pour les départs d'une semaine, trop peu pour un export tronqué.",
  },
  {
    input: 'maxUpdated',
    label: 'Modifications autorisées au plus',
    byDefault: '25%',
    count: 'updated',
    limit: 'updatedLimit',
    help: "Le plus de contrats que cette synchronisation peut modifier : un nombre (30) ou un pourcentage des contrats déjà sur Campus Skills (25%). Au-delà, rien n'est envoyé. Vide : 25 %.",
  },
];

/** A whole number, or a percentage from 0 to 100 (decimals allowed). */
const THRESHOLD_PATTERN = '/^([0-9]+|(100|[0-9]{1,2}([.][0-9]+)?)%)$/';

const thresholdText = (t: Threshold) => `ifempty(trim(parameters.${t.input}), '${t.byDefault}')`;
const isWellFormed = (t: Threshold) => `replace(${thresholdText(t)}, '${THRESHOLD_PATTERN}', emptystring) = emptystring`;

/** The limit in contracts: a count as is, a percentage of the contracts now on the platform, rounded down. */
const limitOf = (t: Threshold) =>
  `if(contains(${thresholdText(t)}, '%'), floor(temp.current * parseNumber(replace(${thresholdText(t)}, '%', emptystring), '.') / 100), parseNumber(${thresholdText(t)}, '.'))`;

const WITHIN_LIMITS = THRESHOLDS.map((t) => `temp.${t.count} <= temp.${t.limit}`).join(' && ');

const STOP_REASON =
  "Synchronisation bloquée, rien n'a été envoyé : elle archiverait {{temp.removed}} contrat(s) (au plus {{temp.removedLimit}} autorisés) " +
  'et en modifierait {{temp.updated}} (au plus {{temp.updatedLimit}}), sur {{temp.current}} contrats actuellement sur Campus Skills. ' +
  "Vérifiez l'export de votre logiciel (un filtre a-t-il retiré des contrats ?) ; si ces changements sont voulus, relevez les seuils de ce module.";

/** 1. Before any request: thresholds that Make cannot check (a percentage over 100, a negative number). */
const checkThresholds: Request = {
  response: {
    valid: {
      condition: `{{${THRESHOLDS.map(isWellFormed).join(' && ')}}}`,
      message:
        'Seuil invalide : ' +
        THRESHOLDS.map((t) => `{{if(${isWellFormed(t)}, emptystring, '« ${t.label} » ')}}`).join('') +
        "attend un nombre de contrats (par exemple 5) ou un pourcentage de 0 à 100 (par exemple 10%). Rien n'a été envoyé.",
      type: 'DataError',
    },
  },
};

/** 2. The simulation: what the sync would do. */
const simulate: Request = {
  url: ENDPOINTS.simulateSync.path,
  method: ENDPOINTS.simulateSync.method,
  body: { contrats: '{{parameters.contrats}}' },
  response: {
    temp: {
      same: '{{length(ifempty(body.same, emptyarray))}}',
      added: '{{length(ifempty(body.added, emptyarray))}}',
      updated: '{{length(ifempty(body.updated, emptyarray))}}',
      removed: '{{length(ifempty(body.removed, emptyarray))}}',
    },
    valid: expectShape(
      'isArray(body.same) && isArray(body.added) && isArray(body.updated) && isArray(body.removed)',
      "le résultat d'une simulation (les tableaux « same », « added », « updated » et « removed »)",
    ),
  },
};

/** 3. The comparison with the thresholds; over one, the module stops here unless asked to output instead. */
const compare: Request = {
  temp: { current: '{{temp.same + temp.updated + temp.removed}}' },
  response: {
    temp: Object.fromEntries(THRESHOLDS.map((t) => [t.limit, `{{${limitOf(t)}}}`])),
    valid: {
      condition: `{{(${WITHIN_LIMITS}) || parameters.whenExceeded = 'output'}}`,
      message: STOP_REASON,
      type: 'DataError',
    },
  },
};

/** 4. The sync, only within the thresholds. */
const sync: Request = {
  condition: `{{${WITHIN_LIMITS}}}`,
  url: ENDPOINTS.syncContracts.path,
  method: ENDPOINTS.syncContracts.method,
  body: { contrats: '{{parameters.contrats}}' },
  response: { temp: syncAnswerTemp('la synchronisation'), valid: SYNC_ANSWER_VALID },
};

const synced = (value: string, otherwise: string) => `{{if(${WITHIN_LIMITS}, ${value}, ${otherwise})}}`;

/** 5. The one bundle, from what the steps kept. */
const report: Request = {
  temp: { stopReason: STOP_REASON },
  response: {
    output: {
      synchronise: `{{${WITHIN_LIMITS}}}`,
      raison: synced('emptystring', 'temp.stopReason'),
      surLaPlateforme: '{{temp.current}}',
      inchanges: '{{temp.same}}',
      ajoutes: '{{temp.added}}',
      modifies: '{{temp.updated}}',
      supprimes: '{{temp.removed}}',
      supprimesAutorises: '{{temp.removedLimit}}',
      modifiesAutorises: '{{temp.updatedLimit}}',
      statut: synced(SYNC_RESULT_EXPRESSIONS.statut, "'non-synchronise'"),
      nombreTransmis: synced(SYNC_RESULT_EXPRESSIONS.nombreTransmis, '0'),
      nombreRejetes: synced(SYNC_RESULT_EXPRESSIONS.nombreRejetes, '0'),
      avertissement: synced(SYNC_RESULT_EXPRESSIONS.avertissement, 'emptystring'),
    },
  },
};

const thresholdInputs: Parameter[] = THRESHOLDS.map((t) => ({
  name: t.input,
  type: 'text',
  label: t.label,
  default: t.byDefault,
  help: t.help,
}));

export const safeSync: ModuleDefinition = {
  id: 'safeSync',
  label: 'Synchroniser en sécurité',
  description:
    "Simule la synchronisation, la compare à vos seuils, et ne synchronise que si les suppressions et les modifications restent en dessous : une seule opération Make, et un export tronqué n'archive jamais vos contrats.",
  type: 'action',
  crud: 'update',
  connection: CONNECTION_ID,
  mappableParams: [
    contratsInput(
      "L'intégralité de vos contrats actifs, au format « Contrat » de Campus Skills (choisissez ce module comme « Target structure type » d'un Array aggregator). Un contrat absent sera archivé, dans la limite des seuils ci-dessous.",
    ),
    ...thresholdInputs,
    {
      name: 'whenExceeded',
      type: 'select',
      label: 'Si un seuil est dépassé',
      default: 'stop',
      help: "« Arrêter » : le module s'arrête en erreur (DataError) avec les nombres de contrats, et Make garde l'exécution incomplète si vous l'avez activé. « Continuer sans synchroniser » : le module renvoie un bundle avec « Synchronisé » à false et la raison, pour un filtre ou une notification.",
      options: [
        { label: 'Arrêter', value: 'stop' },
        { label: 'Continuer sans synchroniser', value: 'output' },
      ],
    },
  ],
  communication: [checkThresholds, simulate, compare, sync, report],
  interface: interfaceOf('safe-sync-result.schema.json'),
  samples: {
    synchronise: true,
    raison: '',
    surLaPlateforme: 120,
    inchanges: 112,
    ajoutes: 4,
    modifies: 5,
    supprimes: 3,
    supprimesAutorises: 12,
    modifiesAutorises: 30,
    statut: 'succes',
    nombreTransmis: 124,
    nombreRejetes: 0,
    avertissement: '',
  },
};

