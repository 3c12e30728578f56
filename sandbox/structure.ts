// The legacy v1 structure syncs: sites, formations and groups (`syncSites`, `syncFormations` and `syncGroups` in
// api/endpoints.ts). Each body is checked by its API schema (api/schemas/v1-*-request.schema.json), then for what a
// schema cannot say: a code once per call, and, for a group, a site and a formation the account already has. One
// problem refuses the whole call, and nothing is stored. A sync adds and updates by code and removes nothing
// (V1_SYNC_UPSERTS); it answers the object it was sent (V1_SYNC_ANSWER_KEYS).

import { V1_SYNC_ANSWER_KEYS, V1_SYNC_UPSERTS } from '../api/assumptions';
import { humanPath } from '../lib/paths';
import { isPlainObject, showValue } from '../lib/values';
import { BodySchema, valueProblem, type BodyProblem, type Say } from './bodySchema';
import { listReason } from './errors';
import type { AccountState, V1Structure } from './types';

export type StructureEndpoint = keyof typeof V1_SYNC_ANSWER_KEYS;

/** A row of any of the three lists, once its schema has passed it: every field is a text. */
type Row = Record<string, string>;

/** A field of a group that names a row of another list. */
interface Reference {
  /** The group's field, which is also the code field of the rows it names. */
  field: string;
  list: keyof V1Structure;
  /** "aucun site de code "X" n'a été synchronisé ; envoyez-le d'abord ..." */
  unknown: (code: string) => string;
}

interface StructureList {
  /** The body's key and the account's list. */
  list: keyof V1Structure;
  /** The field that identifies a row. */
  code: string;
  /** The first line of a refusal. */
  refused: string;
  /** "un site", to say what a row must be and what a code names. */
  one: string;
  schema: BodySchema;
  references: Reference[];
}

const outsideSpaces: Say = (where, value) =>
  `${where} : ${showValue(value)} commence ou finit par une espace : un code s'écrit sans espace autour.`;

function schemaOf(id: string, list: string, row: string, example: string, codes: string[]): BodySchema {
  const listRequired: Say = (where, value) =>
    `${where} : la liste des ${list} est obligatoire et doit être un tableau (reçu ${showValue(value)}).`;
  return new BodySchema(id, {
    '': { invalid: () => `Le corps de la requête doit être un objet {"${list}": [...]}.` },
    [list]: { missing: listRequired, invalid: listRequired },
    [`${list}.*`]: {
      invalid: (where, value) => `${where} : ${row} doit être un objet ${example}, reçu ${showValue(value)}.`,
    },
    ...Object.fromEntries(codes.map((code) => [`${list}.*.${code}`, { pattern: outsideSpaces }])),
  });
}

const LISTS: Record<StructureEndpoint, StructureList> = {
  syncSites: {
    list: 'sites',
    code: 'codeSite',
    refused: 'Les sites sont refusés :',
    one: 'un site',
    schema: schemaOf('v1-sites-request.schema.json', 'sites', 'un site', '{"codeSite": "...", "nomSite": "..."}', [
      'codeSite',
    ]),
    references: [],
  },
  syncFormations: {
    list: 'formations',
    code: 'codeFormation',
    refused: 'Les formations sont refusées :',
    one: 'une formation',
    schema: schemaOf(
      'v1-formations-request.schema.json',
      'formations',
      'une formation',
      '{"codeFormation": "...", "nomFormation": "..."}',
      ['codeFormation'],
    ),
    references: [],
  },
  syncGroups: {
    list: 'groupes',
    code: 'codeGroupe',
    refused: 'Les groupes sont refusés :',
    one: 'un groupe',
    schema: schemaOf(
      'v1-groups-request.schema.json',
      'groupes',
      'un groupe',
      '{"codeSite": "...", "codeFormation": "...", "nomGroupe": "...", "codeGroupe": "..."}',
      ['codeSite', 'codeFormation', 'codeGroupe'],
    ),
    references: [
      {
        field: 'codeSite',
        list: 'sites',
        unknown: (code) =>
          `aucun site de code ${showValue(code)} n'a été synchronisé : envoyez-le d'abord par la synchronisation des sites, puis ce groupe.`,
      },
      {
        field: 'codeFormation',
        list: 'formations',
        unknown: (code) =>
          `aucune formation de code ${showValue(code)} n'a été synchronisée : envoyez-la d'abord par la synchronisation des formations, puis ce groupe.`,
      },
    ],
  },
};

