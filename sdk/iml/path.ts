// Reading values by key and by 1-based index, shared by the evaluator and get/map/sort/distinct.
import { ownProperty } from './values';

/**
 * Item of an array at a 1-based position; negative positions count from the end (-1 is the last).
 * 0 and positions out of range are undefined.
 */
export function itemAt(array: readonly unknown[], position: number): unknown {
  if (!Number.isInteger(position) || position === 0) return undefined;
  const i = position > 0 ? position - 1 : array.length + position;
  return i >= 0 && i < array.length ? array[i] : undefined;
}

/** `target.key`. [INF] On an array a numeric key is a 1-based position, as in `get(array, '2')`. */
export function memberOf(target: unknown, key: string): unknown {
  if (Array.isArray(target)) return /^-?\d+$/.test(key) ? itemAt(target, Number(key)) : undefined;
  return ownProperty(target, key);
}

/** `target[index]`; a null index (a bare `[]`) is the first item. */
export function indexInto(target: unknown, index: unknown): unknown {
  if (Array.isArray(target)) {
    if (index === null) return target[0];
    if (typeof index === 'number') return itemAt(target, index);
    if (typeof index === 'string' && /^-?\d+$/.test(index.trim())) return itemAt(target, Number(index));
    return undefined;
  }
  if (index === null) return undefined;
  if (typeof index === 'string' || typeof index === 'number') return ownProperty(target, String(index));
  return undefined;
}

/**
 * `get(object, 'a.b[2].c')`: dot-separated keys, 1-based for arrays, `[n]` and `[]` accepted too.
 * A number path is one 1-based position.
 */
export function getPath(target: unknown, path: unknown): unknown {
  if (typeof path === 'number') return indexInto(target, path);
  if (typeof path !== 'string') return undefined;
  if (path === '') return target;
  let current = target;
  for (const segment of splitPath(path)) {
    if (current === undefined || current === null) return undefined;
    current = segment === null ? indexInto(current, null) : memberOf(current, segment);
  }
  return current;
}

/** Segments of a path text; null stands for a bare `[]`. */
function splitPath(path: string): Array<string | null> {
  const segments: Array<string | null> = [];
  for (const piece of path.split('.')) {
    const bracket = /^([^[\]]*)((?:\[[^\]]*\])*)$/.exec(piece);
    if (!bracket) {
      segments.push(piece);
      continue;
    }
    if (bracket[1] !== '') segments.push(bracket[1]);
    for (const index of bracket[2].match(/\[[^\]]*\]/g) ?? []) {
      const inner = index.slice(1, -1).trim();
      segments.push(inner === '' ? null : inner);
    }
  }
  return segments;
}
