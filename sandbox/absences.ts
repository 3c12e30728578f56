// The endpoint `absences`: a learner's absences, `{email, data: [{dateDebut, dateFin, type, isJusitifie, motif?}]}`
// with the field names of the older edition of the platform's `apis` page (the newer one renames them; these are the
// ones the schema keeps and the sandbox accepts: docs/api.md, « Absences »). The body is checked by
// api/schemas/absences-request.schema.json, then for what a schema cannot say: dates that exist, and an end that
// does not come before its start.

import { parseFrenchDateTime } from '../api/contracts';
import type { EnvoiAbsences } from '../api/types/absences-request';
import { humanPath } from '../lib/paths';
import { isPlainObject, showValue } from '../lib/values';
import { BodySchema, valueProblem, type BodyProblem, type Say } from './bodySchema';
import { listReason } from './errors';
import type { Absence } from './types';

const DATE_FIELDS = ['dateDebut', 'dateFin'] as const;

const notARealDate: Say = (where, value) => `${where} : ${showValue(value)} n'est pas une date réelle au format JJ/MM/AAAA-HH:mm.`;
const emailRequired: Say = (where, value) => `${where} : l'email de l'apprenant est obligatoire (reçu ${showValue(value)}).`;
const dataRequired: Say = (where, value) =>
  `${where} : la liste des absences est obligatoire et doit être un tableau (reçu ${showValue(value)}).`;

const ABSENCES_SCHEMA = new BodySchema('absences-request.schema.json', {
  '': { invalid: () => 'Le corps de la requête doit être un objet {"email": "...", "data": [...]}.' },
  email: { missing: emailRequired, type: emailRequired, minLength: emailRequired },
  data: { missing: dataRequired, invalid: dataRequired },
  'data.*': { invalid: (where, value) => `${where} : une absence doit être un objet, reçu ${showValue(value)}.` },
  'data.*.dateDebut': { invalid: notARealDate },
  'data.*.dateFin': { invalid: notARealDate },
  'data.*.type': {
    invalid: (where, value, schema) =>
      `${where} : ${showValue(value)} n'est pas un type accepté (${(schema.enum as string[]).join(' ou ')}).`,
  },
});

export type AbsencesInput = { ok: true; email: string; data: Absence[] } | { ok: false; reason: string };

export function parseAbsences(body: unknown): AbsencesInput {
  const problems = ABSENCES_SCHEMA.problems(body);
  const rows = isPlainObject(body) && Array.isArray(body.data) ? body.data : [];
  problems.push(...calendarProblems(rows, problems));
  if (problems.length > 0) {
    return { ok: false, reason: listReason('Les absences sont refusées :', ABSENCES_SCHEMA.ordered(problems).map((p) => p.message)) };
  }
  const { email, data } = body as EnvoiAbsences;
  return { ok: true, email, data };
}

/** The dates the schema let through that name no real moment, and the ends before their starts; a date the
 * schema already refused is not checked again. */
function calendarProblems(rows: readonly unknown[], schemaProblems: readonly BodyProblem[]): BodyProblem[] {
  const refused = new Set(schemaProblems.map((problem) => problem.where));
  const problems: BodyProblem[] = [];
  rows.forEach((row, index) => {
    if (!isPlainObject(row)) return;
    const moments: number[] = [];
    for (const field of DATE_FIELDS) {
      const segments = ['data', index, field];
      const value = row[field];
      if (typeof value !== 'string' || refused.has(humanPath(segments))) continue;
      const moment = parseFrenchDateTime(value);
      if (moment === null) problems.push(valueProblem(segments, notARealDate(humanPath(segments), value, {})));
      else moments.push(moment);
    }
    if (moments.length === 2 && moments[1] < moments[0]) {
      const segments = ['data', index, 'dateFin'];
      const detail = `la fin ${showValue(row.dateFin)} précède le début ${showValue(row.dateDebut)}.`;
      problems.push(valueProblem(segments, `${humanPath(segments)} : ${detail}`));
    }
  });
  return problems;
}
