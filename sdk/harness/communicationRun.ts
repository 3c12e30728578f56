// What a communication run carries (the module's IML context, the base, how requests are sent and logged, the
// semantics) and what it gives back; shared by the request half (sendRequest.ts), the response half
// (processResponse.ts) and the orchestration (runCommunication.ts).
import type { Base } from '../types';
import { evaluateDeep, type ImlOptions } from '../iml';
import { MakeRunError } from './errors';
import type { HttpRequest, HttpResponse } from './http';
import type { RequestLog } from './requestLog';
import type { Semantics } from './semantics';

export type Sender = (request: HttpRequest, timeoutMs: number) => Promise<HttpResponse>;

export interface CommunicationRun {
  /** The IML context the module sees: parameters, connection, common, data, metadata... */
  context: Record<string, unknown>;
  /** Inherited by every request, or undefined (connections do not inherit the base). */
  base?: Base;
  send: Sender;
  log: RequestLog;
  iml?: ImlOptions;
  /** Pages a run may request before it stops with an error (default: the `maxPages` switch). */
  maxPages?: number;
  /** The choices made where Make's documentation is silent (default: DEFAULT_SEMANTICS). */
  semantics?: Semantics;
  /** False for actions: `response.limit` is not available to them. Default true. */
  applyLimit?: boolean;
}

/** A run whose semantics are settled. */
export type SettledRun = CommunicationRun & { semantics: Semantics };

/** Connection-only directives of a response: what a connection saves, its label, its uid. */
export type ResponseExtras = {
  data?: Record<string, unknown>;
  metadata?: { type: string; value: unknown };
  uid?: unknown;
};

export interface CommunicationResult extends ResponseExtras {
  /** The last request's output: its items when it iterated, else its single output. */
  items: unknown[];
  iterated: boolean;
  /** False when the last request was skipped by its condition and had no default. */
  produced: boolean;
  temp: Record<string, unknown>;
}

/** IML over a directive, with more variables than the run's context (`temp`, `body`, `item`...). */
export type Evaluate = (value: unknown, extra?: Record<string, unknown>) => unknown;

/** IML errors inside a run stop the module like any runtime error. */
export function evaluateIml(value: unknown, context: Record<string, unknown>, options: ImlOptions | undefined): unknown {
  if (value === undefined) return undefined;
  try {
    return evaluateDeep(value, context, options);
  } catch (error) {
    if (error instanceof MakeRunError) throw error;
    throw new MakeRunError('RuntimeError', (error as Error).message);
  }
}
