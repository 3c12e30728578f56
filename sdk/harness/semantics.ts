// Make's runtime rules that the harness follows. Documented numbers are plain constants. Every rule that Make's
// documentation leaves open is a named switch below, with its alternatives: the harness runs under any choice
// (`RunOptions.semantics`, `invoke --semantics name=alternative`), and the app's tests run every module under
// each alternative of each switch, so that the app never depends on a guess.

/** Make's default HTTP request timeout (base `timeout` overrides it, up to 300 s). */
export const DEFAULT_TIMEOUT_MS = 40_000;
export const MAX_TIMEOUT_MS = 300_000;

/** Default messages when `response.error` does not give one
 * (https://developers.make.com/custom-apps-documentation/component-blocks/api/handling-responses/error). */
export function defaultErrorMessage(status: number): string {
  if (status === 429) return 'Third party API limit likely exceeded';
  if (status >= 500) return 'Service is temporarily unavailable.';
  return `Status Code Error: ${status}`;
}

/** What the request log shows in place of a sanitised or secret value. */
export const MASK = '********';

/** An action's array output: Make's documented DataError text. */
export const INVALID_ACTION_OUTPUT = 'Invalid module output. Expected Object, but found Array.';

const DOCS = 'https://developers.make.com/custom-apps-documentation';

interface SwitchSpec<A extends string> {
  /** The alternatives; the first is the harness's default (the most likely reading). */
  alternatives: readonly A[];
  /** What the switch decides, and what each alternative means. */
  what: string;
  meaning: Record<A, string>;
  /** The page that leaves the rule open. */
  page: string;
}

function rule<A extends string>(spec: SwitchSpec<A>): SwitchSpec<A> {
  return spec;
}

/** Every inferred rule, in one place. Order = the README table's order. */
export const SEMANTICS_SWITCHES = {
  tempAcrossPages: rule({
    alternatives: ['kept', 'reset'],
    what: 'Whether a value set in `response.temp` on one page is still in `temp` on the next page.',
    meaning: {
      kept: 'temp is merged across pages as it is across requests',
      reset: 'each page starts from the temp the request had before its first page',
    },
    page: `${DOCS}/component-blocks/api/handling-responses/temp`,
  }),
  paginationPageOnParent: rule({
    alternatives: ['undefined', '1'],
    what:
      "`pagination.page` in the parent (first) request. Make's own example (a first request without `page`, then " +
      '`page: {{pagination.page}}` in `pagination`) settles that the first pagination request sees 2.',
    meaning: { undefined: 'not set in the parent request', '1': 'set to 1 in the parent request' },
    page: `${DOCS}/debug-your-app/debugging-of-pagination-in-list-search-modules`,
  }),
  defaultErrorType: rule({
    alternatives: ['RuntimeError', 'byStatus'],
    what: 'The error type of an HTTP error status when `response.error` names no type.',
    meaning: {
      RuntimeError: 'RuntimeError for every status (429 included)',
      byStatus: "as Make's own apps: 401/403 AccountValidationError, 429 RateLimitError, 500-599 ConnectionError",
    },
    page: `${DOCS}/component-blocks/api/handling-responses/error`,
  }),
  invalidResponseMessage: rule({
    alternatives: ['generic', 'statusMessage'],
    what: 'The message of a falsy `valid` when neither `valid` nor `response.error` gives one.',
    meaning: {
      generic: '"Response marked as invalid."',
      statusMessage: 'the default message of the status ("Status Code Error: 200")',
    },
    page: `${DOCS}/component-blocks/api/handling-responses/valid`,
  }),
  responseMerge: rule({
    alternatives: ['directiveReplaces', 'errorMergesByStatus'],
    what:
      "How a module's `response` combines with the base's. Make documents the base's directives as defaults that every " +
      "module inherits; it does not say what happens when both give `error`.",
    meaning: {
      directiveReplaces: "a directive the module gives replaces the base's (a module's `error` replaces the base's whole)",
      errorMergesByStatus: "as directiveReplaces, but a module's `error` is merged over the base's status by status",
    },
    page: `${DOCS}/app-components/base`,
  }),
  connectionInheritsBase: rule({
    alternatives: ['no', 'yes'],
    what: "Whether a basic connection's own communication inherits the base (documented as not for OAuth2).",
    meaning: { no: 'the connection runs alone', yes: 'the base (URL, headers, response) applies to it too' },
    page: `${DOCS}/app-components/connections/basic-connection`,
  }),
  baseBodyMethods: rule({
    alternatives: ['postAndPut', 'allButGet'],
    what: 'Which requests receive the base `body`.',
    meaning: { postAndPut: 'POST and PUT only', allButGet: 'every method but GET' },
    page: `${DOCS}/app-components/base`,
  }),
  iterateOnNothing: rule({
    alternatives: ['noItems', 'error'],
    what: '`iterate` over a container that is undefined or null.',
    meaning: { noItems: 'no items', error: 'a RuntimeError, as for any container that is not an array' },
    page: `${DOCS}/component-blocks/api/handling-responses/iterate`,
  }),
  emptyPage: rule({
    alternatives: ['emptyContainer', 'noItemLeft'],
    what: 'What "a page without items" (which stops paging) means when `iterate.condition` filters items out.',
    meaning: {
      emptyContainer: 'the container itself is empty',
      noItemLeft: 'no item is left once `iterate.condition` has filtered the container',
    },
    page: `${DOCS}/component-blocks/api/pagination`,
  }),
  conditionTruth: rule({
    alternatives: ['falseText', 'javascript'],
    what: 'How `condition`, `valid`, `iterate.condition` and `pagination.condition` read their value.',
    meaning: {
      falseText: 'JavaScript truthiness, and the text "false" (what a template with text around it gives) is false',
      javascript: 'JavaScript truthiness only (the text "false" is true)',
    },
    page: `${DOCS}/component-blocks/api/making-requests`,
  }),
  emptyActionOutput: rule({
    alternatives: ['emptyBundle', 'noBundle'],
    what: 'What an action outputs when its output is empty (a 204 with no body).',
    meaning: { emptyBundle: 'one empty bundle', noBundle: 'no bundle' },
    page: `${DOCS}/app-components/modules/action`,
  }),
  redirects: rule({
    alternatives: ['asRequestLibrary', 'keepMethod'],
    what: 'How a followed redirect (`followRedirects`, `followAllRedirects`) repeats the request.',
    meaning: {
      asRequestLibrary: '307/308 repeat the request; 301/302/303 become a GET without body (at most 10 hops)',
      keepMethod: 'every redirect repeats the same method and body (at most 10 hops)',
    },
    page: `${DOCS}/component-blocks/api/making-requests`,
  }),
  maxPages: rule({
    alternatives: ['1000', '3200'],
    what: 'How many pages one run may request before Make stops a pagination that never ends.',
    meaning: { '1000': '1,000 pages', '3200': '3,200 pages (the documented item cap of triggers, read as pages)' },
    page: `${DOCS}/component-blocks/api/pagination`,
  }),
} as const;

