// Every rule of sdk/check on the fixture app (test/fixtures/miniApp.ts): the fixture as emitted has no finding,
// and each deliberate break (made on the emitted JSON, as a hand edit of dist/ would be) gives exactly the one
// expected finding. The real app is checked on its own in real-app.test.ts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { miniApp } from '../fixtures/miniApp';
import { ALL_RULE_IDS, checkApp, RULES, type AppDeclarations } from '../../sdk/check';
import { formatFinding, type Finding } from '../../sdk/check/findings';
import { emitApp } from '../../sdk/emit/emitApp';
import { EmittedAppError, mapReader, readEmittedApp, type EmittedApp } from '../../sdk/emitted';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const files = emitApp(miniApp);
const clean = readEmittedApp(mapReader(files));
const DECLARED: AppDeclarations = { language: miniApp.language };

const MANIFEST = 'makecomapp.json';
const BASE = 'general/base.iml.json';
const GROUPS = 'modules/groups.json';
const README = 'README.md';
const CONNECTION = 'connections/catalogue/catalogue';
const VERIFIER = 'modules/verifier-compte/verifier-compte';
const INSCRIRE = 'modules/inscrire-apprenants/inscrire-apprenants';
const SESSIONS = 'modules/lister-sessions/lister-sessions';
/** A code file of a component: `code(INSCRIRE, 'mappable-params')`. */
const code = (component: string, suffix: string): string => `${component}.${suffix}.iml.json`;

/** An edit of one emitted file: JSON files get their parsed content (edit it in place, or return a new value), others their text. */
type Edit = (document: Json) => Json;

/** The fixture with some emitted files edited. */
function broken(edits: Record<string, Edit>): EmittedApp {
  for (const path of Object.keys(edits)) {
    if (!files.some((f) => f.path === path)) throw new Error(`no emitted file ${path}`);
  }
  return readEmittedApp(
    mapReader(
      files.map((file) => {
        const edit = edits[file.path];
        if (!edit) return file;
        if (!file.path.endsWith('.json')) return { path: file.path, content: String(edit(file.content)) };
        const document = JSON.parse(file.content);
        const result = edit(document);
        return { path: file.path, content: JSON.stringify(result === undefined ? document : result, null, 2) };
      }),
    ),
  );
}

function check(emitted: EmittedApp, declarations: AppDeclarations = DECLARED): Finding[] {
  return checkApp(emitted, declarations);
}

interface Expected {
  rule: string;
  file: string;
  path: string;
  message?: RegExp;
  hint?: RegExp;
}

/** The check gives exactly this one finding, with its rule's severity. */
function expectOnly(emitted: EmittedApp, expected: Expected): Finding {
  const findings = check(emitted);
  const { message, hint, ...where } = expected;
  const severity = RULES.find((rule) => rule.id === expected.rule)?.severity;
  expect(findings.map(({ rule, severity, file, path }) => ({ rule, severity, file, path })), findings.map(formatFinding).join('\n')).toEqual([
    { ...where, severity },
  ]);
  if (message) expect(findings[0].message).toMatch(message);
  if (hint) expect(findings[0].hint).toMatch(hint);
  return findings[0];
}

/** One break of the fixture and the one finding it must give. */
interface Break {
  /** What the case shows: the test's name. */
  shows: string;
  edits: Record<string, Edit>;
  file: string;
  path: string;
  message?: RegExp;
  hint?: RegExp;
  /** A text the printed finding must not contain (a credential). */
  unprinted?: string;
}

// Fake credentials, assembled at run time so that no credential-shaped literal is committed (secret scanners).
const TOKEN = ['cat', '_live_', '9a8b7c6d5e4f3a2b1c0d9e8f'].join('');
// Make's current limit is 48 characters; the format schema accepts the legacy 64.
const LONG_ID = 'inscrireLesApprenantsDansToutesLesSessionsDuCatalogue';

