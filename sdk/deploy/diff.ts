// A line diff of two texts (a section as Make has it, and as the build wrote it): the lines removed and added,
// in order, by the longest common subsequence of their lines.

export interface LineChange {
  sign: '+' | '-';
  line: string;
}

export interface LineDiff {
  added: number;
  removed: number;
  /** The changed lines in order (a removed line before the line that replaces it). */
  changes: LineChange[];
}

export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Past this many cells the middle is compared as one block (all removed, all added) rather than line by line. */
const MAX_CELLS = 4_000_000;

export function diffLines(before: string, after: string): LineDiff {
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  const changes: LineChange[] = [];
  if (x.length * y.length > MAX_CELLS) {
    changes.push(...x.map((line): LineChange => ({ sign: '-', line })), ...y.map((line): LineChange => ({ sign: '+', line })));
  } else {
    // lengths[i][j]: the longest common subsequence of x[i..] and y[j..].
    const width = y.length + 1;
    const lengths = new Uint32Array((x.length + 1) * width);
    for (let i = x.length - 1; i >= 0; i--) {
      for (let j = y.length - 1; j >= 0; j--) {
        lengths[i * width + j] = x[i] === y[j] ? lengths[(i + 1) * width + j + 1] + 1 : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < x.length || j < y.length) {
      if (i < x.length && j < y.length && x[i] === y[j]) {
        i++;
        j++;
      } else if (j >= y.length || (i < x.length && lengths[(i + 1) * width + j] >= lengths[i * width + j + 1])) {
        changes.push({ sign: '-', line: x[i++] });
      } else {
        changes.push({ sign: '+', line: y[j++] });
      }
    }
  }
  return {
    added: changes.filter((c) => c.sign === '+').length,
    removed: changes.filter((c) => c.sign === '-').length,
    changes,
  };
}
