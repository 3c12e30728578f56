import { describe, expect, it } from 'vitest';
import { childPath, humanPath, pointerSegments } from '../../lib/paths';

describe('humanPath', () => {
  it('joins keys with dots and counts indexes from 1', () => {
    expect(humanPath(['contrats', 2, 'dateDebut'])).toBe('contrats[3].dateDebut');
    expect(humanPath([0, 'a'])).toBe('[1].a');
    expect(humanPath(['data', 0, 1])).toBe('data[1][2]');
    expect(humanPath([])).toBe('');
  });

  it('is childPath applied segment by segment', () => {
    expect(childPath(childPath('', 'changes'), 'removed')).toBe('changes.removed');
    expect(childPath('changes.removed', 4)).toBe('changes.removed[5]');
  });
});

describe('pointerSegments', () => {
  it('reads a JSON pointer, indexes as numbers where the document has an array', () => {
    const document = { data: [{ dateFin: 'x' }], '1': { '0': true } };
    expect(pointerSegments('/data/0/dateFin', document)).toEqual(['data', 0, 'dateFin']);
    expect(pointerSegments('/1/0', document)).toEqual(['1', '0']);
    expect(pointerSegments('', document)).toEqual([]);
  });

  it('decodes ~1 and ~0, and reads every segment as a key without a document', () => {
    expect(pointerSegments('/a~1b/c~0d/0')).toEqual(['a/b', 'c~d', '0']);
  });

  it('gives back, with humanPath, the place a person reads', () => {
    const body = { changes: { removed: ['A', 42] } };
    expect(humanPath(pointerSegments('/changes/removed/1', body))).toBe('changes.removed[2]');
  });
});
