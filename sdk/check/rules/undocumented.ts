// What an app uses that Make's documentation does not give it, as a reviewer reading the docs would refuse it:
// undocumented-directive (a directive Make does not document for the component's type: `wrapper` on a search,
// `iterate`, `pagination` or `limit` on an action, a connection's `data` on a module, ...), undocumented-keyword
// (a bare word of the IML parser that app IML does not document: `ignore`, `erase`, `newline`, ...) and
// undocumented-variable (an IML variable read where Make does not document it: `item` outside iterate.condition
// and output, `output` outside wrapper, `pagination` outside the pagination block, `body` in a request, ...).
// Every table below is written from the pages named beside its entries (D: = https://developers.make.com/
// custom-apps-documentation/, OLD: = https://integromat.github.io/apps/, the pages of Make's first editor).
import type { ComponentFiles, EmittedApp } from '../../emitted';
import { compileTemplate, ImlError, parseTemplate, walkExpression } from '../../iml';
import type { ExpressionNode } from '../../iml/ast';
import { suggest } from '../../suggest';
import { jsonPath, type Finding } from '../findings';
import { collectImlStrings } from '../imlStrings';
import { appFiles, components, IML_CODES, isObject, quote, requestsOf, type JsonObject, type Segments } from './walk';

type Kind = 'action' | 'search' | 'rpc' | 'connection';

/** A table's own entry: a name read from the app (`constructor`, `toString`) must not find Object's members. */
function entryOf<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

const KIND_NAMES: Record<Kind, string> = { action: 'an action', search: 'a search', rpc: 'an RPC', connection: 'a connection' };

// ---------------------------------------------------------------- undocumented-directive

/** The response directives our format schema accepts; a key outside this list is format-schema's to report. */
const KNOWN_RESPONSE_DIRECTIVES = ['type', 'valid', 'limit', 'error', 'iterate', 'temp', 'output', 'trigger', 'data', 'metadata', 'uid', 'oauth', 'wrapper', 'expires'];

/** The response directives Make documents for each component type. */
const RESPONSE_DIRECTIVES: Record<Kind, readonly string[]> = {
  // D:app-components/modules/action/components: "The communication `response` is extended with the `wrapper`
  // object. `limit` is not available in `response` as the result of the action should always be only one bundle";
  // D:best-practices/modules/search-modules: "An action module should never contain pagination or the iterate
  // directive."
  action: ['type', 'valid', 'error', 'temp', 'output', 'wrapper'],
  // D:app-components/modules/search and D:component-blocks/api/handling-responses (type, valid, error, limit,
  // iterate, temp, output); OLD:search.html lists the same in its response table, without `wrapper`, which only
  // the action page adds to `response`.
  search: ['type', 'valid', 'error', 'limit', 'iterate', 'temp', 'output'],
  // D:app-components/rpcs ("As with modules, you can use pagination in RPCs"; `output` "when using the wrapper
  // directive"); OLD:rpc.html, whose specification lists `wrapper`.
  rpc: ['type', 'valid', 'error', 'limit', 'iterate', 'temp', 'output', 'wrapper'],
  // D:app-structure/connections/basic-connection: "response.limit is not available", "response.iterate directive is
  // not available", "response.output is not available", "response is extended with data, uid and metadata".
  connection: ['type', 'valid', 'error', 'temp', 'data', 'metadata', 'uid'],
};

/** Request-level directives Make says a component type does not have, with the page's words. */
const UNDOCUMENTED_REQUEST_DIRECTIVES: Record<Kind, Readonly<Record<string, string>>> = {
  // D:best-practices/modules/search-modules
  action: { pagination: '"An action module should never contain pagination or the iterate directive"' },
  search: {},
  rpc: {},
  // D:app-structure/connections/basic-connection
  connection: { pagination: '"pagination directive is not available"', aws: '"aws directive is not available"' },
};

