// A communication (one request or several) run as Make runs it: temp, condition, then for each page the request
// (sendRequest.ts) and the response pipeline (processResponse.ts), then pagination, limit and wrapper.
// Each step, with the page of Make's documentation it follows: docs/make-runtime.md, « The communication pipeline ».
import type { Request } from '../types';
import {
  evaluateIml,
  type CommunicationResult,
  type CommunicationRun,
  type Evaluate,
  type ResponseExtras,
  type SettledRun,
} from './communicationRun';
import { MakeRunError } from './errors';
import {
  applyWrapper,
  NO_RESPONSE,
  processResponse,
  readResponse,
  type IterateContext,
  type ResponseState,
} from './processResponse';
import {
  DEFAULT_SEMANTICS,
  conditionPasses,
  isPageWithoutItems,
  maxPages,
  paginationPage,
  tempOfNextPage,
} from './semantics';
import { firstPage, inheritBase, nextPage, sendRequest } from './sendRequest';

export type { CommunicationResult, CommunicationRun, Sender } from './communicationRun';

export async function runCommunication(
  communication: Request | Request[],
  communicationRun: CommunicationRun,
): Promise<CommunicationResult> {
  const run: SettledRun = { ...communicationRun, semantics: communicationRun.semantics ?? DEFAULT_SEMANTICS };
  const requests = Array.isArray(communication) ? communication : [communication];
  let temp: Record<string, unknown> = {};
  let result: CommunicationResult = { items: [], iterated: false, produced: false, temp };
  for (const [index, request] of requests.entries()) {
    // With several requests only the last one's `limit` counts.
    result = await runRequest(request, run, temp, run.applyLimit !== false && index === requests.length - 1);
    temp = result.temp;
  }
  return result;
}

async function runRequest(
  spec: Request,
  run: SettledRun,
  inheritedTemp: Record<string, unknown>,
  applyLimit: boolean,
): Promise<CommunicationResult> {
  const semantics = run.semantics;
  const request = run.base ? inheritBase(run.base, spec, semantics) : spec;
  const response = request.response ?? {};
  let temp = { ...inheritedTemp };
  const evaluate: Evaluate = (value, extra = {}) => evaluateIml(value, { ...run.context, temp, ...extra }, run.iml);

  // Request temp runs before everything else, condition and url included; temp is merged, never replaced.
  if (request.temp) temp = { ...temp, ...(evaluate(request.temp) as Record<string, unknown>) };

  if (request.condition !== undefined) {
    const form = conditionForm(request.condition);
    if (!conditionPasses(semantics, evaluate(form.condition))) {
      if (form.hasDefault) return { items: [evaluate(form.default)], iterated: false, produced: true, temp };
      return { items: [], iterated: false, produced: false, temp };
    }
  }

  const limit = applyLimit ? toLimit(evaluate(response.limit)) : undefined;

  // Request-less: no HTTP call, but output, wrapper, iterate, valid and error still apply.
  if (request.url === undefined) {
    const page = processResponse(response, NO_RESPONSE, run, temp);
    return applyWrapper(response, { ...page, last: NO_RESPONSE }, run);
  }

  const items: unknown[] = [];
  let iterated = false;
  let last: ResponseState = NO_RESPONSE;
  let extras: ResponseExtras = {};
  let iterateContext: IterateContext = {};
  let current = firstPage(request.url, request);
  const pageCap = run.maxPages ?? maxPages(semantics);
  const tempBeforePages = temp;
  for (let page = 1; ; page += 1) {
    if (page > pageCap) {
      throw new MakeRunError(
        'RuntimeError',
        `Pagination did not stop after ${pageCap} pages; the module was stopped. Check the pagination condition.`,
      );
    }
    const pageNumber = paginationPage(semantics, page);
    const paginationContext = pageNumber === undefined ? {} : { pagination: { page: pageNumber } };
    if (page > 1) temp = tempOfNextPage(semantics, tempBeforePages, temp);
    const previousResponse =
      page === 1 ? {} : { body: last.body, headers: last.headers, statusCode: last.statusCode, ...iterateContext };
    const sent = await sendRequest(current, request, run, evaluate, { ...previousResponse, ...paginationContext });
    last = readResponse(sent, request);
    const processed = processResponse(response, last, run, temp);
    temp = processed.temp;
    extras = processed.extras;
    iterated = processed.iterated;
    iterateContext = processed.iterateContext;
    items.push(...processed.items);

    if (!request.pagination) break;
    if (limit !== undefined && items.length >= limit) break;
    const pageItems = { containerLength: processed.containerLength, itemCount: processed.items.length };
    if (processed.iterated && isPageWithoutItems(semantics, pageItems)) break;
    const pageContext = {
      body: last.body,
      headers: last.headers,
      statusCode: last.statusCode,
      ...iterateContext,
      ...paginationContext,
    };
    if (
      request.pagination.condition !== undefined &&
      !conditionPasses(semantics, evaluate(request.pagination.condition, pageContext))
    ) {
      break;
    }
    current = nextPage(current, request.pagination);
  }
  const limited = limit !== undefined ? items.slice(0, limit) : items;
  return applyWrapper(response, { items: limited, iterated, temp, extras, last, iterateContext }, run);
}

function conditionForm(condition: NonNullable<Request['condition']>): { condition: unknown; hasDefault: boolean; default?: unknown } {
  if (typeof condition === 'object' && condition !== null) {
    return { condition: condition.condition, hasDefault: 'default' in condition, default: condition.default };
  }
  return { condition, hasDefault: false };
}

/** `limit`: empty means unlimited; otherwise the module returns exactly that many items at most. */
function toLimit(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) {
    throw new MakeRunError('RuntimeError', `The limit '${String(value)}' is not a non-negative number.`);
  }
  return Math.floor(n);
}
