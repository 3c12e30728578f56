// undocumented-variable: a communication reads each IML variable where Make documents it (`item` in
// iterate.condition and output of a request that iterates, `output` in wrapper, `pagination` in the pagination
// block, `body` in the response, ...); an unknown root is reported with the likely name.
// Every table below is written from the pages named beside its entries (D: = https://developers.make.com/
// custom-apps-documentation/, OLD: = https://integromat.github.io/apps/, the pages of Make's first editor).
import type { EmittedApp } from '../../emitted';
import { suggest } from '../../suggest';
import { collectImlStrings } from '../imlStrings';
import type { Rule, RuleFinding } from '../rule';
import { jsonPath } from '../findings';
import { ownerName, typedCommunications } from '../support/communications';
import { DOCUMENTED_WORDS, expressionsOf, namesIn } from '../support/imlNames';
import type { PathSegments } from '../../../lib/paths';
import { isPlainObject, quoteValue } from '../../../lib/values';
import { ownEntry, requestsOf, type JsonObject } from '../support/walk';

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

/** A universal module ("Make an API Call") outputs the raw answer: Make's standard template for it reads
 * `{"output": {"body": "{{body}}", "headers": "{{headers}}", "statusCode": "{{statusCode}}"}}` (Make's own notes on
 * building that module, integromat/make-skills). */
const UNIVERSAL_VARIABLES: Record<string, VariableScope> = {
  ...MODULE_VARIABLES,
  statusCode: { ...MODULE_VARIABLES.statusCode, places: [...MODULE_VARIABLES.statusCode.places, 'response.output'] },
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
  // OLD:account.basic.html: "data": {"accessToken": "{{body.token}}"}, "metadata": {"value": "{{body.data.username}}"}.
  body: { places: ['response'], hint: 'read the response in response only; the connection parameters are parameters.*' },
  headers: { places: ['response'], hint: 'read the response headers in response only' },
  // The error handling a connection includes (D:app-components/base/error-handling): "[{{statusCode}}] ...".
  statusCode: { places: ['response.error', 'response.valid'], hint: 'read statusCode in response.error or response.valid (their messages)' },
};

function placeOf(segments: PathSegments): Place {
  const [first, second, third] = segments;
  if (first === 'pagination') return 'pagination';
  if (first !== 'response' || typeof second !== 'string') return 'request';
  if (second === 'iterate' && third === 'condition') return 'response.iterate.condition';
  return `response.${second}`;
}

function documentedAt(place: Place, places: readonly Place[]): boolean {
  return places.some((documented) => documented === '*' || place === documented || place.startsWith(`${documented}.`));
}

function describePlace(place: Place, segments: PathSegments): string {
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
    const variables = kind === 'connection' ? CONNECTION_VARIABLES : kind === 'universal' ? UNIVERSAL_VARIABLES : MODULE_VARIABLES;
    contexts.push({ file, owner: ownerName(kind, component.id), value: component.codes?.communication, variables });
  }
  return contexts;
}

export const undocumentedVariable: Rule = {
  id: 'undocumented-variable',
  severity: 'error',
  description:
    'a communication reads each IML variable where Make documents it: `body`/`headers` in `response` and `pagination`, `item` in `iterate.condition` and `output` of a request that iterates, `output` in `wrapper`, `statusCode` in `error` and `valid`, `pagination` in the pagination block; an unknown root is reported with the likely name',
  hint: 'read one of the documented variables where Make documents it, or save the value in temp first',
  check: (app) =>
    variableContexts(app).flatMap((context) =>
      requestsOf(context.value).flatMap(({ request, segments }) => undocumentedReads(context, request, segments)),
    ),
};

function undocumentedReads(context: VariableContext, request: JsonObject, requestSegments: PathSegments): RuleFinding[] {
  const iterates = isPlainObject(request.response) && request.response.iterate !== undefined;
  const findings: RuleFinding[] = [];
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
        file: context.file,
        path: jsonPath(segments),
        message: `${context.owner} reads '${name}' (offset ${position} of ${quoteValue(template, 120)}) in ${describePlace(place, inRequest)}, ${problem.why}`,
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
  const scope = ownEntry(variables, name);
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
