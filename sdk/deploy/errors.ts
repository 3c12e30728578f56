// What a failed call to Make means for the person deploying: the key (401), its scopes (403), the origin's app
// (404), the network.
import { MakeCallError } from './remote';
import { zoneOf } from './origins';
import { REQUIRED_SCOPES } from './key';

export interface FailureContext {
  originLabel: string;
  baseUrl: string;
  appId: string;
  appVersion: number;
  /** Where the key came from, for the messages: `MAKE_API_KEY` or the key file's path (never the key). */
  keySource: string;
  originsFile: string;
}

interface HttpFailure {
  status: number;
  message: string;
}

/** An error of @makehq/sdk (MakeError: an HTTP status and Make's message), read by its shape. */
function httpFailure(error: unknown): HttpFailure | undefined {
  if (error instanceof Error && error.name === 'MakeError') {
    const status = (error as Error & { statusCode?: unknown }).statusCode;
    if (typeof status === 'number') return { status, message: error.message };
  }
  return undefined;
}

/** A request that got no HTTP answer (refused, reset, DNS, TLS): fetch's TypeError and its cause. */
function networkFailure(error: unknown): string | undefined {
  if (!(error instanceof Error) || httpFailure(error)) return undefined;
  const cause = (error as Error & { cause?: unknown }).cause;
  const code = (value: unknown): string | undefined =>
    value instanceof Error || (typeof value === 'object' && value !== null) ? ((value as { code?: unknown }).code as string | undefined) : undefined;
  const detail = [code(error), code(cause), cause instanceof Error ? cause.message : undefined].filter((x): x is string => typeof x === 'string' && x !== '');
  if (error instanceof TypeError || detail.length > 0) return [error.message, ...new Set(detail)].join(': ');
  return undefined;
}

/** One or more lines saying what went wrong and what to do. */
export function describeFailure(error: unknown, context: FailureContext): string {
  if (!(error instanceof MakeCallError)) return error instanceof Error ? error.message : String(error);
  const { doing, failure: cause } = error;
  const zone = zoneOf(context.baseUrl);
  const http = httpFailure(cause);
  if (http) {
    const said = http.message ? `: ${http.message}` : '';
    switch (http.status) {
      case 401:
        return (
          `Make refused the API key (401${said}) while ${doing}. Check the key in ${context.keySource}: ` +
          `it must be a valid API key of a user of ${zone} (Make: your profile → API access).`
        );
      case 403:
        return (
          `Make answered 403 (forbidden${said}) while ${doing}: the API key may not do this. ` +
          `It needs the scopes ${REQUIRED_SCOPES.join(' and ')} (a key's scopes are chosen when it is created: ` +
          `Make → your profile → API access), and its user must have access to the app '${context.appId}'.`
        );
      case 404:
        if (doing.startsWith('reading the app ')) {
          return (
            `Make has no app '${context.appId}' version ${context.appVersion} at ${context.baseUrl} (404${said}). ` +
            `Check appId, appVersion and baseUrl of origin '${context.originLabel}' in ${context.originsFile}; ` +
            `the deploy does not create apps: create it in Make first.`
          );
        }
        return `Make answered 404 (not found${said}) while ${doing}: it may have been deleted in Make meanwhile; run the deploy again (it reads Make afresh).`;
      case 429:
        return `Make kept answering 429 (too many requests) while ${doing}, after retries: wait a minute, then run the deploy again.`;
      default:
        if (http.status >= 500) return `Make answered ${http.status}${said} while ${doing}: a failure on Make's side; run the deploy again later.`;
        return `Make refused ${doing} (${http.status}${said}).`;
    }
  }
  const network = networkFailure(cause);
  if (network) return `No answer from ${zone} while ${doing} (${network}): check the network (and any proxy), then run the deploy again.`;
  return `${doing}: ${cause instanceof Error ? cause.message : String(cause)}`;
}
