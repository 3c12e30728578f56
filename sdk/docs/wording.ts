// The words of a generated module documentation: what Make's own concepts (module types, parameter types,
// operations) are called for the app's users. French here, as the apps this project builds are French; another
// language is another object of the same shape.

export interface DocWording {
  /** A module type as a user reads it: `action` → "Action". */
  moduleTypes: Record<string, string>;
  /** An action's kind: `read` → "lecture". */
  crud: Record<string, string>;
  /** What one module of a type costs in Make operations. */
  operations: Record<string, string>;
  /** How Make counts operations, once for the whole document (Markdown). */
  operationsNote: string;
  /** A parameter type: `uinteger` → "entier positif". */
  parameterTypes: Record<string, string>;
  headings: { contents: string; inputs: string; outputs: string; example: string; searchExample: string; otherModules: string; modules: string };
  columns: { field: string; label: string; type: string; required: string; help: string };
  typeLine: string;
  operationsLine: string;
  yes: string;
  no: string;
  noInputs: string;
  noOutputs: string;
  /** Added to a type that takes several values. */
  multiple: string;
  /** "Valeurs : `a` (A), `b` (B)." */
  values: (values: string) => string;
  /** The options come from an RPC: its label. */
  optionsFrom: (rpc: string) => string;
  defaultValue: (value: string) => string;
  /** A field shown when a select has a value: `shownWhen('`filtre`', '`formation`')`. */
  shownWhen: (field: string, value: string) => string;
  /** A field shown once a field has a value. */
  shownWhenFilled: (field: string) => string;
}

export const FRENCH: DocWording = {
  moduleTypes: {
    action: 'Action',
    search: 'Recherche',
    trigger: 'Déclencheur',
    instant_trigger: 'Déclencheur instantané',
    responder: 'Réponse',
    universal: 'Universel (appel API)',
  },
  crud: { create: 'création', read: 'lecture', update: 'mise à jour', delete: 'suppression' },
  operations: {
    action: '1 par exécution, quel que soit le nombre de requêtes envoyées',
    universal: '1 par exécution',
    search: '1 par exécution, quel que soit le nombre de bundles renvoyés (chaque module placé après s\'exécute, et compte, une fois par bundle)',
    trigger: '1 par exécution, quel que soit le nombre de bundles renvoyés',
    instant_trigger: '1 par exécution',
    responder: '1 par exécution',
  },
  operationsNote:
    "**Opérations Make.** Make compte une opération chaque fois qu'un module s'exécute, et un module s'exécute une fois " +
    "par bundle qu'il reçoit. Une recherche ne compte qu'une opération, quel que soit le nombre de bundles qu'elle " +
    "renvoie, mais chaque module placé après elle s'exécute, et compte, une fois par bundle ; un Array aggregator les " +
    'regroupe en un seul. Voir https://help.make.com/operations.',
  parameterTypes: {
    any: 'toute valeur',
    array: 'tableau',
    boolean: 'oui/non',
    buffer: 'données binaires',
    cert: 'certificat',
    collection: 'collection',
    color: 'couleur',
    date: 'date',
    email: 'e-mail',
    filename: 'nom de fichier',
    file: 'fichier',
    folder: 'dossier',
    filter: 'filtre',
    hidden: 'caché',
    json: 'JSON',
    integer: 'entier',
    uinteger: 'entier positif',
    number: 'nombre',
    password: 'mot de passe',
    path: 'chemin',
    pkey: 'clé privée',
    port: 'port',
    select: 'liste de choix',
    text: 'texte',
    time: 'heure',
    timestamp: 'horodatage',
    timezone: 'fuseau horaire',
    url: 'URL',
    uuid: 'UUID',
    banner: 'bannière',
    udt: 'structure de données',
  },
  headings: {
    contents: 'Sommaire',
    inputs: 'Entrées',
    outputs: 'Sorties',
    example: 'Exemple de sortie',
    searchExample: 'Exemple de sortie (un bundle)',
    otherModules: 'Autres modules',
    modules: 'Modules',
  },
  columns: { field: 'Champ', label: 'Libellé', type: 'Type', required: 'Obligatoire', help: 'Aide' },
  typeLine: 'Type',
  operationsLine: 'Opérations Make',
  yes: 'oui',
  no: 'non',
  noInputs: 'Aucune entrée.',
  noOutputs: 'Aucune sortie.',
  multiple: ' (plusieurs valeurs)',
  values: (values) => `Valeurs : ${values}.`,
  optionsFrom: (rpc) => `Choix proposés par la liste « ${rpc} ».`,
  defaultValue: (value) => `Par défaut : ${value}.`,
  shownWhen: (field, value) => `si ${field} = ${value}`,
  shownWhenFilled: (field) => `si ${field} est rempli`,
};
