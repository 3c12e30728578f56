// What a module run sent, in a form a test compares whole: method, path, query and body of each request.
import { FailedRun, type RunResult } from '../../sdk/harness/run';
import type { RequestLog } from '../../sdk/harness/requestLog';

export interface SentRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body?: unknown;
}

export function sentRequests(log: RequestLog): SentRequest[] {
  return log.entries.map(({ request }) => {
    const url = new URL(request.url);
    return {
      method: request.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      ...(request.body === undefined ? {} : { body: JSON.parse(request.body) as unknown }),
    };
  });
}

/** The Make error a run ended with, and what it had sent by then; fails the test if the run succeeded. */
export async function refusal(run: Promise<RunResult>): Promise<{ type: string; message: string; sent: SentRequest[] }> {
  try {
    await run;
  } catch (error) {
    if (error instanceof FailedRun) return { type: error.error.type, message: error.error.message, sent: sentRequests(error.log) };
    throw error;
  }
  throw new Error('expected the run to fail');
}
