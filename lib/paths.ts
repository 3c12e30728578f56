// Places in a JSON value. A place is a list of segments: object keys, and array indexes counted from 0. People
// read it as `contrats[3].dateDebut` (humanPath); JSON Schema validators write it as a JSON pointer
// (`/contrats/2/dateDebut`, read back by pointerSegments).

export type PathSegments = Array<string | number>;

/**
 * `contrats[3].dateDebut`: keys joined by dots, indexes in brackets counted from 1, as Make shows a place in a
 * bundle and as a person counts the rows of a list.
 */
export function humanPath(segments: Readonly<PathSegments>): string {
  let path = '';
  for (const segment of segments) path = childPath(path, segment);
  return path;
}

/** The place of `key` (an index counted from 0, or a key) inside the place `parent`, written as humanPath. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key + 1}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

/**
 * The segments of a JSON pointer (RFC 6901, `/a/0/b~1c`). A segment of digits is an index where `document`
 * holds an array at that place, else a key; without a document, every segment is a key.
 */
export function pointerSegments(pointer: string, document?: unknown): PathSegments {
  if (pointer === '') return [];
  const segments: PathSegments = [];
  let current = document;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current) && /^(0|[1-9][0-9]*)$/.test(key)) {
      segments.push(Number(key));
      current = current[Number(key)];
    } else {
      segments.push(key);
      current =
        current !== null && typeof current === 'object' && Object.prototype.hasOwnProperty.call(current, key)
          ? (current as Record<string, unknown>)[key]
          : undefined;
    }
  }
  return segments;
}