export type SwitchName = keyof typeof SEMANTICS_SWITCHES;
export type Semantics = { [K in SwitchName]: (typeof SEMANTICS_SWITCHES)[K]['alternatives'][number] };

export const DEFAULT_SEMANTICS: Semantics = Object.fromEntries(
  Object.entries(SEMANTICS_SWITCHES).map(([name, spec]) => [name, spec.alternatives[0]]),
) as Semantics;

export const SWITCH_NAMES = Object.keys(SEMANTICS_SWITCHES) as SwitchName[];

/** The defaults with some switches set otherwise. */
export function semanticsWith(overrides: Partial<Semantics> = {}): Semantics {
  return { ...DEFAULT_SEMANTICS, ...overrides };
}

/** The defaults, then each other alternative of each switch alone: what the app's tests run under. */
export function semanticsVariants(): Array<{ label: string; semantics: Semantics }> {
  const variants = [{ label: 'defaults', semantics: DEFAULT_SEMANTICS }];
  for (const name of SWITCH_NAMES) {
    for (const alternative of SEMANTICS_SWITCHES[name].alternatives.slice(1)) {
      variants.push({ label: `${name}=${alternative}`, semantics: semanticsWith({ [name]: alternative }) });
    }
  }
  return variants;
}

/** `name=alternative`, as `invoke --semantics` takes it; a bad one throws with the names or alternatives to use. */
export function parseSemanticsSetting(text: string): Partial<Semantics> {
  const [name, alternative, ...rest] = text.split('=');
  if (alternative === undefined || rest.length > 0) {
    throw new Error(`--semantics takes name=alternative, got '${text}'`);
  }
  if (!(name in SEMANTICS_SWITCHES)) {
    throw new Error(`unknown semantics switch '${name}' (switches: ${SWITCH_NAMES.join(', ')})`);
  }
  const alternatives: readonly string[] = SEMANTICS_SWITCHES[name as SwitchName].alternatives;
  if (!alternatives.includes(alternative)) {
    throw new Error(`'${alternative}' is not an alternative of ${name} (alternatives: ${alternatives.join(', ')})`);
  }
  return { [name]: alternative } as Partial<Semantics>;
}

