// The rules Campus Skills enforces on a list of contracts, one rule per file in ./rules: the sandbox accepts or
// refuses a sync with them, and the Make app's users read their messages. Pure functions, no I/O.
import { humanPath } from '../../lib/paths';
import { isPlainObject } from '../../lib/values';
import { CONTRACT_ID_FIELD, text } from './fields';
import { oneToOne } from './rules/oneToOne';
import { realDates } from './rules/realDates';
import { checkSchema } from './rules/schema';
import { uniqueContract } from './rules/uniqueContract';
import { uniqueEmail } from './rules/uniqueEmail';
import { uniqueUserId } from './rules/uniqueUserId';
import { compareViolations, ViolationList, type ContractRuleCheck, type ContractViolation } from './violations';

/** The rules after the schema, numbered as the platform's documentation numbers them (rule 4 first: per row). */
export const CONTRACT_RULES: readonly ContractRuleCheck[] = [realDates, uniqueContract, uniqueUserId, uniqueEmail, oneToOne];

export interface CheckContractsOptions {
  /** How a row is named in messages, from its 0-based index. Default `contrats[<index+1>]`, the name a Make user
   * sees for the `contrats` array parameter. */
  rowLabel?: (index: number) => string;
}

/**
 * Checks a list of contracts against the schema and the platform's rules 1 to 5. Returns every violation,
 * ordered by row, then rule, then field (schema order). A conflict between two rows is reported on the later
 * row, naming the earlier one. Linear in the number of contracts.
 */
export function checkContracts(contrats: readonly unknown[], options: CheckContractsOptions = {}): ContractViolation[] {
  const found = new ViolationList(options.rowLabel ?? ((index: number) => humanPath(['contrats', index])));
  const rules = CONTRACT_RULES.map((rule) => rule());
  for (let index = 0; index < contrats.length; index++) {
    const candidate = contrats[index];
    const row = isPlainObject(candidate) ? candidate : undefined;
    const codeContrat = row === undefined ? undefined : text(row, CONTRACT_ID_FIELD);
    checkSchema(candidate, index, codeContrat, found);
    if (row === undefined) continue;
    for (const rule of rules) rule(index, row, codeContrat, found);
  }
  return found.items.sort(compareViolations);
}