/** Every rule, by id: the breaks that show it. */
const BREAKS: Record<string, Break[]> = {
  'format-schema': [
    {
      shows: 'reports an unknown key of a parameter at its path, suggesting the known key',
      edits: { [code(INSCRIRE, 'mappable-params')]: (d) => void (d[0].spec[0].requierd = true) },
      file: code(INSCRIRE, 'mappable-params'),
      path: '$[0].spec[0].requierd',
      message: /unknown key 'requierd'/,
      hint: /required/,
    },
    {
      shows: 'writes a status key of response.error in the $.a.b style of the findings ($.response.error.400.type)',
      edits: { [BASE]: (d) => void (d.response.error['400'].type = 'DataErorr') },
      file: BASE,
      path: '$.response.error.400.type',
      message: /DataError/,
    },
    {
      shows: 'validates makecomapp.json too',
      edits: { [MANIFEST]: (d) => void (d.components.module.inscrireApprenants.moduleType = 'acton') },
      file: MANIFEST,
      path: '$.components.module.inscrireApprenants.moduleType',
      message: /'action'/,
    },
  ],
  'iml-syntax': [
    {
      shows: 'reports a string that does not parse, with the offset of the problem',
      edits: { [code(INSCRIRE, 'communication')]: (d) => void (d.body.inscriptions = '{{parameters.inscriptions') },
      file: code(INSCRIRE, 'communication'),
      path: '$.body.inscriptions',
      message: /does not parse: .* at offset \d+ of '\{\{parameters\.inscriptions'/,
    },
    {
      shows: 'checks the connection too',
      edits: { [code(CONNECTION, 'communication')]: (d) => void (d.response.metadata.value = '{{body.nom +}}') },
      file: code(CONNECTION, 'communication'),
      path: '$.response.metadata.value',
    },
    {
      shows: 'checks the base too',
      edits: { [BASE]: (d) => void (d.headers.authorization = 'Bearer {{connection.apiKey') },
      file: BASE,
      path: '$.headers.authorization',
    },
  ],
  'iml-unknown-function': [
    {
      shows: 'reports a function that is neither built in nor custom, with the likely name',
      edits: { [code(VERIFIER, 'communication')]: (d) => void (d.response.output.message = '{{lenght(body.etat)}}') },
      file: code(VERIFIER, 'communication'),
      path: '$.response.output.message',
      message: /function 'lenght'/,
      hint: /did you mean 'length'\?/,
    },
  ],
  'iml-argument-count': [
    {
      shows: 'reports a built-in called with a wrong number of arguments, and only that',
      edits: { [code(INSCRIRE, 'communication')]: (d) => void (d.response.temp.nombreRefus = '{{length(body.refus, 2)}}') },
      file: code(INSCRIRE, 'communication'),
      path: '$.response.temp.nombreRefus',
      message: /function 'length' expects 1 argument, got 2/,
    },
  ],
  'iml-undeclared-parameter': [
    {
      shows: 'reports {{parameters.inscription}} (the input is inscriptions)',
      edits: { [code(INSCRIRE, 'communication')]: (d) => void (d.body.inscriptions = '{{parameters.inscription}}') },
      file: code(INSCRIRE, 'communication'),
      path: '$.body.inscriptions',
      message: /'parameters\.inscription' is used but not declared in the inputs of 'inscrireApprenants'/,
      hint: /declared: inscriptions/,
    },
  ],
  'iml-undeclared-connection-field': [
    {
      shows: 'reports a connection field the connection does not have',
      edits: { [BASE]: (d) => void (d.headers.authorization = 'Bearer {{connection.apikey}}') },
      file: BASE,
      path: '$.headers.authorization',
      message: /'connection\.apikey'/,
    },
  ],
  'rpc-unresolved': [
    {
      shows: 'reports options loaded from an RPC the app does not have',
      edits: { [code(SESSIONS, 'mappable-params')]: (d) => void (d[0].options[1].nested[0].rpc = { label: 'Chercher une formation', url: 'rpc://chercherFormations' }) },
      file: code(SESSIONS, 'mappable-params'),
      path: '$[0].options[1].nested[0].rpc.url',
      message: /'rpc:\/\/chercherFormations' names no RPC of the app \(RPCs: listerFormations\)/,
    },
    {
      shows: 'reports a misspelt RPC of options, with the likely name',
      edits: { [code(INSCRIRE, 'mappable-params')]: (d) => void (d[0].spec[0].options = 'rpc://listerFormation') },
      file: code(INSCRIRE, 'mappable-params'),
      path: '$[0].spec[0].options',
      hint: /did you mean 'rpc:\/\/listerFormations'\?/,
    },
  ],
  'id-format': [
    {
      shows: "reports a module id that breaks Make's id rule",
      edits: {
        [MANIFEST]: (d) => {
          d.components.module[LONG_ID] = d.components.module.inscrireApprenants;
          delete d.components.module.inscrireApprenants;
        },
        [GROUPS]: (d) => void (d[0].modules[1] = LONG_ID),
      },
      file: MANIFEST,
      path: `$.components.module.${LONG_ID}`,
      hint: /2 to 47 letters or digits/,
    },
  ],
  'id-unique': [
    {
      shows: 'reports two module ids that differ only by case',
      edits: {
        [MANIFEST]: (d) => void (d.components.module.InscrireApprenants = d.components.module.inscrireApprenants),
        [GROUPS]: (d) => void d[0].modules.push('InscrireApprenants'),
      },
      file: MANIFEST,
      path: '$.components.module.InscrireApprenants',
    },
  ],
  'groups-unknown-module': [
    {
      shows: 'reports a group listing a module the app does not have',
      edits: { [GROUPS]: (d) => void d[0].modules.push('listerSession') },
      file: GROUPS,
      path: '$[0].modules[3]',
      hint: /did you mean 'listerSessions'\?/,
    },
  ],
  'groups-missing-module': [
    {
      shows: 'warns about a module in no group',
      edits: { [GROUPS]: (d) => void d[0].modules.splice(1, 1) },
      file: GROUPS,
      path: '$',
      message: /module 'inscrireApprenants' is in no group/,
    },
    {
      shows: 'warns once when the app has no groups file at all',
      edits: { [MANIFEST]: (d) => void (d.generalCodeFiles.groups = null) },
      file: MANIFEST,
      path: '$.generalCodeFiles.groups',
      message: /none of its 3 modules is in a group/,
    },
  ],
  'samples-interface': [
    {
      shows: 'reports a sample of the wrong type',
      edits: { [code(VERIFIER, 'samples')]: (d) => void (d.valide = 'oui') },
      file: code(VERIFIER, 'samples'),
      path: '$.valide',
      message: /'oui' is a text, but 'valide' is declared 'boolean'/,
    },
    {
      shows: 'reports a sample key the interface does not declare',
      edits: { [code(VERIFIER, 'samples')]: (d) => void (d.nomCompt = d.nomCompte) },
      file: code(VERIFIER, 'samples'),
      path: '$.nomCompt',
      hint: /did you mean 'nomCompte'\?/,
    },
    {
      shows: 'checks inside arrays and their item collections',
      edits: { [code(INSCRIRE, 'samples')]: (d) => void (d.refus[0].raisons[0].code = '4') },
      file: code(INSCRIRE, 'samples'),
      path: '$.refus[0].raisons[0].code',
      message: /declared 'number'/,
    },
    {
      shows: 'checks a select against its options',
      edits: { [code(INSCRIRE, 'samples')]: (d) => void (d.statut = 'success') },
      file: code(INSCRIRE, 'samples'),
      path: '$.statut',
      message: /not an option of 'statut' \(options: "complet", "partiel"\)/,
    },
  ],
  'output-undeclared': [
    {
      shows: 'warns about an output key the interface does not declare',
      edits: { [code(VERIFIER, 'communication')]: (d) => void (d.response.output.compte = '{{body.nom}}') },
      file: code(VERIFIER, 'communication'),
      path: '$.response.output.compte',
    },
    {
      shows: 'reads the wrapper of an action',
      edits: {
        [code(VERIFIER, 'communication')]: (d) =>
          void (d.response.wrapper = { valide: '{{output.valide}}', message: '{{output.message}}', nomCompte: '{{output.nomCompte}}', nombre: '{{length(output)}}' }),
      },
      file: code(VERIFIER, 'communication'),
      path: '$.response.wrapper.nombre',
    },
    {
      shows: 'reads the fields of a collection',
      edits: { [code(INSCRIRE, 'communication')]: (d) => void (d.response.output.compteurs.total = '{{length(body.refus)}}') },
      file: code(INSCRIRE, 'communication'),
      path: '$.response.output.compteurs.total',
    },
  ],
  'search-lists': [
    {
      shows: 'reports a listing search without pagination',
      edits: { [code(SESSIONS, 'communication')]: (d) => void delete d.pagination },
      file: code(SESSIONS, 'communication'),
      path: '$',
      message: /iterates over a list but has no pagination/,
    },
  ],
  'undocumented-directive': [
    {
      shows: 'reports a wrapper on a search (Make documents it for actions only)',
      edits: { [code(SESSIONS, 'communication')]: (d) => void (d.response.wrapper = '{{output}}') },
      file: code(SESSIONS, 'communication'),
      path: '$.response.wrapper',
      message:
        /^search 'listerSessions' has response\.wrapper, which Make does not document for a search \(its documented response directives: type, valid, error, limit, iterate, temp, output\)$/,
      hint: /one bundle per item of response\.iterate/,
    },
    {
      shows: 'reports an iterate on an action',
      edits: { [code(INSCRIRE, 'communication')]: (d) => void (d.response.iterate = '{{body.refus}}') },
      file: code(INSCRIRE, 'communication'),
      path: '$.response.iterate',
      message: /^action 'inscrireApprenants' has response\.iterate, which Make does not document for an action/,
      hint: /make 'inscrireApprenants' a search/,
    },
    {
      shows: 'reports pagination on an action',
      edits: { [code(VERIFIER, 'communication')]: (d) => void (d.pagination = { qs: { page: '{{pagination.page}}' } }) },
      file: code(VERIFIER, 'communication'),
      path: '$.pagination',
      message: /"An action module should never contain pagination or the iterate directive"/,
    },
    {
      shows: 'reports limit on an action',
      edits: { [code(VERIFIER, 'communication')]: (d) => void (d.response.limit = 1) },
      file: code(VERIFIER, 'communication'),
      path: '$.response.limit',
      hint: /exactly one bundle/,
    },
    {
      shows: "reports a connection's directive on a module",
      edits: { [code(VERIFIER, 'communication')]: (d) => void (d.response.data = { nom: '{{body.nom}}' }) },
      file: code(VERIFIER, 'communication'),
      path: '$.response.data',
      hint: /only a connection saves data/,
    },
    {
      shows: "reports a module's directive on the connection",
      edits: { [code(CONNECTION, 'communication')]: (d) => void (d.response.output = '{{body}}') },
      file: code(CONNECTION, 'communication'),
      path: '$.response.output',
      message: /^connection 'catalogue' has response\.output, which Make does not document for a connection/,
    },
  ],
  'undocumented-keyword': [
    {
      shows: 'reports a scenario keyword (ignore) in app IML, suggesting undefined',
      edits: { [code(INSCRIRE, 'communication')]: (d) => void (d.body.inscriptions = '{{ifempty(parameters.inscriptions, ignore)}}') },
      file: code(INSCRIRE, 'communication'),
      path: '$.body.inscriptions',
      message: /^'ignore' \(offset 35 of .*\) is not a word Make documents in app IML \(a keyword of scenario mappings\)$/,
      hint: /undefined/,
    },
    {
      shows: 'reports erase anywhere IML is read, parameters included',
      edits: { [code(INSCRIRE, 'mappable-params')]: (d) => void (d[0].default = '{{erase}}') },
      file: code(INSCRIRE, 'mappable-params'),
      path: '$[0].default',
      message: /'erase'.*users' mappings/,
    },
    {
      shows: 'reports newline in the base',
      edits: { [BASE]: (d) => void (d.headers['x-note'] = 'a{{newline}}b') },
      file: BASE,
      path: '$.headers.x-note',
      hint: /\\n in the JSON text/,
    },
  ],
  'undocumented-variable': [
    {
      shows: 'reports item read where the request does not iterate',
      edits: { [code(VERIFIER, 'communication')]: (d) => void (d.response.output.message = '{{item.etat}}') },
      file: code(VERIFIER, 'communication'),
      path: '$.response.output.message',
      message: /^action 'verifierCompte' reads 'item' \(offset 2 of .*\) in response\.output, but the request has no response\.iterate/,
    },
    {
      shows: 'reports pagination.page in the first request (only the pagination block has it)',
      edits: { [code(SESSIONS, 'communication')]: (d) => void (d.qs.page = '{{pagination.page}}') },
      file: code(SESSIONS, 'communication'),
      path: '$.qs.page',
      message: /reads 'pagination' .* in the request's qs \(evaluated before its response\), where Make does not document it \(documented in: pagination\)/,
      hint: /literal/,
    },
    {
      shows: 'reports output outside wrapper',
      edits: { [code(VERIFIER, 'communication')]: (d) => void (d.response.output.message = '{{output.etat}}') },
      file: code(VERIFIER, 'communication'),
      path: '$.response.output.message',
      message: /'output'.*documented in: response\.wrapper/,
    },
    {
      shows: 'reports body in a request',
      edits: { [code(INSCRIRE, 'communication')]: (d) => void (d.headers = { 'x-id': '{{body.id}}' }) },
      file: code(INSCRIRE, 'communication'),
      path: '$.headers.x-id',
      hint: /response\.temp/,
    },
    {
      shows: 'reports item outside output and iterate.condition',
      edits: { [code(SESSIONS, 'communication')]: (d) => void (d.response.limit = '{{item.limite}}') },
      file: code(SESSIONS, 'communication'),
      path: '$.response.limit',
      message: /'item'.*in response\.limit, where Make does not document it/,
    },
    {
      shows: 'reports a root Make does not document, with the likely name',
      edits: { [code(VERIFIER, 'communication')]: (d) => void (d.response.output.message = '{{bodi.etat}}') },
      file: code(VERIFIER, 'communication'),
      path: '$.response.output.message',
      hint: /did you mean 'body'\?/,
    },
    {
      shows: "reports a root named like a member of JavaScript's Object",
      edits: { [code(VERIFIER, 'communication')]: (d) => void (d.response.output.message = '{{constructor}}') },
      file: code(VERIFIER, 'communication'),
      path: '$.response.output.message',
      message: /reads 'constructor'.*not an IML variable Make documents here/,
    },
    {
      shows: "reports connection.* in the connection's own communication (a connection reads its parameters)",
      edits: { [code(CONNECTION, 'communication')]: (d) => void (d.url = '{{connection.serveur}}/compte') },
      file: code(CONNECTION, 'communication'),
      path: '$.url',
      message: /^connection 'catalogue' reads 'connection' .* in the request's url/,
    },
  ],
  'label-missing': [
    {
      shows: 'reports a module without a label',
      edits: { [MANIFEST]: (d) => void (d.components.module.inscrireApprenants.label = ' ') },
      file: MANIFEST,
      path: '$.components.module.inscrireApprenants.label',
    },
    {
      shows: 'reports a connection without a label',
      edits: { [MANIFEST]: (d) => void delete d.components.connection.catalogue.label },
      file: MANIFEST,
      path: '$.components.connection.catalogue.label',
    },
    {
      shows: 'reports an RPC without a label',
      edits: { [MANIFEST]: (d) => void delete d.components.rpc.listerFormations.label },
      file: MANIFEST,
      path: '$.components.rpc.listerFormations.label',
    },
  ],
  'description-missing': [
    {
      shows: 'reports a module without a description',
      edits: { [MANIFEST]: (d) => void delete d.components.module.listerSessions.description },
      file: MANIFEST,
      path: '$.components.module.listerSessions.description',
    },
  ],
  'text-french': [
    {
      shows: 'warns about an English help text',
      edits: { [code(INSCRIRE, 'mappable-params')]: (d) => void (d[0].help = 'All your students, in the catalogue format.') },
      file: code(INSCRIRE, 'mappable-params'),
      path: '$[0].help',
      message: /reads as English \('all', 'your', 'students', 'in', 'the'\)/,
    },
    {
      shows: 'warns about an English module description',
      edits: { [MANIFEST]: (d) => void (d.components.module.listerSessions.description = 'Get the sessions of the catalogue.') },
      file: MANIFEST,
      path: '$.components.module.listerSessions.description',
    },
    {
      shows: 'warns about an English error message',
      edits: { [BASE]: (d) => void (d.response.error['429'].message = 'Too many requests: please retry later ({{statusCode}})') },
      file: BASE,
      path: '$.response.error.429.message',
    },
  ],
  'action-label-verb': [
    {
      shows: 'warns about an action whose label does not start with a French infinitive',
      edits: { [MANIFEST]: (d) => void (d.components.module.verifierCompte.label = 'Vérification du compte') },
      file: MANIFEST,
      path: '$.components.module.verifierCompte.label',
      message: /starts with 'Vérification'/,
    },
  ],
  'input-help': [
    {
      shows: 'reports a field of an array input (spec) without help',
      edits: { [code(INSCRIRE, 'mappable-params')]: (d) => void delete d[0].spec[3].help },
      file: code(INSCRIRE, 'mappable-params'),
      path: '$[0].spec[3]',
      message: /input 'entreprise' \('Nom de l'entreprise'\) of module 'inscrireApprenants' has no help/,
    },
    {
      shows: 'reports a nested connection input without help',
      edits: { [code(CONNECTION, 'params')]: (d) => void (d[1].options[1].nested[0].help = '') },
      file: code(CONNECTION, 'params'),
      path: '$[1].options[1].nested[0]',
      message: /input 'adresse'/,
    },
  ],
  'search-limit-last': [
    {
      shows: 'reports a maximum count that is not the last input of a search',
      edits: { [code(SESSIONS, 'mappable-params')]: (d) => void d.push({ name: 'statut', type: 'text', label: 'Statut', help: 'Le statut des sessions à récupérer.' }) },
      file: code(SESSIONS, 'mappable-params'),
      path: '$[1]',
      message: /'limit' of search 'listerSessions' is input 2 of 3 \(followed by 'statut'\)/,
    },
  ],
  'rate-limit-mapped': [
    {
      shows: 'reports a base that maps 429 to another type',
      edits: { [BASE]: (d) => void (d.response.error['429'].type = 'RuntimeError') },
      file: BASE,
      path: '$.response.error.429.type',
      message: /maps HTTP 429 to 'RuntimeError'/,
    },
    {
      shows: 'reports a base that does not map 429 at all',
      edits: { [BASE]: (d) => void delete d.response.error['429'] },
      file: BASE,
      path: '$.response.error',
    },
    {
      shows: 'reports a module that overrides the mapping',
      edits: { [code(INSCRIRE, 'communication')]: (d) => void (d.response.error = { '429': { message: 'Trop de demandes.', type: 'DataError' } }) },
      file: code(INSCRIRE, 'communication'),
      path: '$.response.error.429.type',
    },
  ],
  'auth-sanitized': [
    {
      shows: 'reports a base that sends Authorization without sanitising it',
      edits: { [BASE]: (d) => void (d.log.sanitize = []) },
      file: BASE,
      path: '$.headers.authorization',
      hint: /add "request\.headers\.authorization" to log\.sanitize/,
    },
    {
      shows: 'reports a connection that does not sanitise its own Authorization header',
      edits: { [code(CONNECTION, 'communication')]: (d) => void delete d.log },
      file: code(CONNECTION, 'communication'),
      path: '$.headers.authorization',
    },
  ],
  'no-secret-in-dist': [
    {
      shows: 'reports a literal bearer token, without printing it',
      edits: { [BASE]: (d) => void (d.headers.authorization = `Bearer ${TOKEN}`) },
      file: BASE,
      path: '$.headers.authorization',
      message: /looks like a bearer token: 'Bear…'/,
      unprinted: TOKEN,
    },
    {
      shows: 'reports a literal default for the API key',
      edits: { [code(CONNECTION, 'params')]: (d) => void (d[0].default = 'demo') },
      file: code(CONNECTION, 'params'),
      path: '$[0].default',
    },
    {
      shows: 'reports "apiKey": "<literal>" anywhere',
      edits: {
        [code(VERIFIER, 'communication')]: (d) => {
          d.qs = { apiKey: 'abc123' };
          d.log = { sanitize: ['request.qs.apiKey'] };
        },
      },
      file: code(VERIFIER, 'communication'),
      path: '$.qs.apiKey',
    },
    {
      shows: 'reports a long hex literal in the README',
      edits: { [README]: (text: string) => `${text}\nclé : 3f9a1c2b7d4e8f603f9a1c2b7d4e8f60\n` },
      file: README,
      path: '$',
      message: /^line \d+ contains what looks like a long hexadecimal literal/,
    },
  ],
  'secret-param-password': [
    {
      shows: 'reports a key input that is not of type password',
      edits: { [code(CONNECTION, 'params')]: (d) => void (d[0].type = 'text') },
      file: code(CONNECTION, 'params'),
      path: '$[0].type',
      message: /input 'apiKey' of connection 'catalogue' looks like a credential but has type 'text'/,
    },
  ],
};

describe('the fixture app as emitted', () => {
  it('has no finding at all, so that each break below gives only its own', () => {
    expect(check(clean).map(formatFinding)).toEqual([]);
  });

  it('has at least one break for every rule, and none for an id no rule has', () => {
    expect(Object.keys(BREAKS).sort()).toEqual([...ALL_RULE_IDS].sort());
  });
});

describe.each(Object.entries(BREAKS))('%s', (rule, breaks) => {
  it.each(breaks)('$shows', ({ edits, file, path, message, hint, unprinted }) => {
    const finding = expectOnly(broken(edits), { rule, file, path, message, hint });
    if (unprinted) expect(formatFinding(finding)).not.toContain(unprinted);
  });
});

describe('what the rules accept', () => {
  it('a custom function of the app (iml-unknown-function)', () => {
    const withFunction = broken({ [code(VERIFIER, 'communication')]: (d) => void (d.response.output.message = '{{nettoyer(body.etat)}}') });
    expect(check(withFunction).map((f) => f.rule)).toEqual(['iml-unknown-function']);
    withFunction.functions.nettoyer = { id: 'nettoyer', meta: {}, codes: { code: 'function nettoyer(v) { return v; }' }, paths: {} };
    expect(check(withFunction)).toEqual([]);
  });

  it('a button that loads an RPC the app has (rpc-unresolved)', () => {
    const button = { label: 'Chercher une formation', url: 'rpc://listerFormations' };
    expect(check(broken({ [code(SESSIONS, 'mappable-params')]: (d) => void (d[0].options[1].nested[0].rpc = button) }))).toEqual([]);
  });

  it('undefined, emptystring, emptyarray, now, true, false and null (undocumented-keyword)', () => {
    const documented = '{{if(now, ifempty(emptystring, undefined), if(true, emptyarray, if(false, null, 1)))}}';
    expect(check(broken({ [code(VERIFIER, 'communication')]: (d) => void (d.qs = { a: documented }) }))).toEqual([]);
  });

  it('what Make documents where it documents it (undocumented-variable)', () => {
    const file = code(SESSIONS, 'communication');
    const documented = (d: Json): void => {
      d.response.iterate = { container: '{{body.sessions}}', condition: '{{item.code != emptystring}}' };
      d.pagination.condition = '{{length(body.sessions) > 0 && iterate.container.last.code != temp.derniere}}';
      d.pagination.headers = { 'x-page': '{{pagination.page}}', 'x-de': '{{headers.`x-total`}}' };
    };
    const undocumentedAt = (emitted: EmittedApp): string[] =>
      check(emitted)
        .filter((f) => f.rule.startsWith('undocumented-') && f.file === file && /^\$\.(response\.iterate|pagination)/.test(f.path))
        .map(formatFinding);
    expect(undocumentedAt(broken({ [file]: documented }))).toEqual([]);
  });

  it('"API Key", the label Make users know for the key field, as a technical name (text-french)', () => {
    const params = clean.connections.catalogue.codes.params as Json[];
    expect(params[0].label).toBe('API Key');
    expect(check(clean).filter((f) => f.rule === 'text-french')).toEqual([]);
  });
});

describe('id-format and the format schema', () => {
  it('reports a bad id once: id-format supersedes the format schema at the same place', () => {
    const findings = check(
      broken({
        [MANIFEST]: (d) => {
          d.components.module.inscrire_apprenants = d.components.module.inscrireApprenants;
          delete d.components.module.inscrireApprenants;
        },
        [GROUPS]: (d) => void (d[0].modules[1] = 'inscrire_apprenants'),
      }),
    );
    expect(findings.map((f) => `${f.rule} ${f.file}:${f.path}`)).toEqual([
      'id-format makecomapp.json:$.components.module.inscrire_apprenants',
      'format-schema modules/groups.json:$[0].modules[1]',
    ]);
  });
});

describe('the French rules read the language the app declares', () => {
  const english = broken({ [MANIFEST]: (d) => void (d.components.module.verifierCompte.label = 'Check the account') });

  it.each([
    ['fr', ['action-label-verb', 'text-french']],
    ['fr-CA', ['action-label-verb', 'text-french']],
    ['en', []],
    ['de', []],
  ])("language '%s': %j", (language, rules) => {
    expect(check(english, { language }).map((f) => f.rule)).toEqual(rules);
  });
});

describe('checkApp as a whole', () => {
  it('sorts findings by file, path and rule, the same way every run', () => {
    const app2 = broken({
      [BASE]: (d) => void (d.log.sanitize = []),
      [GROUPS]: (d) => void d[0].modules.splice(1, 1),
      [code(VERIFIER, 'samples')]: (d) => void (d.valide = 'oui'),
    });
    const first = check(app2);
    expect(first.map((f) => `${f.file} ${f.rule}`)).toEqual([
      'general/base.iml.json auth-sanitized',
      'modules/groups.json groups-missing-module',
      'modules/verifier-compte/verifier-compte.samples.iml.json samples-interface',
    ]);
    expect(check(app2)).toEqual(first);
  });

  it('does not throw on malformed files: wrong shapes are reported by format-schema, not crashes', () => {
    const mangled = broken({
      [code(INSCRIRE, 'mappable-params')]: () => 42,
      [code(INSCRIRE, 'interface')]: () => ({ not: 'a list' }),
      [code(INSCRIRE, 'samples')]: () => [1, 2],
      [code(VERIFIER, 'communication')]: () => [null, 'x', { response: 'no' }],
      [code(SESSIONS, 'communication')]: () => ({ response: { iterate: 7 }, pagination: 'x' }),
      [code('rpcs/lister-formations/lister-formations', 'communication')]: () => [{ response: [] }],
      [BASE]: () => null,
      [GROUPS]: () => [null, { label: 'x', modules: 'all' }],
      [code(CONNECTION, 'params')]: () => [null, { name: 7, options: 'rpc://' }],
      [MANIFEST]: (d) => void (d.components.module.inscrireApprenants.label = 12),
    });
    const findings = check(mangled);
    expect(findings.filter((f) => f.rule === 'check-crashed')).toEqual([]);
    expect(findings.some((f) => f.rule === 'format-schema' && f.file === code(INSCRIRE, 'mappable-params'))).toBe(true);
    expect(findings.some((f) => f.rule === 'rate-limit-mapped' && f.file === BASE && f.path === '$')).toBe(true);
  });

  it('reports a code file that makecomapp.json does not list (codeFiles null) without crashing', () => {
    const partial = broken({ [MANIFEST]: (d) => void (d.components.module.inscrireApprenants.codeFiles.communication = null) });
    expect(() => check(partial)).not.toThrow();
    expect(check(partial).filter((f) => f.rule === 'check-crashed')).toEqual([]);
  });

  it('never crashes, whatever value replaces whatever node of whatever file (property)', () => {
    const nodes: Array<{ path: string; segments: Array<string | number> }> = [];
    const collect = (path: string, value: Json, segments: Array<string | number>): void => {
      nodes.push({ path, segments });
      if (Array.isArray(value)) value.forEach((item, i) => collect(path, item, [...segments, i]));
      else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(path, v, [...segments, k]);
    };
    for (const file of files) if (file.path.endsWith('.json')) collect(file.path, JSON.parse(file.content), []);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: nodes.length - 1 }), fc.jsonValue({ maxDepth: 3 }), (at, replacement) => {
        const { path, segments } = nodes[at];
        let emitted: EmittedApp;
        try {
          emitted = broken({
            [path]: (d) => {
              if (segments.length === 0) return replacement;
              const parent = segments.slice(0, -1).reduce((node: Json, key) => node[key], d);
              parent[segments[segments.length - 1]] = replacement;
              return d;
            },
          });
        } catch (error) {
          if (error instanceof EmittedAppError) return; // makecomapp.json too broken to read: validate exits 2
          throw error;
        }
        const crashed = check(emitted).filter((f) => f.rule === 'check-crashed');
        expect(crashed.map(formatFinding), `${path} ${JSON.stringify(segments)} := ${JSON.stringify(replacement)}`).toEqual([]);
      }),
      { numRuns: 120, seed: 5 },
    );
  });

  it('turns a rule that throws into a check-crashed finding naming the rule, instead of stopping', () => {
    const hostile = broken({});
    Object.defineProperty(hostile, 'rpcs', { get: () => { throw new Error('boom'); } });
    const findings = check(hostile);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.rule === 'check-crashed' && /^rule [a-z-]+ crashed: boom$/.test(f.message))).toBe(true);
  });
});
