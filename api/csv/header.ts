// The header line -> which contract field each column holds, and what is wrong with the header: a column
// that is no field (with the closest field's name), a field written another way, a field twice, a column
// without a name, a required field without a column.
import { CONTRACT_FIELDS, contratSchema } from '../contracts';
import { closestField, type NamedField } from './closest';
import { columnLetter, type CsvProblem } from './problems';

const FIELDS: readonly NamedField[] = CONTRACT_FIELDS.map((name) => ({ name, title: contratSchema.properties[name]?.title }));
const FIELD_NAMES = new Set(CONTRACT_FIELDS);

export function isContractField(name: string): boolean {
  return FIELD_NAMES.has(name);
}

function title(field: string): string {
  return contratSchema.properties[field]?.title ?? field;
}

export interface Columns {
  /** The contract field of each column, by position; undefined for a column that is not read. */
  fields: ReadonlyArray<string | undefined>;
  /** Required fields that have no column (their emptiness is said once, on the header). */
  missing: ReadonlySet<string>;
  problems: CsvProblem[];
}

export function readHeader(cells: readonly string[], line: number): Columns {
  const fields: Array<string | undefined> = cells.map(() => undefined);
  const taken = new Map<string, number>();
  const problems: CsvProblem[] = [];
  // Exact names first, so that a loose spelling never takes the column of a field that is also there exactly.
  cells.forEach((cell, position) => {
    if (!FIELD_NAMES.has(cell)) return;
    const first = taken.get(cell);
    if (first === undefined) {
      taken.set(cell, position);
      fields[position] = cell;
    } else {
      problems.push({
        line,
        column: cell,
        rule: 'duplicate-column',
        message: `la colonne apparaît deux fois (colonnes ${columnLetter(first)} et ${columnLetter(position)}) : seule la première est lue ; supprimez l'autre.`,
      });
    }
  });
  cells.forEach((cell, position) => {
    if (FIELD_NAMES.has(cell)) return;
    if (cell.trim() === '') {
      problems.push({
        line,
        column: columnLetter(position),
        rule: 'unnamed-column',
        message: `cette colonne n'a pas de nom : nommez-la comme un champ du contrat, ou supprimez-la. Elle n'est pas lue.`,
      });
      return;
    }
    const closest = closestField(cell, FIELDS);
    if (closest === undefined) return;
    if (closest.distance === 0 && !taken.has(closest.name)) {
      taken.set(closest.name, position);
      fields[position] = closest.name;
      problems.push({
        line,
        column: cell,
        rule: 'column-name',
        message: `l'en-tête doit être le nom exact du champ, « ${closest.name} » (majuscules comprises, sans espace ni accent) : renommez la colonne. Elle est lue comme ${closest.name}.`,
      });
      return;
    }
    problems.push({ line, column: cell, rule: 'unknown-column', message: unknownColumnMessage(closest.name, closest.near, taken.has(closest.name)) });
  });
  const missing = new Set(contratSchema.required.filter((field) => !taken.has(field)));
  for (const field of missing) {
    problems.push({
      line,
      column: field,
      rule: 'missing-column',
      message: `colonne obligatoire absente de l'en-tête (${title(field)}) : ajoutez-la.`,
    });
  }
  return { fields, missing, problems };
}

function unknownColumnMessage(closest: string, near: boolean, taken: boolean): string {
  const unread = taken || !near ? 'Elle n\'est pas lue : supprimez-la ou renommez-la.' : 'Elle n\'est pas lue.';
  if (!near) return `colonne inconnue : ce n'est pas un champ du contrat, et aucun champ n'a un nom proche (le plus proche : « ${closest} »). ${unread}`;
  if (taken) return `colonne inconnue : ce n'est pas un champ du contrat (le plus proche, « ${closest} », est déjà une colonne). ${unread}`;
  return `colonne inconnue : ce n'est pas un champ du contrat ; vouliez-vous dire « ${closest} » (${title(closest)}) ? ${unread}`;
}
