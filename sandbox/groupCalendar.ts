// The endpoint `groupCalendar`: a group's calendar link, `{groupId, calendarUrl}`, checked by
// api/schemas/group-calendar-request.schema.json, then for what the schema's `uri` format lets through but a
// calendar client could not open (no host, a space).

import type { EnvoiCalendrierGroupe } from '../api/types/group-calendar-request';
import { isPlainObject, showValue } from '../lib/values';
import { BodySchema, valueProblem, type Say } from './bodySchema';

const groupRequired: Say = (where, value) =>
  `${where} : le code du groupe, tel que transmis dans les contrats, est obligatoire (reçu ${showValue(value)}).`;
const notACalendarLink: Say = (where, value) =>
  `${where} doit être un lien https valide vers le calendrier ICS (reçu ${showValue(value ?? null)}).`;

const GROUP_CALENDAR_SCHEMA = new BodySchema('group-calendar-request.schema.json', {
  '': { invalid: () => 'Le corps de la requête doit être un objet {"groupId": "...", "calendarUrl": "https://..."}.' },
  groupId: { missing: groupRequired, invalid: groupRequired },
  calendarUrl: { missing: notACalendarLink, invalid: notACalendarLink },
});

export type GroupCalendarInput = ({ ok: true } & EnvoiCalendrierGroupe) | { ok: false; reason: string };

/** The link, or the reason it is refused: one problem a line. */
export function parseGroupCalendar(body: unknown): GroupCalendarInput {
  const problems = GROUP_CALENDAR_SCHEMA.problems(body);
  const calendarUrl = isPlainObject(body) ? body.calendarUrl : undefined;
  if (typeof calendarUrl === 'string' && !isHttpsUrl(calendarUrl) && !problems.some((problem) => problem.where === 'calendarUrl')) {
    problems.push(valueProblem(['calendarUrl'], notACalendarLink('calendarUrl', calendarUrl, {})));
  }
  if (problems.length > 0) {
    return { ok: false, reason: GROUP_CALENDAR_SCHEMA.ordered(problems).map((problem) => problem.message).join('\n') };
  }
  const { groupId } = body as EnvoiCalendrierGroupe;
  return { ok: true, groupId, calendarUrl: calendarUrl as string };
}

function isHttpsUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname !== '' && !/\s/.test(text);
  } catch {
    return false;
  }
}
