// Rule 4: dates are real calendar days, and a contract does not end before it starts.
import { showValue } from '../../../lib/values';
import { frenchDateKey } from '../calendar';
import { END_DATE_FIELD, START_DATE_FIELD, text } from '../fields';
import type { ContractRuleCheck } from '../violations';

export const realDates: ContractRuleCheck = () => (index, row, codeContrat, found) => {
  const startText = text(row, START_DATE_FIELD);
  const endText = text(row, END_DATE_FIELD);
  // A date that is not DD/MM/YYYY at all is the schema's to report (frenchDateKey gives undefined).
  const start = startText === undefined ? undefined : frenchDateKey(startText);
  const end = endText === undefined ? undefined : frenchDateKey(endText);
  if (start === null) found.add(index, codeContrat, START_DATE_FIELD, 'date', `la date ${showValue(startText)} n'existe pas dans le calendrier.`);
  if (end === null) found.add(index, codeContrat, END_DATE_FIELD, 'date', `la date ${showValue(endText)} n'existe pas dans le calendrier.`);
  if (typeof start === 'number' && typeof end === 'number' && end < start) {
    found.add(index, codeContrat, END_DATE_FIELD, 'date', `la date de fin ${showValue(endText)} précède la date de début ${showValue(startText)}.`);
  }
};