const EMPTY: V1Structure = { sites: [], formations: [], groupes: [] };

export type StructureOutcome =
  | { ok: true; account: AccountState; answer: Record<string, Row[]> }
  | { ok: false; reason: string };

/** One v1 structure sync into `account`: the new account and the answer, or the reason it is refused. */
export function syncStructure(endpoint: StructureEndpoint, account: AccountState, body: unknown): StructureOutcome {
  const kind = LISTS[endpoint];
  const structure = account.structure ?? EMPTY;
  const problems = kind.schema.problems(body);
  const list = isPlainObject(body) ? body[kind.list] : undefined;
  const rows: unknown[] = Array.isArray(list) ? list : [];
  problems.push(...rowProblems(kind, rows, structure, new Set(problems.map((problem) => problem.where))));
  if (problems.length > 0) {
    const lines = kind.schema.ordered(problems).map((problem) => problem.message);
    return { ok: false, reason: listReason(kind.refused, lines) };
  }
  const sent = rows as Row[];
  const next = { ...structure, [kind.list]: merged(structure[kind.list] as unknown as Row[], sent, kind.code) };
  return { ok: true, account: { ...account, structure: next }, answer: { [V1_SYNC_ANSWER_KEYS[endpoint]]: sent } };
}

/** What the schema cannot say, on the fields it let through: a code twice in the call (named on the later row,
 * with the earlier one), and a group's site or formation that the account does not have. */
function rowProblems(
  kind: StructureList,
  rows: readonly unknown[],
  structure: V1Structure,
  refused: ReadonlySet<string>,
): BodyProblem[] {
  const problems: BodyProblem[] = [];
  const textAt = (row: unknown, index: number, field: string): string | undefined => {
    const value = isPlainObject(row) ? row[field] : undefined;
    return typeof value === 'string' && !refused.has(humanPath([kind.list, index, field])) ? value : undefined;
  };
  const firstRow = new Map<string, number>();
  rows.forEach((row, index) => {
    const code = textAt(row, index, kind.code);
    if (code !== undefined) {
      const first = firstRow.get(code);
      if (first === undefined) firstRow.set(code, index);
      else {
        const segments = [kind.list, index, kind.code];
        const earlier = humanPath([kind.list, first]);
        const message = `le code ${showValue(code)} est déjà celui de ${earlier} : un code ne désigne qu'${kind.one} par envoi.`;
        problems.push(valueProblem(segments, `${humanPath(segments)} : ${message}`));
      }
    }
    for (const reference of kind.references) {
      const named = textAt(row, index, reference.field);
      const known = (structure[reference.list] as unknown as Row[]).some((existing) => existing[reference.field] === named);
      if (named !== undefined && !known) {
        const segments = [kind.list, index, reference.field];
        problems.push(valueProblem(segments, `${humanPath(segments)} : ${reference.unknown(named)}`));
      }
    }
  });
  return problems;
}

/** The account's list after a sync: each row sent replaces the one with its code, in place, and new codes follow
 * in the order sent; with V1_SYNC_UPSERTS false, the list sent alone. */
function merged(existing: readonly Row[], sent: readonly Row[], code: string): Row[] {
  if (!V1_SYNC_UPSERTS) return [...sent];
  const sentByCode = new Map(sent.map((row) => [row[code], row]));
  const known = new Set(existing.map((row) => row[code]));
  return [...existing.map((row) => sentByCode.get(row[code]) ?? row), ...sent.filter((row) => !known.has(row[code]))];
}
