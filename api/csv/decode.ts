// A school's file as bytes -> UTF-8 bytes without their BOM, or why it is not UTF-8. Spreadsheets save "CSV"
// in the machine's old encoding (Windows-1252 / Latin-1 in France) unless one picks "CSV UTF-8": that is the
// mistake to name, with the line where it shows (the first accented letter, usually).
import { isUtf8 } from 'node:buffer';
import { LineIndex } from './lines';
import type { CsvProblem } from './problems';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

const RESAVE = 'enregistrez-le à nouveau au format « CSV UTF-8 » (Excel : Fichier > Enregistrer sous > « CSV UTF-8 (délimité par des virgules) » ; LibreOffice : jeu de caractères « Unicode (UTF-8) »).';

export type Decoded = { ok: true; body: Buffer; bom: boolean } | { ok: false; problem: CsvProblem };

/** The first bytes of a workbook: .xlsx (a ZIP archive) and the older .xls. */
const WORKBOOK_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0xd0, 0xcf, 0x11, 0xe0],
];

export function decodeUtf8(bytes: Buffer): Decoded {
  if (WORKBOOK_SIGNATURES.some((signature) => signature.every((byte, i) => bytes[i] === byte))) {
    return { ok: false, problem: { rule: 'encoding', message: `ce fichier est un classeur Excel (.xlsx ou .xls), pas un fichier CSV : ${RESAVE}` } };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, problem: { rule: 'encoding', message: `le fichier est encodé en UTF-16 (« Texte Unicode »), pas en UTF-8 : ${RESAVE}` } };
  }
  const bom = UTF8_BOM.every((byte, i) => bytes[i] === byte);
  const body = bom ? bytes.subarray(UTF8_BOM.length) : bytes;
  if (isUtf8(body)) return { ok: true, body, bom };
  const line = firstNonUtf8Line(body);
  return {
    ok: false,
    problem: {
      line,
      rule: 'encoding',
      message: `le fichier n'est pas encodé en UTF-8 (probablement Windows-1252 / Latin-1 : les lettres accentuées y sont illisibles) : ${RESAVE}`,
    },
  };
}

/** The first line holding bytes that are not UTF-8 (line breaks never occur inside a UTF-8 sequence). */
function firstNonUtf8Line(body: Buffer): number {
  const lines = new LineIndex(body);
  for (let line = 1; line < lines.count; line++) if (!isUtf8(lines.line(line))) return line;
  return lines.count;
}
