// The modules about one learner ("Synchroniser les absences d'un apprenant", "Récupérer la progression du livret
// d'un apprenant", and the learner field they share with "Récupérer les validations d'un étudiant") replayed
// against a mocked API, under every alternative of the rules Make's documentation leaves open: the exact requests,
// the exact bundles, and nothing sent for bad input.
import { describe, expect, it } from 'vitest';
// First: nock must patch HTTP before the harness loads it.
import { useMockedApi, api, sameJson } from '../helpers/mockedApi';
import { runModule } from '../../sdk/harness/run';
import { semanticsVariants } from '../../sdk/harness/semantics';
import { API, connection, emittedApp } from '../helpers/app';
import { refusal, sentRequests } from '../helpers/sent';
import type { Parameter } from '../../sdk/types';

useMockedApi();


const ABSENCES_PATH = '/api/sync/v1/absences-for-student';
const PROGRESS_PATH = '/api/sync/v1/get-training-progress-by-students';

const absence = (dateDebut: string, dateFin: string, more: Record<string, unknown> = {}) => ({
  dateDebut,
  dateFin,
  type: 'absence',
  isJusitifie: false,
  ...more,
});

const progress = (n: number) => ({
  _id: `6650f1c2a4b3c2d1e0f9000${n}`,
  studentName: `Apprenant ${n}`,
  tutorName: 'Yannick Le Goff',
  tutorSchoolName: 'Hervé Le Gall',
  companyName: 'Boulangerie Le Goff',
  reports: [
    { name: "Rapport d'étonnement", reportDone: true, isLate: false, dateOfReport: '2025-10-15T00:00:00.000Z' },
    { name: 'Bilan du premier semestre', reportDone: false, isLate: true, dateOfReport: '2026-02-01T00:00:00.000Z' },
  ],
});

describe('the learner field', () => {
  it.each(['getStudentValidations', 'listTrainingProgress'])('%s: a select over the learners, opened to map, for the id and for the email', (id) => {
    const [searchBy] = emittedApp().modules[id].codes.mappableParams as Parameter[];
    const nested = (searchBy.options as Array<{ value: string; nested: Parameter[] }>).map((o) => [o.value, o.nested]);
    expect(nested).toEqual([
      ['studentId', [expect.objectContaining({ name: 'studentId', type: 'select', required: true, mode: 'edit', options: 'rpc://listLearners' })]],
      ['email', [expect.objectContaining({ name: 'email', type: 'select', required: true, mode: 'edit', options: 'rpc://listLearners' })]],
    ]);
  });

  it('syncAbsences: the same select, for the email', () => {
    const [email] = emittedApp().modules.syncAbsences.codes.mappableParams as Parameter[];
    expect(email).toMatchObject({ name: 'email', type: 'select', required: true, mode: 'edit', options: 'rpc://listLearners' });
  });
});

