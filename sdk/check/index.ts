// All checks of an emitted app, in one call. Each rule is a function from the app to its findings; the
// README's "Checks" section lists the rule ids and their severities.
import type { EmittedApp } from '../emitted';
import type { Finding } from './findings';
import { checkFormatSchemas } from './rules/formatSchema';
import { checkGroups } from './rules/groups';
import { checkIds } from './rules/ids';
import { checkIml } from './rules/iml';
import { checkModuleTypes } from './rules/moduleTypes';
import { checkOutputs, checkSamples } from './rules/outputs';
import { checkReferences } from './rules/references';
import { checkAuthSanitized, checkRateLimit, checkSearchLimit, checkSecretParams } from './rules/review';
import { checkRpcReferences } from './rules/rpcs';
import { checkSecrets } from './rules/secrets';
import { checkUndocumentedDirectives, checkUndocumentedKeywords, checkUndocumentedVariables } from './rules/undocumented';
import { checkActionLabels, checkFrench, checkInputHelp, checkLabels } from './rules/texts';

export type Rule = (app: EmittedApp) => Finding[];

/** Rule functions, each with the ids of the findings it reports. */
export const RULE_IDS: ReadonlyArray<readonly [Rule, readonly string[]]> = [
  // the formats
  [checkFormatSchemas, ['format-schema']],
  // semantics
  [checkIml, ['iml-syntax', 'iml-unknown-function', 'iml-argument-count']],
  [checkReferences, ['iml-undeclared-parameter', 'iml-undeclared-connection-field']],
  [checkRpcReferences, ['rpc-unresolved']],
  [checkIds, ['id-format', 'id-unique']],
  [checkGroups, ['groups-unknown-module', 'groups-missing-module']],
  [checkSamples, ['samples-interface']],
  [checkOutputs, ['output-undeclared']],
  [checkModuleTypes, ['search-lists']],
  // what Make's documentation does not give the component's type or the place in the communication
  [checkUndocumentedDirectives, ['undocumented-directive']],
  [checkUndocumentedKeywords, ['undocumented-keyword']],
  [checkUndocumentedVariables, ['undocumented-variable']],
  // Make's app review
  [checkLabels, ['label-missing', 'description-missing']],
  [checkFrench, ['text-french']],
  [checkActionLabels, ['action-label-verb']],
  [checkInputHelp, ['input-help']],
  [checkSearchLimit, ['search-limit-last']],
  [checkRateLimit, ['rate-limit-mapped']],
  [checkAuthSanitized, ['auth-sanitized']],
  [checkSecrets, ['no-secret-in-dist']],
  [checkSecretParams, ['secret-param-password']],
];

export const RULES: Rule[] = RULE_IDS.map(([rule]) => rule);

/** Every rule id the rules report (checkApp adds `check-crashed` when a rule throws). */
export const ALL_RULE_IDS: readonly string[] = RULE_IDS.flatMap(([, ids]) => ids);

/** Runs every rule (one finding per problem and place); findings sorted by file, path, rule, message (the same app always prints the same). */
export function checkApp(app: EmittedApp): Finding[] {
  const findings = RULES.flatMap((rule) => {
    try {
      return rule(app);
    } catch (error) {
      // A rule must not stop the others: its crash is a finding (a bug of the rule, or input it did not foresee).
      return [
        {
          severity: 'error' as const,
          rule: 'check-crashed',
          file: 'makecomapp.json',
          path: '$',
          message: `rule ${rule.name || '(anonymous)'} crashed: ${error instanceof Error ? error.message : String(error)}`,
          hint: 'report this as a bug of sdk/check, with the dist/ that caused it',
        },
      ];
    }
  });
  return supersedeFormatFindings(findings).sort(compareFindings);
}

/** Rules that say precisely what a schema also catches (an id's pattern): theirs is the finding to keep. */
const SUPERSEDE_FORMAT: ReadonlySet<string> = new Set(['id-format']);

/** Drops a format-schema finding where a rule of SUPERSEDE_FORMAT reports the same place. */
function supersedeFormatFindings(findings: Finding[]): Finding[] {
  const precise = new Set(findings.filter((f) => SUPERSEDE_FORMAT.has(f.rule)).map((f) => `${f.file}\u0000${f.path}`));
  return findings.filter((f) => f.rule !== 'format-schema' || !precise.has(`${f.file}\u0000${f.path}`));
}

export function compareFindings(a: Finding, b: Finding): number {
  for (const key of ['file', 'path', 'rule', 'message'] as const) {
    if (a[key] !== b[key]) return a[key] < b[key] ? -1 : 1;
  }
  return 0;
}