// ------------------------------------------------------------------ the switches' effects, used by the harness

/** `pagination.page` of the n-th request of a paged run (n = 1 for the parent request). */
export function paginationPage(semantics: Semantics, requestNumber: number): number | undefined {
  if (requestNumber > 1) return requestNumber;
  return semantics.paginationPageOnParent === '1' ? 1 : undefined;
}

/** The error type of an HTTP error status that `response.error` does not type. */
export function defaultErrorType(semantics: Semantics, status: number): string {
  if (semantics.defaultErrorType === 'RuntimeError') return 'RuntimeError';
  if (status === 401 || status === 403) return 'AccountValidationError';
  if (status === 429) return 'RateLimitError';
  if (status >= 500) return 'ConnectionError';
  return 'RuntimeError';
}

/** The message of a falsy `valid` that nothing names. */
export function invalidResponseMessage(semantics: Semantics, status: number | undefined): string {
  if (semantics.invalidResponseMessage === 'statusMessage' && status !== undefined) return defaultErrorMessage(status);
  return 'Response marked as invalid.';
}

/** Whether a condition's value lets the request, item, page or response through (the `conditionTruth` switch). */
export function conditionPasses(semantics: Semantics, value: unknown): boolean {
  if (semantics.conditionTruth === 'javascript') return Boolean(value);
  return Boolean(value) && value !== 'false';
}

export function maxPages(semantics: Semantics): number {
  return Number(semantics.maxPages);
}

/** The temp a page after the first starts from: what the previous page left, or the temp before the first page. */
export function tempOfNextPage(
  semantics: Semantics,
  tempBeforePages: Record<string, unknown>,
  tempAfterPage: Record<string, unknown>,
): Record<string, unknown> {
  return semantics.tempAcrossPages === 'reset' ? tempBeforePages : tempAfterPage;
}

/** Whether a page stops paging for having no items: its container is empty, or no item is left after
 * `iterate.condition`. */
export function isPageWithoutItems(semantics: Semantics, page: { containerLength: number; itemCount: number }): boolean {
  return (semantics.emptyPage === 'emptyContainer' ? page.containerLength : page.itemCount) === 0;
}

/** Whether a request of this method receives the base `body`. */
export function receivesBaseBody(semantics: Semantics, method: string): boolean {
  return semantics.baseBodyMethods === 'postAndPut' ? method === 'POST' || method === 'PUT' : method !== 'GET';
}

/** Whether a followed redirect with this status repeats the request as it was (else it becomes a GET without body). */
export function redirectRepeatsRequest(semantics: Semantics, status: number): boolean {
  return status === 307 || status === 308 || semantics.redirects === 'keepMethod';
}

/** Whether a module's `error` object is merged over the base's status by status (else it replaces it whole). */
export function mergesErrorByStatus(semantics: Semantics): boolean {
  return semantics.responseMerge === 'errorMergesByStatus';
}

/** Whether `iterate` over undefined or null gives no items (else it is an error, as any container not an array). */
export function iteratesNothingAsNoItems(semantics: Semantics): boolean {
  return semantics.iterateOnNothing === 'noItems';
}

/** The bundles of an action whose output is empty: one empty bundle, or none. */
export function emptyActionBundles(semantics: Semantics): Array<Record<string, unknown>> {
  return semantics.emptyActionOutput === 'emptyBundle' ? [{}] : [];
}

/** Whether a basic connection's own communication runs with the base. */
export function connectionUsesBase(semantics: Semantics): boolean {
  return semantics.connectionInheritsBase === 'yes';
}

export const MAX_REDIRECTS = 10;

/** The README's table of the switches (a test keeps the README equal to it). */
export function semanticsTable(): string {
  const rows = SWITCH_NAMES.map((name) => {
    const spec: SwitchSpec<string> = SEMANTICS_SWITCHES[name];
    const alternatives = spec.alternatives.map((a) => `\`${a}\`: ${spec.meaning[a]}`).join('; ');
    return `| \`${name}\` | ${spec.what} | ${alternatives} | ${spec.page.replace(`${DOCS}/`, '')} |`;
  });
  return [
    `| switch | what Make leaves open | alternatives (the first is the default) | page (under ${DOCS}/) |`,
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
}
