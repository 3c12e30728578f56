// The bodies of groupCalendar, absences and contractChanges, checked by the API's JSON Schemas: each problem on
// its own line, naming its place and what is expected; what a schema cannot say is checked after it.
import { describe, expect, it } from 'vitest';
import { BodySchema, valueProblem } from '../../sandbox/bodySchema';
import { call, contracts, loose, synced, twoAccounts } from './helpers';

const CALENDAR = '/api/sync/v1/calendar-group-ics';
const ABSENCES = '/api/sync/v1/absences-for-student';
const CHANGES = '/api/sync/v2/contrats/changes';

const list = contracts(3);
const state = synced(twoAccounts(), list);
const reasonOf = (path: string, body: unknown): string[] => {
  const { response, state: after } = call(state, 'POST', path, { body });
  expect(response.status).toBe(400);
  expect(after).toBe(state);
  return (response.body as { reason: string }).reason.split('\n');
};

describe('group calendar', () => {
  const url = 'https://calendrier.exemple.fr/groupe.ics';

  it('refuses a link without a host, which the uri format lets through', () => {
    expect(reasonOf(CALENDAR, { groupId: list[0].codeGroupe, calendarUrl: 'https://' })).toEqual([
      'calendarUrl doit être un lien https valide vers le calendrier ICS (reçu "https://").',
    ]);
  });

  it('names every problem, the group first', () => {
    expect(reasonOf(CALENDAR, { calendarUrl: 'http://x.fr/g.ics' })).toEqual([
      'groupId : le code du groupe, tel que transmis dans les contrats, est obligatoire (reçu undefined).',
      'calendarUrl doit être un lien https valide vers le calendrier ICS (reçu "http://x.fr/g.ics").',
    ]);
    expect(reasonOf(CALENDAR, { groupId: '', calendarUrl: url })).toEqual([
      'groupId : le code du groupe, tel que transmis dans les contrats, est obligatoire (reçu "").',
    ]);
  });

  it('refuses a body that is not an object', () => {
    expect(reasonOf(CALENDAR, [url])).toEqual([
      'Le corps de la requête doit être un objet {"groupId": "...", "calendarUrl": "https://..."}.',
    ]);
  });
});

describe('absences', () => {
  const absence = { dateDebut: '06/10/2025-08:30', dateFin: '06/10/2025-12:00', type: 'absence', isJusitifie: true };

  it('refuses an email that is not an address, and a motif that is not a text', () => {
    expect(reasonOf(ABSENCES, { email: 'pas-un-email', data: [{ ...absence, motif: null }] })).toEqual([
      'Les absences sont refusées :',
      '- email : "pas-un-email" n\'est pas une adresse email valide.',
      '- data[1].motif : un texte est attendu, reçu null.',
    ]);
  });

  it('names a row that is not an absence, and checks the dates of the others', () => {
    expect(reasonOf(ABSENCES, { email: list[0].emailApprenant, data: ['absence', { ...absence, dateFin: '05/10/2025-12:00' }] })).toEqual([
      'Les absences sont refusées :',
      '- data[1] : une absence doit être un objet, reçu "absence".',
      '- data[2].dateFin : la fin "05/10/2025-12:00" précède le début "06/10/2025-08:30".',
    ]);
  });

  it('checks a date that has the format but does not exist once, not twice', () => {
    expect(reasonOf(ABSENCES, { email: list[0].emailApprenant, data: [{ ...absence, dateFin: '31/02/2025-12:00' }] })).toEqual([
      'Les absences sont refusées :',
      '- data[1].dateFin : "31/02/2025-12:00" n\'est pas une date réelle au format JJ/MM/AAAA-HH:mm.',
    ]);
  });
});

describe('contract changes', () => {
  it('names each problem of the envelope', () => {
    expect(reasonOf(CHANGES, { changes: { ajoutes: [], added: {}, removed: ['', 42] } })).toEqual([
      'Les changements sont refusés :',
      '- changes.ajoutes : champ inconnu (attendus : added, updated, removed).',
      '- changes.added : un tableau est attendu, reçu {}.',
      '- changes.removed[1] : un code contrat (texte non vide) est attendu, reçu "".',
      '- changes.removed[2] : un code contrat (texte non vide) est attendu, reçu 42.',
    ]);
    expect(reasonOf(CHANGES, { modifications: {} })).toEqual([
      'Les changements sont refusés :',
      '- Le corps de la requête doit être un objet {"changes": {"added": [], "updated": [], "removed": []}}.',
    ]);
  });

  it('leaves the contracts to the contract rules, which name them once, by list and row', () => {
    const broken = { ...loose(contracts(4)[3]), dateDebut: '2025-09-01' };
    const reason = reasonOf(CHANGES, { changes: { added: [broken] } });
    expect(reason.filter((line) => line.includes('dateDebut'))).toEqual([
      '- changes.added[1].dateDebut : la valeur "2025-09-01" n\'est pas une date au format JJ/MM/AAAA.',
    ]);
  });
});

describe('the order of the problems', () => {
  const schema = new BodySchema('absences-request.schema.json');

  it('is the order a person reads the body: place by place; at one place, unknown, then missing, then values', () => {
    const body = { data: [{ motif: 3, type: 'maladie', colour: 'red' }, 'x'] };
    const problems = schema.problems(body);
    problems.push(valueProblem(['data', 0, 'dateFin'], 'data[1].dateFin : from code'));
    expect(schema.ordered(problems).map((problem) => problem.message)).toEqual([
      'email : champ obligatoire manquant.',
      'data[1].colour : champ inconnu (attendus : dateDebut, dateFin, type, isJusitifie, motif).',
      'data[1].dateDebut : champ obligatoire manquant.',
      'data[1].dateFin : champ obligatoire manquant.',
      'data[1].isJusitifie : champ obligatoire manquant.',
      'data[1].dateFin : from code',
      'data[1].type : "maladie" n\'est pas une valeur acceptée (absence ou retard).',
      'data[1].motif : un texte est attendu, reçu 3.',
      'data[2] : un objet est attendu, reçu "x".',
    ]);
  });
});
