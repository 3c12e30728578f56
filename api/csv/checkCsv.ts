// A school's CSV export of its contracts (the "FTP route", for schools without an API-capable tool) checked
// as the platform would check a sync: the file (encoding, separator, quotes), its header, the cell count of
// each record, then the contract schema and rules 1 to 5 of api/contracts, each problem named by the file's
// line and the column.
//
// Why under api/: the CSV's columns ARE the contract's fields (api/schemas/contrat.schema.json), and its
// checks are api/contracts' rules; like the rest of api/ it knows nothing of Make, and imports nothing of the
// project outside api/ and lib/ (csv-parse is a package). A new top folder would need its own import rule for
// no other gain.
import { checkContracts, contratSchema, type ContractViolation } from '../contracts';
import { decodeUtf8 } from './decode';
import { isContractField, readHeader } from './header';
import { LineIndex } from './lines';
import { sortProblems, type CsvProblem } from './problems';
import { readCsvRecords, type ReadOptions } from './readCsv';
import { recordsToRows, type CsvRow } from './rows';
import { detectSeparator, SEPARATOR_NAMES, type Separator } from './separator';

export interface CsvCheck {
  /** The separator read from the header line; undefined when the file could not be read that far. */
  separator?: Separator;
  /** Whether the file starts with a UTF-8 byte order mark (Excel's "CSV UTF-8" writes one). */
  bom: boolean;
  /** Every data record, in the file's order (empty lines skipped). */
  rows: CsvRow[];
  /** Every problem, by line; none when the file can be synced as it is. */
  problems: CsvProblem[];
}

export function checkContractsCsv(bytes: Buffer, options: ReadOptions = {}): CsvCheck {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { bom: false, rows: [], problems: [decoded.problem] };
  const { body, bom } = decoded;
  const lines = new LineIndex(body);
  const fail = (problem: CsvProblem, separator?: Separator): CsvCheck => ({ separator, bom, rows: [], problems: [problem] });

  let headerLine = 1;
  while (headerLine <= lines.count && lines.text(headerLine).trim() === '') headerLine++;
  if (headerLine > lines.count) {
    return fail({ rule: 'empty-file', message: "le fichier est vide : sa première ligne doit être l'en-tête, les noms des champs du contrat." });
  }
  const headerText = lines.text(headerLine);
  const separator = detectSeparator(headerText, isContractField);
  if (separator === undefined) {
    return fail({
      line: headerLine,
      rule: 'separator',
      message: headerText.includes('\t')
        ? "les colonnes sont séparées par des tabulations : enregistrez le fichier au format « CSV UTF-8 », avec « ; » ou « , » comme séparateur."
        : "ni « ; » ni « , » dans la ligne d'en-tête : elle doit donner les noms des champs du contrat, séparés par « ; » ou « , ».",
    });
  }

  const read = readCsvRecords(body, separator, lines, options);
  const [header, ...records] = read.records;
  if (header === undefined) return { separator, bom, rows: [], problems: read.problems };
  const columns = readHeader(header.cells, header.line);
  const { rows, problems: rowProblems } = recordsToRows(records, columns, separator);

  const checked = rows.filter((row) => row.wellFormed);
  const violations = checkContracts(checked.map((row) => row.contract), { rowLabel: rowMarker });
  const contractProblems = violations.flatMap((violation) => {
    const row = checked[violation.index];
    // A required field without a column is said once, on the header, not on every line.
    if (violation.rule === 'schema' && columns.missing.has(violation.field)) return [];
    return [toProblem(violation, row, (index) => checked[index].line)];
  });
  return { separator, bom, rows, problems: sortProblems([...read.problems, ...columns.problems, ...rowProblems, ...contractProblems]) };
}

/** `point-virgule « ; »`: the separator as a summary names it. */
export function separatorName(separator: Separator): string {
  return `${SEPARATOR_NAMES[separator]} « ${separator} »`;
}

// The contract rules name a row by a label of ours (`checkContracts`' rowLabel): a marker around the row's
// index, turned here into the file's line once the line is known.
const rowMarker = (index: number): string => `\u0001${index}\u0002`;
const MARKED_ROW = /(?:(?<=^|\s)(de|en) )?\u0001(\d+)\u0002(?:\.(\w+))?/g;

function toProblem(violation: ContractViolation, row: CsvRow, lineOf: (index: number) => number): CsvProblem {
  const field = violation.field || undefined;
  const required = field !== undefined && contratSchema.required.includes(field);
  const message =
    violation.rule === 'schema' && required && row.contract[field] === undefined
      ? `cellule vide : ce champ est obligatoire (${contratSchema.properties[field]?.title ?? field}).`
      : violation.detail.replace(MARKED_ROW, (_match, preposition: string | undefined, index: string, other: string | undefined) => {
          const lead = preposition === 'de' ? 'de la ' : preposition === 'en' ? 'à la ' : '';
          return `${lead}ligne ${lineOf(Number(index))}${other ? `, colonne ${other}` : ''}`;
        });
  return { line: row.line, column: field, rule: violation.rule, message };
}
