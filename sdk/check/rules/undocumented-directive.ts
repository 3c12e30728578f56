// undocumented-directive: a module, RPC or basic connection has only the directives Make documents for its type
// (`wrapper` on a search, `iterate`, `pagination` or `limit` on an action, a connection's `data` on a module, ...
// are refused, as a reviewer reading the docs would refuse them).
// Every table below is written from the pages named beside its entries (D: = https://developers.make.com/
// custom-apps-documentation/, OLD: = https://integromat.github.io/apps/, the pages of Make's first editor).
import type { Rule, RuleFinding } from '../rule';
import { jsonPath } from '../findings';
import { KIND_NAMES, ownerName, typedCommunications, type Kind } from '../support/communications';
import type { PathSegments } from '../../../lib/paths';
import { isPlainObject } from '../../../lib/values';
import { ownEntry, requestsOf, type JsonObject } from '../support/walk';

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
  // D:app-components/modules/universal-module: the components of an action module, without `iterate`.
  universal: ['type', 'valid', 'error', 'temp', 'output', 'wrapper'],
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
  universal: { pagination: '"An action module should never contain pagination or the iterate directive"' },
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
  const hint = ownEntry(DIRECTIVE_HINTS, `${kind}:${directive}`) ?? ownEntry(DIRECTIVE_HINTS, `*:${directive}`);
  return hint ? hint(id) : `remove ${directive}, which Make does not document for ${KIND_NAMES[kind]}`;
}

export const undocumentedDirective: Rule = {
  id: 'undocumented-directive',
  severity: 'error',
  description:
    'a module, RPC or basic connection has only the directives Make documents for its type: no `iterate`, `pagination` or `limit` on an action, no `wrapper` on a search, no `data`/`metadata`/`uid`/`expires`/`trigger` on a module or RPC, no `output`/`iterate`/`limit`/`pagination`/`aws` on a connection',
  hint: 'remove the directive, which Make does not document for the component\'s type',
  check: (app) =>
    typedCommunications(app).flatMap(({ kind, component, file }) =>
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
    ),
};

function undocumentedRequestDirectives(kind: Kind, request: JsonObject): Array<[string, string]> {
  return Object.entries(UNDOCUMENTED_REQUEST_DIRECTIVES[kind]).filter(([directive]) => request[directive] !== undefined);
}

function undocumentedResponseDirectives(kind: Kind, request: JsonObject): string[] {
  const response = isPlainObject(request.response) ? request.response : {};
  return KNOWN_RESPONSE_DIRECTIVES.filter((directive) => response[directive] !== undefined && !RESPONSE_DIRECTIVES[kind].includes(directive));
}

interface DirectiveUse {
  kind: Kind;
  id: string;
  file: string;
  segments: PathSegments;
  directive: string;
  /** How the message names it: `pagination`, `response.wrapper`. */
  shown: string;
  why: string;
}

function directiveFinding({ kind, id, file, segments, directive, shown, why }: DirectiveUse): RuleFinding {
  return {
    file,
    path: jsonPath(segments),
    message: `${ownerName(kind, id)} has ${shown}, which Make does not document for ${KIND_NAMES[kind]} (${why})`,
    hint: directiveHint(kind, directive, id),
  };
}
