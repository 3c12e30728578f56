// Rule 1: a user code belongs to one role (a learner code may not be a tutor code). The same code in the same
// role on several contracts is the same person, whatever its email there: a company tutor whose email differs
// between two contracts is a legitimate file.
import { showValue } from '../../../lib/values';
import { ROLES, text, type Role } from '../fields';
import type { ContractRuleCheck } from '../violations';

export const uniqueUserId: ContractRuleCheck = () => {
  const seen = new Map<string, { index: number; role: Role }>();
  return (index, row, codeContrat, found) => {
    for (const role of ROLES) {
      const code = text(row, role.codeField);
      if (code === undefined) continue;
      const first = seen.get(code);
      if (first === undefined) seen.set(code, { index, role });
      else if (first.role !== role) {
        found.add(
          index,
          codeContrat,
          role.codeField,
          'unique-user-id',
          `l'identifiant ${showValue(code)} est déjà celui d'un ${first.role.label} (${found.where(first.index, first.role.codeField)}) : ` +
            `un identifiant doit être unique parmi tous les utilisateurs (préfixez les identifiants par rôle).`,
        );
      }
    }
  };
};
