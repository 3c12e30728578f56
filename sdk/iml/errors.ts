/**
 * The one error type of the IML library. `position` is a 0-based character offset into `template`,
 * and the message always ends with ` at <position>` so a CLI can print it as is.
 */
export class ImlError extends Error {
  /** The message without the `IML: ` prefix and the ` at <position>` suffix. */
  readonly detail: string;

  constructor(
    detail: string,
    readonly template: string,
    readonly position: number,
  ) {
    super(`IML: ${detail} at ${position}`);
    this.name = 'ImlError';
    this.detail = detail;
  }
}

/** Whether a `node:vm` script was stopped by its time limit. */
export function isScriptTimeout(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

/** Text of an unknown thrown value, for wrapping it into an ImlError (values may come from another vm realm). */
export function describeThrown(error: unknown): string {
  if (error !== null && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}
