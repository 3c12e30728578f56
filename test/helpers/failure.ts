import { FailedRun } from '../../sdk/harness/run';

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
