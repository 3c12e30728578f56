// Data records -> contracts: each column's cell under its field, an empty cell an absent value (as a Make user
// leaves an optional field empty), and a record with another cell count than the header reported and kept
// out of the rules (its values are shifted: checking them would only add confusing messages).
import { CONTRACT_FIELDS } from '../contracts';
import type { Columns } from './header';
import type { CsvProblem } from './problems';
import type { CsvRecord } from './readCsv';
import type { Separator } from './separator';

export interface CsvRow {
  /** The line the record starts on. */
  line: number;
  /** The contract as the file gives it, fields in the schema's order. */
  contract: Record<string, string>;
  /** False when the record has another cell count than the header: its contract is not checked. */
  wellFormed: boolean;
}

export function recordsToRows(
  records: readonly CsvRecord[],
  columns: Columns,
  separator: Separator,
): { rows: CsvRow[]; problems: CsvProblem[] } {
  const width = columns.fields.length;
  const positions = CONTRACT_FIELDS.flatMap((field) => {
    const position = columns.fields.indexOf(field);
    return position === -1 ? [] : [{ field, position }];
  });
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  for (const { line, cells } of records) {
    const contract: Record<string, string> = {};
    for (const { field, position } of positions) {
      const value = cells[position];
      if (value !== undefined && value !== '') contract[field] = value;
    }
    const wellFormed = cells.length === width;
    if (!wellFormed) problems.push({ line, rule: 'cell-count', message: cellCountMessage(cells.length, width, separator) });
    rows.push({ line, contract, wellFormed });
  }
  return { rows, problems };
}

function cellCountMessage(count: number, width: number, separator: Separator): string {
  const cause =
    count > width
      ? `${count - width} de trop : une valeur contient sans doute un « ${separator} » sans être entre guillemets`
      : `il en manque ${width - count} : une valeur contient peut-être un retour à la ligne sans être entre guillemets, ou des « ${separator} » manquent`;
  return `${count} cellules au lieu des ${width} de l'en-tête (${cause}). Ligne non vérifiée.`;
}
