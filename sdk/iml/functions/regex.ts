// Regular expressions written in a template run with a time limit: a pattern such as /(a+)+$/ can
// backtrack for hours on a short text, and V8 cannot stop a match from the same thread.
import vm from 'node:vm';
import { isScriptTimeout } from '../errors';

/** The longest one regular expression of a template may run before its function fails. */
export const REGEX_TIMEOUT_MS = 1000;

interface RegexReplacement {
  text: string;
  source: string;
  flags: string;
  replacement: string;
}

// One context for the process: only strings cross into it and only a string comes back.
const context = vm.createContext(Object.create(null) as object, { name: 'iml-regex' });
const replaceScript = new vm.Script('input.text.replace(new RegExp(input.source, input.flags), input.replacement)', {
  filename: 'iml-regex.js',
});

/**
 * `text.replace(pattern, replacement)` under REGEX_TIMEOUT_MS. The vm's timeout costs a watchdog
 * thread per call (about 0.1 ms), so only patterns from templates come here, never fixed ones.
 */
export function replaceWithPattern(text: string, pattern: RegExp, replacement: string): string {
  const input: RegexReplacement = { text, source: pattern.source, flags: pattern.flags, replacement };
  Object.assign(context, { input });
  try {
    return replaceScript.runInContext(context, { timeout: REGEX_TIMEOUT_MS }) as string;
  } catch (error) {
    if (isScriptTimeout(error)) {
      throw new Error(`the regular expression /${pattern.source}/${pattern.flags} ran longer than ${REGEX_TIMEOUT_MS} ms`);
    }
    throw error;
  } finally {
    Object.assign(context, { input: undefined });
  }
}
