// Checks that Make's input validation cannot make (a rule across fields, a message in French), run as a first
// request-less step of the communication: when one fails, the module stops with its message and nothing is sent.
import type { Request } from '../sdk/types';

/** A step that sends nothing and stops the module with `message` (a DataError) unless `condition` (IML) holds.
 * `temp` is computed first, for the condition and the message to read. */
export function refuseUnless(condition: string, message: string, temp?: Record<string, string>): Request {
  return {
    ...(temp === undefined ? {} : { temp }),
    response: { valid: { condition: `{{${condition}}}`, message, type: 'DataError' } },
  };
}

/** The end of every refusal message. */
export const NOTHING_SENT = "Rien n'a été envoyé.";
