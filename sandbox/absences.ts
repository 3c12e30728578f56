// Endpoint 10: a learner's absences, `{email, data: [{dateDebut, dateFin, type, isJusitifie, motif?}]}`
// with the seed's field names (the newer docs rename them; these are the ones the sandbox accepts).

import { parseFrenchDateTime } from '../api/contracts';
import { showValue } from '../lib/values';
import { isPlainObject, listReason } from './errors';
import type { Absence } from './types';

export const ABSENCE_TYPES: readonly Absence['type'][] = ['absence', 'retard'];

/** The fields of one absence, with whether each is required. Spelled as in the seed (`isJusitifie`). */
const ABSENCE_FIELDS: Record<keyof Absence, { required: boolean }> = {
  dateDebut: { required: true },
  dateFin: { required: true },
  type: { required: true },
  isJusitifie: { required: true },
  motif: { required: false },
};

export type AbsencesInput = { ok: true; email: string; data: Absence[] } | { ok: false; reason: string };

export function parseAbsences(body: unknown): AbsencesInput {
  if (!isPlainObject(body)) {
    return { ok: false, reason: 'Le corps de la requête doit être un objet {"email": "...", "data": [...]}.' };
  }
  const problems: string[] = [];
  if (typeof body.email !== 'string' || body.email.trim() === '') {
    problems.push(`email : l'email de l'apprenant est obligatoire (reçu ${showValue(body.email)}).`);
  }
  if (!Array.isArray(body.data)) {
    problems.push(`data : la liste des absences est obligatoire et doit être un tableau (reçu ${showValue(body.data)}).`);
  }
  const data: Absence[] = [];
  (Array.isArray(body.data) ? body.data : []).forEach((item: unknown, i: number) => {
    const where = `data[${i + 1}]`;
    if (!isPlainObject(item)) {
      problems.push(`${where} : une absence doit être un objet, reçu ${showValue(item)}.`);
      return;
    }
    const before = problems.length;
    for (const key of Object.keys(item)) {
      if (!Object.prototype.hasOwnProperty.call(ABSENCE_FIELDS, key)) problems.push(`${where}.${key} : champ inconnu (attendus : ${Object.keys(ABSENCE_FIELDS).join(', ')}).`);
    }
    for (const [field, spec] of Object.entries(ABSENCE_FIELDS)) {
      if (spec.required && item[field] === undefined) problems.push(`${where}.${field} : champ obligatoire manquant.`);
    }
    const moments: number[] = [];
    for (const field of ['dateDebut', 'dateFin'] as const) {
      const value = item[field];
      if (value === undefined) continue;
      const parsed = typeof value === 'string' ? parseFrenchDateTime(value) : null;
      if (parsed === null) problems.push(`${where}.${field} : ${showValue(value)} n'est pas une date réelle au format JJ/MM/AAAA-HH:mm.`);
      else moments.push(parsed);
    }
    if (moments.length === 2 && moments[1] < moments[0]) {
      problems.push(`${where}.dateFin : la fin ${showValue(item.dateFin)} précède le début ${showValue(item.dateDebut)}.`);
    }
    if (item.type !== undefined && !ABSENCE_TYPES.includes(item.type as Absence['type'])) {
      problems.push(`${where}.type : ${showValue(item.type)} n'est pas un type accepté (${ABSENCE_TYPES.join(' ou ')}).`);
    }
    if (item.isJusitifie !== undefined && typeof item.isJusitifie !== 'boolean') {
      problems.push(`${where}.isJusitifie : un booléen (true ou false) est attendu, reçu ${showValue(item.isJusitifie)}.`);
    }
    if (item.motif !== undefined && item.motif !== null && typeof item.motif !== 'string') {
      problems.push(`${where}.motif : un texte est attendu, reçu ${showValue(item.motif)}.`);
    }
    if (problems.length === before) {
      const absence: Absence = {
        dateDebut: item.dateDebut as string,
        dateFin: item.dateFin as string,
        type: item.type as Absence['type'],
        isJusitifie: item.isJusitifie as boolean,
      };
      if (typeof item.motif === 'string') absence.motif = item.motif;
      data.push(absence);
    }
  });
  if (problems.length > 0) return { ok: false, reason: listReason('Les absences sont refusées :', problems) };
  return { ok: true, email: (body.email as string).trim(), data };
}