/** How to fix a directive a type does not have: `<kind>:<directive>`, else `*:<directive>`. */
const DIRECTIVE_HINTS: Record<string, (id: string) => string> = {
  'action:iterate': (id) => `remove response.iterate and return the list as one array field of the output, or make '${id}' a search`,
  'action:pagination': (id) => `remove pagination (an action makes its requests once), or make '${id}' a search`,
  'action:limit': () => 'remove response.limit: an action returns exactly one bundle',
  'search:wrapper': (id) =>
    `remove response.wrapper: a search outputs one bundle per item of response.iterate (Make counts them itself); to return one bundle, make '${id}' an action`,
  'connection:output': () => 'remove response.output: a connection only checks the credentials and saves data, metadata and uid',
  'connection:iterate': () => 'remove response.iterate: a connection makes one request and outputs nothing',
  'connection:limit': () => 'remove response.limit: a connection outputs nothing',
  'connection:pagination': () => 'remove pagination: a connection makes a single request',
  'connection:aws': () => 'remove aws: Make does not sign a connection request',
  '*:data': () => 'remove response.data: only a connection saves data (read it in modules as connection.*)',
  '*:metadata': () => 'remove response.metadata: only a connection saves metadata (the label of the connection)',
  '*:uid': () => "remove response.uid: only a connection saves the account's remote id",
  '*:expires': () => 'remove response.expires: only an OAuth connection says when its token expires',
  '*:trigger': () => 'remove response.trigger: it belongs to polling triggers',
};

function directiveHint(kind: Kind, directive: string, id: string): string {
  const hint = entryOf(DIRECTIVE_HINTS, `${kind}:${directive}`) ?? entryOf(DIRECTIVE_HINTS, `*:${directive}`);
  return hint ? hint(id) : `remove ${directive}, which Make does not document for ${KIND_NAMES[kind]}`;
}

interface Communication {
  kind: Kind;
  component: ComponentFiles;
  file: string;
}

/** The communications whose type has a table: actions and searches, RPCs, basic connections. */
function typedCommunications(app: EmittedApp): Communication[] {
  const found: Communication[] = [];
  const add = (component: ComponentFiles, kind: Kind | undefined): void => {
    const file = component.paths?.communication;
    if (kind && typeof file === 'string') found.push({ kind, component, file });
  };
  for (const module of components(app, 'modules')) {
    const type = module.meta?.moduleType;
    add(module, type === 'action' || type === 'search' ? type : undefined);
  }
  for (const rpc of components(app, 'rpcs')) add(rpc, 'rpc');
  // An OAuth connection's communication is a set of named requests with other variables: not covered here.
  for (const connection of components(app, 'connections')) add(connection, connection.meta?.connectionType === 'basic' ? 'connection' : undefined);
  return found;
}

export function checkUndocumentedDirectives(app: EmittedApp): Finding[] {
  return typedCommunications(app).flatMap(({ kind, component, file }) =>
    requestsOf(component.codes?.communication).flatMap(({ request, segments }) => [
      ...undocumentedRequestDirectives(kind, request).map(([directive, words]) =>
        directiveFinding({ kind, id: component.id, file, segments: [...segments, directive], directive, shown: directive, why: `Make: ${words}` }),
      ),
      ...undocumentedResponseDirectives(kind, request).map((directive) =>
        directiveFinding({
          kind,
          id: component.id,
          file,
          segments: [...segments, 'response', directive],
          directive,
          shown: `response.${directive}`,
          why: `its documented response directives: ${RESPONSE_DIRECTIVES[kind].join(', ')}`,
        }),
      ),
    ]),
  );
}

function undocumentedRequestDirectives(kind: Kind, request: JsonObject): Array<[string, string]> {
  return Object.entries(UNDOCUMENTED_REQUEST_DIRECTIVES[kind]).filter(([directive]) => request[directive] !== undefined);
}

function undocumentedResponseDirectives(kind: Kind, request: JsonObject): string[] {
  const response = isObject(request.response) ? request.response : {};
  return KNOWN_RESPONSE_DIRECTIVES.filter((directive) => response[directive] !== undefined && !RESPONSE_DIRECTIVES[kind].includes(directive));
}

interface DirectiveUse {
  kind: Kind;
  id: string;
  file: string;
  segments: Segments;
  directive: string;
  /** How the message names it: `pagination`, `response.wrapper`. */
  shown: string;
  why: string;
}

function directiveFinding({ kind, id, file, segments, directive, shown, why }: DirectiveUse): Finding {
  return {
    severity: 'error',
    rule: 'undocumented-directive',
    file,
    path: jsonPath(segments),
    message: `${ownerName(kind, id)} has ${shown}, which Make does not document for ${KIND_NAMES[kind]} (${why})`,
    hint: directiveHint(kind, directive, id),
  };
}

