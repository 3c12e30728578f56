// Rule 2: one email = one account: two different people (different codes) may not share an email.
import { showValue } from '../../../lib/values';
import { normaliseEmail, ROLES, text, type Role } from '../fields';
import type { ContractRuleCheck } from '../violations';

export const uniqueEmail: ContractRuleCheck = () => {
  const holders = new Map<string, { index: number; role: Role; code: string }>();
  return (index, row, codeContrat, found) => {
    for (const role of ROLES) {
      const code = text(row, role.codeField);
      const emailValue = text(row, role.emailField);
      if (code === undefined || emailValue === undefined) continue;
      const email = normaliseEmail(emailValue);
      const holder = holders.get(email);
      if (holder === undefined) holders.set(email, { index, role, code });
      else if (holder.code !== code) {
        found.add(
          index,
          codeContrat,
          role.emailField,
          'unique-email',
          `l'email ${showValue(emailValue)} est déjà celui d'un autre utilisateur (${holder.role.label} ${showValue(holder.code)}, ` +
            `${found.where(holder.index, holder.role.codeField)}) : un email correspond à un seul compte.`,
        );
      }
    }
  };
};
