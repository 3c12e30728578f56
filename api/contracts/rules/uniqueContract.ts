// Rule 5: a codeContrat appears once in one sync.
import { showValue } from '../../../lib/values';
import { CONTRACT_ID_FIELD } from '../fields';
import type { ContractRuleCheck } from '../violations';

export const uniqueContract: ContractRuleCheck = () => {
  const seen = new Map<string, number>();
  return (index, _row, codeContrat, found) => {
    if (codeContrat === undefined) return;
    const first = seen.get(codeContrat);
    if (first === undefined) {
      seen.set(codeContrat, index);
      return;
    }
    found.add(
      index,
      codeContrat,
      CONTRACT_ID_FIELD,
      'unique-contract',
      `le code contrat ${showValue(codeContrat)} est déjà celui de ${found.label(first)} : il doit être unique dans une synchronisation.`,
    );
  };
};