function ownerName(kind: Kind, id: string): string {
  return `${kind === 'rpc' ? 'RPC' : kind} '${id}'`;
}

// ---------------------------------------------------------------- undocumented-keyword

/** The bare words (keywords and built-in variables of the parser) that app IML documents. */
const DOCUMENTED_WORDS: ReadonlySet<string> = new Set([
  // D:app-components/modules/action/components, D:app-components/modules/search, D:app-components/rpcs:
  // "now — Current date and time".
  'now',
  // Omitting a value: `{{ifempty(parameters.content, undefined)}}` (https://docs.integromat.com/apps/best-practices/
  // processing-of-input-parameters); `undefined`, `emptyarray` and `emptystring` are the bare words of the IML
  // grammar of Make's VS Code extension (integromat/vscode-apps-sdk syntaxes/iml/iml.tmLanguage).
  'undefined',
  'emptyarray',
  'emptystring',
]);

/** Why a bare word the parser knows is not app IML, and what to write instead. */
const UNDOCUMENTED_WORDS: Record<string, { why: string; hint: string }> = {
  // D:other/processing-of-empty-values: "the user has to use the erase keyword" (a user's mapping, not app IML).
  erase: { why: "a keyword of users' mappings", hint: 'to send an empty value write null, emptystring or emptyarray; to leave the field out, undefined' },
  // Keywords of scenario mappings (help.make.com); no page of the app documentation has them.
  ignore: { why: 'a keyword of scenario mappings', hint: 'to leave the value out write undefined, e.g. {{if(condition, value, undefined)}}' },
  space: { why: 'a keyword of scenario mappings', hint: "write the space as text: ' ' inside the expression, or outside the braces" },
  nbsp: { why: 'a keyword of scenario mappings', hint: 'write the non-breaking space as text, outside the braces' },
  tab: { why: 'a keyword of scenario mappings', hint: 'write \\t in the JSON text, outside the braces' },
  newline: { why: 'a keyword of scenario mappings', hint: 'write \\n in the JSON text, outside the braces' },
  carriagereturn: { why: 'a keyword of scenario mappings', hint: 'write \\r in the JSON text, outside the braces' },
  // Variables of scenario mappings; the app pages list now, environment, temp, parameters, ... and none of these.
  timestamp: { why: 'a variable of scenario mappings', hint: "use now, e.g. {{formatDate(now, 'X')}}" },
  uuid: { why: 'a variable of scenario mappings', hint: 'generate it with a custom IML function' },
  pi: { why: 'a variable of scenario mappings', hint: 'write the number' },
  random: { why: 'a variable of scenario mappings', hint: 'compute it with a custom IML function' },
};

/** The expressions of a template, or undefined when it does not parse (iml-syntax reports that). */
function expressionsOf(template: string): ExpressionNode[] | undefined {
  return astOf(template)?.parts.flatMap((part) => (part.kind === 'expression' ? [part.expression] : []));
}

/** The compiled (cached) tree; a template that parses but fails compile's argument counts is parsed bare. */
function astOf(template: string): ReturnType<typeof parseTemplate> | undefined {
  for (const read of [() => compileTemplate(template).ast, () => parseTemplate(template)]) {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ImlError)) throw error;
    }
  }
  return undefined;
}

type NamedKind = 'keyword' | 'variable' | 'identifier';

/** The first offset of each name of the given kinds (a keyword, a built-in variable, a root read from the context). */
function namesIn(expressions: ExpressionNode[], kinds: readonly NamedKind[]): Map<string, number> {
  const names = new Map<string, number>();
  for (const expression of expressions) {
    walkExpression(expression, (node) => {
      if ((node.kind === 'keyword' || node.kind === 'variable' || node.kind === 'identifier') && kinds.includes(node.kind) && !names.has(node.name)) {
        names.set(node.name, node.pos);
      }
    });
  }
  return names;
}

