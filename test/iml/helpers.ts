import { evaluateTemplate, ImlError, ImlOptions } from '../../sdk/iml';

/** Evaluates with UTC and a fixed "now" unless told otherwise. */
export const FIXED_NOW = new Date('2024-05-15T10:20:30.456Z');

export function ev(template: string, context: Record<string, unknown> = {}, options: ImlOptions = {}): unknown {
  return evaluateTemplate(template, context, { now: FIXED_NOW, timezone: 'UTC', ...options });
}

/** The ImlError a call throws (fails the test when it throws nothing or something else). */
export function imlErrorOf(run: () => unknown): ImlError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImlError) return error;
    throw new Error(`expected an ImlError, got ${String(error)}`);
  }
  throw new Error('expected an ImlError, nothing was thrown');
}
