// Writing contracts as a school's spreadsheet would export them, to make the CSV files the tests read.
import { CONTRACT_FIELDS } from '../../api/contracts';
import { generateContracts } from '../../sandbox/demoData';

export type Row = Record<string, string | undefined>;

/** A cell as spreadsheets write it: quoted (quotes doubled) when it holds the separator, a quote or a line break. */
export function cell(value: string | undefined, separator: string): string {
  if (value === undefined) return '';
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface CsvOptions {
  separator?: ';' | ',';
  /** The columns, in order (default: every contract field, in the schema's order). */
  columns?: readonly string[];
  bom?: boolean;
  newline?: '\r\n' | '\n';
}

/** The CSV text of some contracts: a header line of field names, one line per contract. */
export function toCsv(rows: readonly Row[], options: CsvOptions = {}): string {
  const separator = options.separator ?? ';';
  const columns = options.columns ?? CONTRACT_FIELDS;
  const newline = options.newline ?? '\r\n';
  const lines = [columns.join(separator), ...rows.map((row) => columns.map((column) => cell(row[column], separator)).join(separator))];
  return `${options.bom ? '\uFEFF' : ''}${lines.join(newline)}${newline}`;
}

/** Valid contracts of the demo generator, as plain rows. */
export function contracts(count: number, seed = 7): Row[] {
  return generateContracts(count, seed).map((contract) => ({ ...contract }) as Row);
}
