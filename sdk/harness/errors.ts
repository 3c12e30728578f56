// Errors a Make module run can end with, named as Make names them (https://help.make.com/types-of-errors; when the
// harness raises each one: docs/make-runtime.md, « Errors »).
import type { MakeErrorType } from '../types';

/** Types a run can end with: the app's error enum plus the ones Make's runtime raises on its own. */
export type RunErrorType = MakeErrorType | 'BundleValidationError' | 'ModuleTimeoutError' | 'UnexpectedError';

export class MakeRunError extends Error {
  constructor(
    readonly type: RunErrorType,
    message: string,
    /** HTTP status of the response that caused it, when there was one. */
    readonly statusCode?: number,
  ) {
    super(message);
    this.name = type;
  }

  /** The one line the CLI prints: `<ErrorType>: <message>`. */
  toLine(): string {
    return `${this.type}: ${this.message}`;
  }
}

/** Input that does not satisfy the module's parameter specs; raised before any request is sent. */
export class BundleValidationError extends MakeRunError {
  constructor(
    /** Where in the input, e.g. `contrats[3].dateDebut` (1-based indexes, as Make shows them). */
    readonly path: string,
    readonly detail: string,
  ) {
    super('BundleValidationError', `${path}: ${detail}`);
  }
}
