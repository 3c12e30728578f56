// What a contract check reports: one violation per problem, named by row and field, in French.
import { childPath } from '../../lib/paths';
import { fieldOrder } from './fields';

export type ContractRule = 'schema' | 'unique-user-id' | 'unique-email' | 'one-to-one' | 'date' | 'unique-contract';

export interface ContractViolation {
  /** 0-based position of the contract in the list. */
  index: number;
  /** The contract's codeContrat, when it has a usable one. */
  codeContrat?: string;
  /** The field at fault ('' when the row itself is wrong, e.g. not an object). */
  field: string;
  rule: ContractRule;
  /** French, for people: names the row (`contrats[<index+1>].<field>`) and the value. */
  message: string;
  /** The same message without the row prefix (e.g. for `"<field>: <detail>"` lists). */
  detail: string;
}

/** Collects the violations of one list; rows are named only when a violation needs it. */
export class ViolationList {
  readonly items: ContractViolation[] = [];
  constructor(private readonly rowLabel: (index: number) => string) {}

  add(index: number, codeContrat: string | undefined, field: string, rule: ContractRule, detail: string): void {
    const label = this.rowLabel(index);
    const message = `${field ? childPath(label, field) : label} : ${detail}`;
    this.items.push(
      codeContrat === undefined ? { index, field, rule, message, detail } : { index, codeContrat, field, rule, message, detail },
    );
  }

  /** `contrats[3]`: how a message names a row. */
  label(index: number): string {
    return this.rowLabel(index);
  }

  /** `contrats[3].codeApprenant`: how a message names a field of a row. */
  where(index: number, field: string): string {
    return childPath(this.rowLabel(index), field);
  }
}

const RULE_ORDER: Record<ContractRule, number> = {
  schema: 0,
  date: 1,
  'unique-contract': 2,
  'unique-user-id': 3,
  'unique-email': 4,
  'one-to-one': 5,
};

/** By row, then rule, then field (schema order), then message: the same list always reads the same. */
export function compareViolations(a: ContractViolation, b: ContractViolation): number {
  return (
    a.index - b.index ||
    RULE_ORDER[a.rule] - RULE_ORDER[b.rule] ||
    fieldOrder(a.field) - fieldOrder(b.field) ||
    (a.field < b.field ? -1 : a.field > b.field ? 1 : 0) ||
    (a.detail < b.detail ? -1 : a.detail > b.detail ? 1 : 0)
  );
}

/** One rule over a list: a fresh checker per list (rules that compare rows keep what they have seen). */
export interface RowCheck {
  (index: number, row: Record<string, unknown>, codeContrat: string | undefined, found: ViolationList): void;
}
export type ContractRuleCheck = () => RowCheck;
