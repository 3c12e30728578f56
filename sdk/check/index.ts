// All checks of an emitted app, in one call. Each rule is one file of ./rules, holding its id, severity, what it
// checks and its default fix; this list registers them, in the order of the README's table (generated from it).
import type { EmittedApp } from '../emitted';
import type { Finding } from './findings';
import { findingOf, type AppDeclarations, type Rule } from './rule';
import { actionLabelVerb } from './rules/action-label-verb';
import { authSanitized } from './rules/auth-sanitized';
import { descriptionMissing } from './rules/description-missing';
import { formatSchema } from './rules/format-schema';
import { groupsMissingModule } from './rules/groups-missing-module';
import { groupsUnknownModule } from './rules/groups-unknown-module';
import { idFormat } from './rules/id-format';
import { idUnique } from './rules/id-unique';
import { imlArgumentCount } from './rules/iml-argument-count';
import { imlSyntax } from './rules/iml-syntax';
import { imlUndeclaredConnectionField } from './rules/iml-undeclared-connection-field';
import { imlUndeclaredParameter } from './rules/iml-undeclared-parameter';
import { imlUnknownFunction } from './rules/iml-unknown-function';
import { inputHelp } from './rules/input-help';
import { labelMissing } from './rules/label-missing';
import { noSecretInDist } from './rules/no-secret-in-dist';
import { outputUndeclared } from './rules/output-undeclared';
import { rateLimitMapped } from './rules/rate-limit-mapped';
import { rpcUnresolved } from './rules/rpc-unresolved';
import { samplesInterface } from './rules/samples-interface';
import { searchLimitLast } from './rules/search-limit-last';
import { searchLists } from './rules/search-lists';
import { secretParamPassword } from './rules/secret-param-password';
import { textFrench } from './rules/text-french';
import { undocumentedDirective } from './rules/undocumented-directive';
import { undocumentedKeyword } from './rules/undocumented-keyword';
import { undocumentedVariable } from './rules/undocumented-variable';

export type { AppDeclarations, Rule } from './rule';

export const RULES: readonly Rule[] = [
  // the formats
  formatSchema,
  // semantics
  imlSyntax,
  imlUnknownFunction,
  imlArgumentCount,
  imlUndeclaredParameter,
  imlUndeclaredConnectionField,
  rpcUnresolved,
  idFormat,
  idUnique,
  groupsUnknownModule,
  groupsMissingModule,
  samplesInterface,
  outputUndeclared,
  searchLists,
  // what Make's documentation does not give the component's type or the place in the communication
  undocumentedDirective,
  undocumentedKeyword,
  undocumentedVariable,
  // Make's app review
  labelMissing,
  descriptionMissing,
  textFrench,
  actionLabelVerb,
  inputHelp,
  searchLimitLast,
  rateLimitMapped,
  authSanitized,
  noSecretInDist,
  secretParamPassword,
];

/** Every rule id (checkApp adds `check-crashed` when a rule throws; validate adds `file-unreadable`). */
export const ALL_RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);

/**
 * Runs every rule (one finding per problem and place); findings sorted by file, path, rule, message (the same app
 * always prints the same). `declarations` says what the emitted files cannot: the app's language.
 */
export function checkApp(app: EmittedApp, declarations: AppDeclarations): Finding[] {
  const findings = RULES.flatMap((rule) => {
    try {
      return rule.check(app, declarations).map((found) => findingOf(rule, found));
    } catch (error) {
      // A rule must not stop the others: its crash is a finding (a bug of the rule, or input it did not foresee).
      return [
        {
          severity: 'error' as const,
          rule: 'check-crashed',
          file: 'makecomapp.json',
          path: '$',
          message: `rule ${rule.id} crashed: ${error instanceof Error ? error.message : String(error)}`,
          hint: 'report this as a bug of sdk/check, with the dist/ that caused it',
        },
      ];
    }
  });
  return supersedeFormatFindings(findings).sort(compareFindings);
}

/** Drops a format-schema finding where a rule that says it more precisely (an id's pattern) reports the same place. */
function supersedeFormatFindings(findings: Finding[]): Finding[] {
  const precise = new Set(RULES.filter((rule) => rule.supersedesFormatSchema).map((rule) => rule.id));
  const places = new Set(findings.filter((f) => precise.has(f.rule)).map((f) => `${f.file}\u0000${f.path}`));
  return findings.filter((f) => f.rule !== formatSchema.id || !places.has(`${f.file}\u0000${f.path}`));
}

export function compareFindings(a: Finding, b: Finding): number {
  for (const key of ['file', 'path', 'rule', 'message'] as const) {
    if (a[key] !== b[key]) return a[key] < b[key] ? -1 : 1;
  }
  return 0;
}