export function checkUndocumentedKeywords(app: EmittedApp): Finding[] {
  const findings: Finding[] = [];
  for (const { file, code, value } of appFiles(app)) {
    if (!IML_CODES.has(code)) continue;
    for (const { template, segments } of collectImlStrings(value)) {
      const expressions = expressionsOf(template);
      if (!expressions) continue;
      for (const [word, position] of namesIn(expressions, ['keyword', 'variable'])) {
        if (DOCUMENTED_WORDS.has(word)) continue;
        const known = entryOf(UNDOCUMENTED_WORDS, word);
        findings.push({
          severity: 'error',
          rule: 'undocumented-keyword',
          file,
          path: jsonPath(segments),
          message: `'${word}' (offset ${position} of ${quote(template, 120)}) is not a word Make documents in app IML${known ? ` (${known.why})` : ''}`,
          hint: known?.hint ?? `use a documented word (${[...DOCUMENTED_WORDS].join(', ')}) or a function`,
        });
      }
    }
  }
  return findings;
}

// ---------------------------------------------------------------- undocumented-variable

/**
 * Where a value sits in a request: `request` (url, qs, headers, body, temp, condition, ...: evaluated before the
 * response), `response.<directive>`, `response.iterate.condition`, or `pagination`.
 */
type Place = string;

interface VariableScope {
  /** The places, or their prefixes, where Make documents the variable; `*` = anywhere. */
  places: readonly Place[];
  /** Documented only while the request iterates (`item`, `iterate.container.*`). */
  whileIterating?: boolean;
  hint: string;
}

const EVERYWHERE: VariableScope = { places: ['*'], hint: '' };

/** Variables of modules, RPCs and the base (which modules and RPCs inherit). */
const MODULE_VARIABLES: Record<string, VariableScope> = {
  // D:app-components/modules/action/components, D:app-components/modules/search, D:app-components/rpcs: "These IML
  // variables are available for you to use everywhere in this module".
  environment: EVERYWHERE,
  temp: EVERYWHERE,
  parameters: EVERYWHERE,
  connection: EVERYWHERE,
  common: EVERYWHERE,
  data: EVERYWHERE,
  scenario: EVERYWHERE,
  metadata: EVERYWHERE,
  // https://docs.integromat.com/apps/app-structure/rpcs/available-iml-variables: "Additional variables available to
  // Pagination and Response Objects: body, headers"; D:component-blocks/api/pagination: the condition "has all
  // context variables available to it as response collection, such as body, headers, temp".
  body: {
    places: ['response', 'pagination'],
    hint: 'read the response in response (or pagination); to use it in a later request, save it in response.temp and read temp',
  },
  headers: {
    places: ['response', 'pagination'],
    hint: 'read the response headers in response (or pagination); to use them in a later request, save them in response.temp',
  },
  // D:component-blocks/api/handling-responses/iterate: "The item variable is available in this directive
  // [iterate.condition]", "You can use the item variable in the output directive"; OLD:pagination.html:
  // "trigger": {"id": "{{item.id}}", ...}.
  item: {
    places: ['response.iterate.condition', 'response.output', 'response.trigger'],
    whileIterating: true,
    hint: 'read item in response.output or response.iterate.condition of a request that iterates; elsewhere read body',
  },
  // D:app-components/modules/search: "output — When using the wrapper directive, the output variable represents the
  // result of the output directive".
  output: { places: ['response.wrapper'], hint: 'read output in response.wrapper only; elsewhere read body (or item)' },
  // available-iml-variables (above): "Additional variables available after using the iterate directive, i.e. in
  // wrapper or pagination directives: iterate.container.first, iterate.container.last".
  iterate: {
    places: ['response.wrapper', 'pagination'],
    whileIterating: true,
    hint: 'read iterate.container.first/last in response.wrapper or pagination of a request that iterates',
  },
  // D:component-blocks/api/handling-responses/valid: "message": "Service returned HTTP {{statusCode}} ..."; D:app-
  // components/base: "error": {"message": "[{{statusCode}}]: {{body.reason}}"}.
  statusCode: { places: ['response.error', 'response.valid'], hint: 'read statusCode in response.error or response.valid (their messages)' },
  // D:debug-your-app/debugging-of-pagination-in-list-search-modules: "pagination": {"qs": {"page":
  // "{{pagination.page}}"}} — and nowhere else.
  pagination: {
    places: ['pagination'],
    hint: 'read pagination.page in the pagination block only; the first request asks for the first page with a literal',
  },
};

