// What a check of a school's CSV file reports: one problem per line and column, in French, as the school reads
// it in a spreadsheet ("ligne 5, colonne dateDebut : ...").
import type { ContractRule } from '../contracts';

/** The problems of the file itself, before any contract is read. */
export type CsvFileRule =
  | 'encoding' // not UTF-8
  | 'empty-file'
  | 'separator' // neither ';' nor ',' in the header line
  | 'quote' // a quote opened and never closed
  | 'unknown-column'
  | 'column-name' // a contract field written another way (case, accents, spaces, its French title)
  | 'missing-column'
  | 'duplicate-column'
  | 'unnamed-column'
  | 'cell-count';

export interface CsvProblem {
  /** The file's line, as a text editor or a spreadsheet numbers it (header = 1); a record spanning lines
   * (a quoted cell with line breaks) is named by its first line. Undefined for the file as a whole. */
  line?: number;
  /** The contract field (the column's header), or a column letter for a column without a name. */
  column?: string;
  rule: CsvFileRule | ContractRule;
  /** French, for the school, without the "ligne N, colonne X" prefix. */
  message: string;
}

/** `ligne 5, colonne dateDebut : <message>`, `ligne 7 : <message>`, or `fichier : <message>`. */
export function formatProblem(problem: CsvProblem): string {
  const where = problem.line === undefined ? 'fichier' : `ligne ${problem.line}`;
  return `${where}${problem.column === undefined ? '' : `, colonne ${problem.column}`} : ${problem.message}`;
}

/** By line (the file's problems first); the order of one line's problems is kept. */
export function sortProblems(problems: CsvProblem[]): CsvProblem[] {
  return problems
    .map((problem, order) => ({ problem, order }))
    .sort((a, b) => (a.problem.line ?? 0) - (b.problem.line ?? 0) || a.order - b.order)
    .map(({ problem }) => problem);
}

/** `A`, `B`, ..., `Z`, `AA`: a column as a spreadsheet names it, from its 0-based position. */
export function columnLetter(position: number): string {
  let letters = '';
  for (let n = position + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