describe.each(semanticsVariants())('under $label', ({ semantics }) => {
  async function run(moduleId: string, input: Record<string, unknown>) {
    const result = await runModule(emittedApp(), moduleId, { input, connection, semantics });
    expect(result.outputWarnings, `${moduleId}: output fits the interface`).toEqual([]);
    return result;
  }

  describe('syncAbsences', () => {
    const data = [
      absence('15/01/2026-08:30', '15/01/2026-12:00'),
      absence('20/01/2026-09:00', '20/01/2026-09:20', { type: 'retard', isJusitifie: true, motif: 'Train en retard' }),
    ];

    it('POSTs the email and the whole list, and outputs the confirmation', async () => {
      const body = { email: 'lea.martin@exemple.fr', data };
      api().post(ABSENCES_PATH, sameJson(body)).reply(200, { success: true, total: 2 });
      const { bundles, log } = await run('syncAbsences', { email: ' lea.martin@exemple.fr ', data });
      expect(sentRequests(log)).toEqual([{ method: 'POST', path: ABSENCES_PATH, query: {}, body }]);
      expect(bundles).toEqual([{ success: true, total: 2 }]);
    });

    it('sends an empty list as [] (it clears the learner\'s absences)', async () => {
      api().post(ABSENCES_PATH, sameJson({ email: 'lea.martin@exemple.fr', data: [] })).reply(200, { success: true, total: 0 });
      expect((await run('syncAbsences', { email: 'lea.martin@exemple.fr' })).bundles).toEqual([{ success: true, total: 0 }]);
    });

    it('accepts an absence that ends when it starts, and keys in any order', async () => {
      const sent = [{ isJusitifie: false, type: 'absence', dateFin: '01/02/2026-10:00', motif: '{"dateDebut":"09/09/2099-23:59"}', dateDebut: '01/02/2026-10:00' }];
      api().post(ABSENCES_PATH).reply(200, { success: true, total: 1 });
      expect((await run('syncAbsences', { email: 'lea.martin@exemple.fr', data: sent })).bundles).toEqual([{ success: true, total: 1 }]);
    });

    it.each([
      ['a later hour', ['15/01/2026-12:00', '15/01/2026-08:30']],
      ['a later minute', ['15/01/2026-08:31', '15/01/2026-08:30']],
      ['a later day of an earlier month', ['31/01/2026-08:00', '01/02/2026-07:00'], false],
      ['a later year', ['02/01/2027-08:00', '31/12/2026-18:00']],
    ])('refuses an absence ending before it starts (%s), in French, sending nothing', async (_case, [start, end], refused = true) => {
      const list = [absence('10/01/2026-08:00', '10/01/2026-09:00'), absence(start, end, { motif: 'Maladie {grippe}' })];
      if (!refused) {
        api().post(ABSENCES_PATH).reply(200, { success: true, total: 2 });
        expect((await run('syncAbsences', { email: 'lea.martin@exemple.fr', data: list })).bundles).toEqual([{ success: true, total: 2 }]);
        return;
      }
      expect(await refusal(run('syncAbsences', { email: 'lea.martin@exemple.fr', data: list }))).toEqual({
        type: 'DataError',
        message: `Absences refusées : l'absence n° 2 finit avant de commencer (début ${start}, fin ${end}). Corrigez les dates : la fin est au plus tôt le début. Rien n'a été envoyé.`,
        sent: [],
      });
    });

    it('names the first absence ending before it starts, and how many others do', async () => {
      const list = [
        absence('10/01/2026-08:00', '10/01/2026-09:00'),
        absence('11/01/2026-10:00', '11/01/2026-09:00'),
        absence('12/01/2026-08:00', '12/01/2026-09:00'),
        absence('13/01/2026-10:00', '12/01/2026-10:00'),
        absence('14/01/2026-10:00', '14/01/2026-09:59'),
      ];
      const { message, sent } = await refusal(run('syncAbsences', { email: 'lea.martin@exemple.fr', data: list }));
      expect(sent).toEqual([]);
      expect(message).toBe(
        "Absences refusées : l'absence n° 2 finit avant de commencer (début 11/01/2026-10:00, fin 11/01/2026-09:00) ; 2 autre(s) absence(s) dans ce cas. Corrigez les dates : la fin est au plus tôt le début. Rien n'a été envoyé.",
      );
    });

    it('refuses an absence of an unknown type before sending anything (Make\'s validator)', async () => {
      const list = [absence('10/01/2026-08:00', '10/01/2026-09:00', { type: 'maladie' })];
      expect(await refusal(run('syncAbsences', { email: 'lea.martin@exemple.fr', data: list }))).toEqual({
        type: 'BundleValidationError',
        message: "data[1].type: Value 'maladie' not found in options.",
        sent: [],
      });
    });

    it('refuses a date that is not JJ/MM/AAAA-HH:mm before sending anything', async () => {
      const list = [absence('2026-01-10T08:00', '10/01/2026-09:00')];
      const { type, message, sent } = await refusal(run('syncAbsences', { email: 'lea.martin@exemple.fr', data: list }));
      expect({ type, sent }).toEqual({ type: 'BundleValidationError', sent: [] });
      expect(message).toMatch(/^data\[1\]\.dateDebut: /);
    });

    it('refuses an empty learner email before sending anything (Make: the field is required)', async () => {
      expect(await refusal(run('syncAbsences', { email: '', data }))).toEqual({
        type: 'BundleValidationError',
        message: 'email: Field is mandatory.',
        sent: [],
      });
    });

    it.each([
      ['made of spaces', '   ', ' (vide)'],
      ['that is no email', 'Léa Martin', ' (« Léa Martin »)'],
    ])('refuses a learner email %s, in French, sending nothing', async (_case, email, shown) => {
      expect(await refusal(run('syncAbsences', { email, data }))).toEqual({
        type: 'DataError',
        message: `Email de l'apprenant invalide${shown} : choisissez l'apprenant dans la liste, ou mappez l'email transmis dans ses contrats (emailApprenant). Rien n'a été envoyé.`,
        sent: [],
      });
    });

    it("shows the API's refusal of an unknown learner", async () => {
      api().post(ABSENCES_PATH).reply(404, { error: 'NOT_FOUND', reason: 'Aucun apprenant ne correspond à l\'email "inconnu@exemple.fr".' });
      expect(await refusal(run('syncAbsences', { email: 'inconnu@exemple.fr', data }))).toMatchObject({
        type: 'RuntimeError',
        message: 'Campus Skills a répondu 404 : Aucun apprenant ne correspond à l\'email "inconnu@exemple.fr".',
      });
    });

    it('does not read an answer without success: true as a success', async () => {
      api().post(ABSENCES_PATH).reply(200, '<html><title>Maintenance</title></html>', { 'content-type': 'text/html' });
      const { type, message } = await refusal(run('syncAbsences', { email: 'lea.martin@exemple.fr', data }));
      expect(type).toBe('DataError');
      expect(message).toContain('Attendu : une confirmation de Campus Skills (« success » à true). Reçu : « Maintenance ».');
    });
  });

  describe('listTrainingProgress', () => {
    it('GETs by learner id (no email key) and outputs one bundle per learner, due dates as given', async () => {
      api().get(PROGRESS_PATH).query({ studentId: 'APP-1042' }).reply(200, [progress(1), progress(2)]);
      const { bundles, log } = await run('listTrainingProgress', { searchBy: 'studentId', studentId: 'APP-1042' });
      expect(sentRequests(log)).toEqual([{ method: 'GET', path: PROGRESS_PATH, query: { studentId: 'APP-1042' } }]);
      expect(bundles).toEqual([progress(1), progress(2)]);
    });

    it('GETs by email (no studentId key)', async () => {
      api().get(PROGRESS_PATH).query({ email: 'lea.martin@exemple.fr' }).reply(200, [progress(1)]);
      const { bundles, log } = await run('listTrainingProgress', { searchBy: 'email', email: 'lea.martin@exemple.fr' });
      expect(sentRequests(log)).toEqual([{ method: 'GET', path: PROGRESS_PATH, query: { email: 'lea.martin@exemple.fr' } }]);
      expect(bundles).toEqual([progress(1)]);
    });

    it('outputs no bundle for an empty list', async () => {
      api().get(PROGRESS_PATH).query(true).reply(200, []);
      expect((await run('listTrainingProgress', { searchBy: 'studentId', studentId: 'APP-1' })).bundles).toEqual([]);
    });

    it('requires the learner before sending anything', async () => {
      expect(await refusal(run('listTrainingProgress', { searchBy: 'email' }))).toEqual({
        type: 'BundleValidationError',
        message: 'email: Field is mandatory.',
        sent: [],
      });
    });

    it.each([
      ['one object instead of a list', JSON.stringify(progress(1)), 'application/json'],
      ['a maintenance page', '<html><title>Maintenance</title></html>', 'text/html'],
    ])('does not read %s as a list of learners', async (_case, body, contentType) => {
      api().get(PROGRESS_PATH).query(true).reply(200, body, { 'content-type': contentType });
      const { type, message } = await refusal(run('listTrainingProgress', { searchBy: 'studentId', studentId: 'APP-1' }));
      expect(type).toBe('DataError');
      expect(message).toMatch(/^Réponse inattendue de Campus Skills\. Attendu : la progression des apprenants \(un tableau\)\. Reçu : /);
    });
  });

  describe('getStudentValidations, with the learner chosen in the list', () => {
    it('GETs the grades by the email the list gives', async () => {
      const grades = { studentName: 'Léa Martin', userId: 'u1', sessions: [] };
      api().get('/api/v1/grades').query({ email: 'lea.martin@exemple.fr' }).reply(200, grades);
      const { bundles, log } = await run('getStudentValidations', { searchBy: 'email', email: 'lea.martin@exemple.fr' });
      expect(sentRequests(log)).toEqual([{ method: 'GET', path: '/api/v1/grades', query: { email: 'lea.martin@exemple.fr' } }]);
      expect(bundles).toEqual([grades]);
    });
  });
});

describe('listTrainingProgress interface', () => {
  it("declares each report's due date a Make date", () => {
    const reports = (emittedApp().modules.listTrainingProgress.codes.interface as Parameter[]).find((p) => p.name === 'reports')!;
    expect((reports.spec as Parameter[]).map((p) => [p.name, p.type])).toEqual([
      ['name', 'text'],
      ['reportDone', 'boolean'],
      ['isLate', 'boolean'],
      ['dateOfReport', 'date'],
    ]);
  });
});