/** Variables of a basic connection's communication. */
const CONNECTION_VARIABLES: Record<string, VariableScope> = {
  // D:app-structure/connections/basic-connection: "These IML variables are available for you to use everywhere in
  // this module: now, environment, temp, parameters, common, data, oauth.scope, oauth.redirectUri".
  environment: EVERYWHERE,
  temp: EVERYWHERE,
  parameters: EVERYWHERE,
  common: EVERYWHERE,
  data: EVERYWHERE,
  oauth: EVERYWHERE,
  // OLD:account.basic.md: "data": {"accessToken": "{{body.token}}"}, "metadata": {"value": "{{body.data.username}}"}.
  body: { places: ['response'], hint: 'read the response in response only; the connection parameters are parameters.*' },
  headers: { places: ['response'], hint: 'read the response headers in response only' },
  // The error handling a connection includes (D:app-components/base/error-handling): "[{{statusCode}}] ...".
  statusCode: { places: ['response.error', 'response.valid'], hint: 'read statusCode in response.error or response.valid (their messages)' },
};

function placeOf(segments: Segments): Place {
  const [first, second, third] = segments;
  if (first === 'pagination') return 'pagination';
  if (first !== 'response' || typeof second !== 'string') return 'request';
  if (second === 'iterate' && third === 'condition') return 'response.iterate.condition';
  return `response.${second}`;
}

function documentedAt(place: Place, places: readonly Place[]): boolean {
  return places.some((documented) => documented === '*' || place === documented || place.startsWith(`${documented}.`));
}

function describePlace(place: Place, segments: Segments): string {
  return place === 'request' ? `the request's ${String(segments[0] ?? 'url')} (evaluated before its response)` : place;
}

interface VariableContext {
  file: string;
  owner: string;
  value: unknown;
  variables: Record<string, VariableScope>;
}

function variableContexts(app: EmittedApp): VariableContext[] {
  const contexts: VariableContext[] = [];
  const baseFile = app.generalPaths?.base;
  if (typeof baseFile === 'string') contexts.push({ file: baseFile, owner: 'the base', value: app.general?.base, variables: MODULE_VARIABLES });
  for (const { kind, component, file } of typedCommunications(app)) {
    const variables = kind === 'connection' ? CONNECTION_VARIABLES : MODULE_VARIABLES;
    contexts.push({ file, owner: ownerName(kind, component.id), value: component.codes?.communication, variables });
  }
  return contexts;
}

export function checkUndocumentedVariables(app: EmittedApp): Finding[] {
  return variableContexts(app).flatMap((context) =>
    requestsOf(context.value).flatMap(({ request, segments }) => checkRequestVariables(context, request, segments)),
  );
}

function checkRequestVariables(context: VariableContext, request: JsonObject, requestSegments: Segments): Finding[] {
  const iterates = isObject(request.response) && request.response.iterate !== undefined;
  const findings: Finding[] = [];
  for (const { template, segments } of collectImlStrings(request, requestSegments)) {
    const expressions = expressionsOf(template);
    if (!expressions) continue;
    const inRequest = segments.slice(requestSegments.length);
    const place = placeOf(inRequest);
    for (const [name, position] of namesIn(expressions, ['identifier'])) {
      if (DOCUMENTED_WORDS.has(name)) continue;
      const problem = variableProblem(context.variables, name, place, iterates);
      if (!problem) continue;
      findings.push({
        severity: 'error',
        rule: 'undocumented-variable',
        file: context.file,
        path: jsonPath(segments),
        message: `${context.owner} reads '${name}' (offset ${position} of ${quote(template, 120)}) in ${describePlace(place, inRequest)}, ${problem.why}`,
        hint: problem.hint,
      });
    }
  }
  return findings;
}

function variableProblem(
  variables: Record<string, VariableScope>,
  name: string,
  place: Place,
  iterates: boolean,
): { why: string; hint: string } | undefined {
  const scope = entryOf(variables, name);
  if (!scope) {
    const guess = suggest(name, Object.keys(variables));
    return {
      why: `which is not an IML variable Make documents here (documented: ${Object.keys(variables).join(', ')})`,
      hint: guess ? `did you mean '${guess}'?` : 'read one of the documented variables, or save the value in temp first',
    };
  }
  if (!documentedAt(place, scope.places)) {
    return { why: `where Make does not document it (documented in: ${scope.places.join(', ')})`, hint: scope.hint };
  }
  if (scope.whileIterating && !iterates) {
    return { why: 'but the request has no response.iterate, and Make documents it only while iterating', hint: scope.hint };
  }
  return undefined;
}
