// Rule 3: for the site, the period, the year and the programme, one code has one name, and one name one code.
import { showValue } from '../../../lib/values';
import { ONE_TO_ONE_PAIRS, text } from '../fields';
import type { ContractRuleCheck } from '../violations';

export const oneToOne: ContractRuleCheck = () => {
  const codeToName = ONE_TO_ONE_PAIRS.map(() => new Map<string, { index: number; other: string }>());
  const nameToCode = ONE_TO_ONE_PAIRS.map(() => new Map<string, { index: number; other: string }>());
  return (index, row, codeContrat, found) => {
    ONE_TO_ONE_PAIRS.forEach((pair, p) => {
      const code = text(row, pair.codeField);
      const name = text(row, pair.nameField);
      if (code === undefined || name === undefined) return;
      const byCode = codeToName[p].get(code);
      if (byCode === undefined) codeToName[p].set(code, { index, other: name });
      else if (byCode.other !== name) {
        found.add(
          index,
          codeContrat,
          pair.nameField,
          'one-to-one',
          `le code ${showValue(code)} (${pair.label}) a déjà le nom ${showValue(byCode.other)} en ${found.where(byCode.index, pair.nameField)}, ` +
            `ici ${showValue(name)} : un code a un seul nom.`,
        );
      }
      const byName = nameToCode[p].get(name);
      if (byName === undefined) nameToCode[p].set(name, { index, other: code });
      else if (byName.other !== code) {
        found.add(
          index,
          codeContrat,
          pair.codeField,
          'one-to-one',
          `le nom ${showValue(name)} (${pair.label}) a déjà le code ${showValue(byName.other)} en ${found.where(byName.index, pair.codeField)}, ` +
            `ici ${showValue(code)} : un nom a un seul code.`,
        );
      }
    });
  };
};
