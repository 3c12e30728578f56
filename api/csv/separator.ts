// Which separator a file uses, read from its header line: French spreadsheets write ";" (the comma is the
// decimal mark there), others ",". The header names contract fields, so the right separator is the one that
// splits it into known names; when neither does, the one that occurs more often.

export type Separator = ';' | ',';

export const SEPARATOR_NAMES: Readonly<Record<Separator, string>> = { ';': 'point-virgule', ',': 'virgule' };

/** The header line's cells for one separator, quotes removed as a spreadsheet reads them. */
export function splitLine(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === separator) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

/** The separator of a header line, or undefined when it has neither ";" nor "," outside quotes. */
export function detectSeparator(headerLine: string, isField: (name: string) => boolean): Separator | undefined {
  const candidates = (Object.keys(SEPARATOR_NAMES) as Separator[])
    .map((separator) => {
      const cells = splitLine(headerLine, separator);
      return { separator, count: cells.length - 1, known: cells.filter((cell) => isField(cell.trim())).length };
    })
    .filter((candidate) => candidate.count > 0);
  candidates.sort((a, b) => b.known - a.known || b.count - a.count);
  return candidates[0]?.separator;
}
