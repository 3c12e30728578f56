// The name a school most likely meant when a CSV header is not a contract field: the closest field by edit
// distance, comparing names without case, accents, spaces or punctuation, and the fields' French titles too
// (a header written "Code du contrat" means codeContrat).

/** `Code du contrat` -> `codeducontrat`: letters and digits only, lower case, no accents. */
export function looseName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The Levenshtein distance between two texts (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

export interface NamedField {
  name: string;
  title?: string;
}

export interface ClosestField {
  name: string;
  /** The edit distance between the loose names (0: the same name once case, accents, spaces and punctuation
   * are ignored, or the field's title so read). */
  distance: number;
  /** Close enough to be a misspelling of it: at most 2 edits, or 30 % of the name's length. */
  near: boolean;
}

/** The field whose name (or title) is closest to `header`; the first in the list on a tie. */
export function closestField(header: string, fields: readonly NamedField[]): ClosestField | undefined {
  const wanted = looseName(header);
  let best: { name: string; distance: number } | undefined;
  for (const field of fields) {
    const candidates = [field.name, field.title].filter((c): c is string => c !== undefined).map(looseName);
    const distance = Math.min(...candidates.map((candidate) => editDistance(wanted, candidate)));
    if (best === undefined || distance < best.distance) best = { name: field.name, distance };
  }
  return best && { ...best, near: best.distance <= Math.max(2, Math.round(wanted.length * 0.3)) };
}
