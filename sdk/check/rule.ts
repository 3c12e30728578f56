// What a check rule is: one id, one severity, what it checks (the README's table is made of these), the fix to
// print when a finding names none more precise, and the function that finds the problems.
import type { EmittedApp } from '../emitted';
import type { Finding, Severity } from './findings';

/**
 * What the app declares that its emitted files have no place for. Make keeps an app's language with the app
 * itself (set when the app is created in Make), not in the local-development layout, so the checks are told it.
 */
export interface AppDeclarations {
  /** The language of the texts Make users read, as the app definition declares it (`fr`). */
  language: string;
}

/** A problem at one place, as a rule reports it: checkApp adds the rule's id and severity. */
export interface RuleFinding {
  /** Path of the emitted file, relative to the app root (dist/). */
  file: string;
  /** JSONPath-like location inside the file, e.g. `$.response.error.401.type`. */
  path: string;
  message: string;
  /** The fix at this place; the rule's own hint when left out. */
  hint?: string;
}

export interface Rule {
  /** The id printed with each finding; also the name of the rule's file in sdk/check/rules/. */
  id: string;
  /** An error blocks the build; a warning is advice. */
  severity: Severity;
  /** What it checks, in the words of the README's rule table (markdown, one line). */
  description: string;
  /** The fix printed with a finding that gives none of its own. */
  hint: string;
  /** Where a finding of this rule and a format-schema finding fall on the same place, only this rule's is kept. */
  supersedesFormatSchema?: boolean;
  /** Reads the emitted files (never the TypeScript definitions); must not throw on a malformed file. */
  check(app: EmittedApp, declarations: AppDeclarations): RuleFinding[];
}

/** The finding printed for one a rule reports. */
export function findingOf(rule: Rule, found: RuleFinding): Finding {
  return { severity: rule.severity, rule: rule.id, file: found.file, path: found.path, message: found.message, hint: found.hint ?? rule.hint };
}
