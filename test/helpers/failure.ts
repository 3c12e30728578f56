import { FailedRun } from '../../sdk/harness/run';
import { MakeRunError } from '../../sdk/harness/errors';

/** The Make error a module run ended with, as the user would read it; fails the test if the run succeeded. */
export async function failure(promise: Promise<unknown>): Promise<{ type: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FailedRun) return { type: error.error.type, message: error.error.message };
    throw error;
  }
  throw new Error('expected the run to fail');
}

/** The Make error a communication (no module around it) ended with; fails the test if it succeeded. */
export async function communicationFailure(promise: Promise<unknown>): Promise<MakeRunError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MakeRunError) return error;
    throw error;
  }
  throw new Error('expected a MakeRunError');
}
