// CSV bytes -> records, each with the line it starts on, by csv-parse (a maintained parser: quotes, doubled
// quotes, separators and line breaks inside quotes, as spreadsheets write them). Knows nothing of contracts.
import { parse } from 'csv-parse/sync';
import type { LineIndex } from './lines';
import type { CsvProblem } from './problems';
import type { Separator } from './separator';

export interface CsvRecord {
  /** The line the record starts on (header = 1). */
  line: number;
  cells: string[];
}

export interface ReadOptions {
  /** Called every `progressEvery` records read, with the count so far (for a progress line on big files). */
  onProgress?: (records: number) => void;
  progressEvery?: number;
}

export interface ReadRecords {
  /** Every record but empty lines (no cell, or only empty cells: ";;;;" is how spreadsheets write an empty row). */
  records: CsvRecord[];
  problems: CsvProblem[];
}

export function readCsvRecords(body: Buffer, separator: Separator, lines: LineIndex, options: ReadOptions = {}): ReadRecords {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  const every = options.progressEvery ?? 10_000;
  /** Where the record being parsed starts: the end of the previous one (csv-parse counts bytes). */
  let recordStart = 0;
  let read = 0;
  parse(body, {
    delimiter: separator,
    // "\r\n", "\n" or "\r", even mixed in one file (a file edited on two systems).
    record_delimiter: ['\r\n', '\n', '\r'],
    // The cell count is checked against the header by the caller, who can say which line is short or long.
    relax_column_count: true,
    // A quote inside an unquoted value (`Entreprise "Le Bon"`) is a character, as spreadsheets read it.
    relax_quotes: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      const line = lines.lineAt(recordStart);
      problems.push(
        error?.code === 'CSV_QUOTE_NOT_CLOSED'
          ? {
              line,
              rule: 'quote',
              message:
                `un guillemet (") ouvert sur cette ligne n'est jamais fermé : la suite du fichier, jusqu'à sa fin (ligne ${lines.count}), ` +
                `se lit comme une seule cellule et n'a pas été vérifiée. Dans une valeur, un guillemet s'écrit doublé ("").`,
            }
          : { line, rule: 'quote', message: `cette ligne ne peut pas être lue (${error?.message ?? 'erreur du lecteur CSV'}).` },
      );
      return undefined;
    },
    on_record: (cells: string[], context) => {
      const line = lines.lineAt(recordStart);
      recordStart = context.bytes;
      read++;
      if (options.onProgress && read % every === 0) options.onProgress(read);
      if (cells.every((cell) => cell.trim() === '')) return null;
      records.push({ line, cells });
      return null;
    },
  });
  return { records, problems };
}
