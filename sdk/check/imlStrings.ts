// Every IML string inside a code file, with where it sits, for the checks that read IML.

export interface ImlString {
  template: string;
  /** Keys and 0-based indexes from the file's root. */
  segments: Array<string | number>;
}

export function collectImlStrings(value: unknown, segments: Array<string | number> = []): ImlString[] {
  if (typeof value === 'string') return value.includes('{{') ? [{ template: value, segments }] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => collectImlStrings(item, [...segments, index]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => collectImlStrings(item, [...segments, key]));
  }
  return [];
}
