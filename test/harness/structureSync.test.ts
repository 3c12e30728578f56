// The legacy v1 structure syncs ("Synchroniser les sites", "… les formations", "… les groupes") replayed against a
// mocked API, under every alternative of the rules Make's documentation leaves open: the exact request and bundle,
// nothing sent for what the module can know is wrong (an empty list or code, a code with spaces around it, a code
// twice), and no success read from an answer that is not the one assumed (V1_SYNC_ANSWER_KEYS).
import { describe, expect, it } from 'vitest';
// First: nock must patch HTTP before the harness loads it.
import { useMockedApi, api } from '../helpers/mockedApi';
import { runModule } from '../../sdk/harness/run';
import { semanticsVariants } from '../../sdk/harness/semantics';
import { API, connection, emittedApp } from '../helpers/app';
import { refusal, sentRequests } from '../helpers/sent';
import { schemaById } from '../../app/schemas';
import type { Parameter } from '../../sdk/types';

useMockedApi();


interface Case {
  id: string;
  path: string;
  /** The body's key, the input's name and the output's list. */
  list: string;
  /** The field that identifies a row, and every code field of a row. */
  code: string;
  codes: string[];
  rows: Array<Record<string, string>>;
  refused: string;
  one: string;
}

const CASES: Case[] = [
  {
    id: 'syncSites',
    path: '/api/sync/v1/sites',
    list: 'sites',
    code: 'codeSite',
    codes: ['codeSite'],
    rows: [
      { codeSite: 'SITE-REN', nomSite: 'Rennes' },
      { codeSite: 'SITE-NTE', nomSite: 'Nantes' },
      { codeSite: 'SITE-LYO', nomSite: 'Lyon' },
    ],
    refused: 'Sites refusés',
    one: 'un site',
  },
  {
    id: 'syncFormations',
    path: '/api/sync/v1/formations',
    list: 'formations',
    code: 'codeFormation',
    codes: ['codeFormation'],
    rows: [
      { codeFormation: 'BTSMCO', nomFormation: 'BTS Management Commercial Opérationnel' },
      { codeFormation: 'LICRH', nomFormation: 'Licence Ressources Humaines' },
      { codeFormation: 'BTSNDRC', nomFormation: 'BTS Négociation et Digitalisation de la Relation Client' },
    ],
    refused: 'Formations refusées',
    one: 'une formation',
  },
  {
    id: 'syncGroups',
    path: '/api/sync/v1/groups',
    list: 'groupes',
    code: 'codeGroupe',
    codes: ['codeSite', 'codeFormation', 'codeGroupe'],
    rows: [
      { codeSite: 'SITE-REN', codeFormation: 'BTSMCO', nomGroupe: 'BTS MCO Rennes 1ère année', codeGroupe: 'GRP-MCO-REN-1' },
      { codeSite: 'SITE-REN', codeFormation: 'BTSMCO', nomGroupe: 'BTS MCO Rennes 2e année', codeGroupe: 'GRP-MCO-REN-2' },
      { codeSite: 'SITE-NTE', codeFormation: 'LICRH', nomGroupe: 'Licence RH Nantes', codeGroupe: 'GRP-RH-NTE' },
    ],
    refused: 'Groupes refusés',
    one: 'un groupe',
  },
];

/** The rows with `changes` made to the row at `index` (counted from 0). */
const withRow = (rows: Case['rows'], index: number, changes: Record<string, string>) =>
  rows.map((row, i) => (i === index ? { ...row, ...changes } : row));

describe.each(CASES)('$id: its input', ({ id, list, codes, rows }) => {
  const [input] = emittedApp().modules[id].codes.mappableParams as Parameter[];

  it('is one required list of collections, each field required with a help, built from the API schema', () => {
    expect(input).toMatchObject({ name: list, type: 'array', required: true });
    const item = schemaById(`v1-${{ sites: 'site', formations: 'formation', groupes: 'groupe' }[list]}.schema.json`);
    const spec = input.spec as Parameter[];
    expect(spec.map((field) => field.name)).toEqual(Object.keys(rows[0]));
    for (const field of spec) {
      expect(field, field.name).toMatchObject({ type: 'text', required: true, label: item.properties![field.name].title });
      expect(String(field.help).length, `${field.name} help`).toBeGreaterThan(20);
      // The code rule (no space around) is checked by the first steps, in French; Make's own pattern message is not.
      expect(field.validate, field.name).toBeUndefined();
    }
    expect(spec.filter((field) => codes.includes(field.name)).map((field) => field.name)).toEqual(codes);
  });
});

describe.each(semanticsVariants())('under $label', ({ semantics }) => {
  describe.each(CASES)('$id', ({ id, path, list, code, codes, rows, refused, one }) => {
    async function run(input: Record<string, unknown>) {
      const result = await runModule(emittedApp(), id, { input, connection, semantics });
      expect(result.outputWarnings).toEqual([]);
      return result;
    }

    it('POSTs the list as given, once, and outputs the rows the platform confirms and their number', async () => {
      const body = { [list]: rows };
      api().post(path, (sent) => JSON.stringify(sent) === JSON.stringify(body)).reply(200, body);
      const { bundles, log } = await run({ [list]: rows });
      expect(sentRequests(log)).toEqual([{ method: 'POST', path, query: {}, body }]);
      expect(bundles).toEqual([{ nombreSynchronises: 3, [list]: rows }]);
    });

    it('refuses an empty code before sending anything (Make requires the field)', async () => {
      expect(await refusal(run({ [list]: withRow(rows, 1, { [code]: '' }) }))).toEqual({
        type: 'BundleValidationError',
        message: `${list}[2].${code}: Field is mandatory.`,
        sent: [],
      });
    });

    it('refuses an empty list before sending anything', async () => {
      expect(await refusal(run({ [list]: [] }))).toEqual({ type: 'BundleValidationError', message: `${list}: Field is mandatory.`, sent: [] });
    });

    it.each(codes)('refuses a %s with a space around it, in French, naming the row, before sending anything', async (field) => {
      const input = { [list]: withRow(withRow(rows, 1, { [field]: `${rows[1][field]} ` }), 2, { [field]: `\t${rows[2][field]}` }) };
      expect(await refusal(run(input))).toEqual({
        type: 'DataError',
        message:
          `${refused} : ${list}[2].${field} "${rows[1][field]} " commence ou finit par une espace : un code s'écrit sans espace autour ` +
          `(utilisez trim() dans le mapping) ; 1 autre(s) ${field} dans ce cas. Rien n'a été envoyé.`,
        sent: [],
      });
    });

    it.each([
      ['the second and the fourth', [0, 1, 2, 1], 4, 2],
      ['the first two', [0, 0], 2, 1],
      ['the first and the last of six', [0, 1, 2, 3, 4, 0], 6, 1],
    ])('refuses a code twice in the list (rows: %s), in French, naming the later row and the earlier one, before sending anything', async (_case, layout, later, earlier) => {
      const codeOf = (n: number) => `${rows[0][code]}-${n}`;
      const input = { [list]: layout.map((n, i) => ({ ...rows[i % rows.length], [code]: codeOf(n) })) };
      expect(await refusal(run(input))).toEqual({
        type: 'DataError',
        message:
          `${refused} : ${list}[${later}].${code} "${codeOf(layout[later - 1])}" est déjà le code de ${list}[${earlier}] : ` +
          `un code ne désigne qu'${one} par envoi (pour envoyer chacun une fois, mappez distinct(tableau; ${code})). Rien n'a été envoyé.`,
        sent: [],
      });
    });

    it('tells codes apart whole: quotes, backslashes and one code inside another are no repeat', async () => {
      const tricky = [`${rows[0][code]}"`, `${rows[0][code]}\\`, rows[0][code], `${rows[0][code]}-2`, `x,${rows[0][code]}`];
      const input = { [list]: tricky.map((value, i) => ({ ...rows[i % rows.length], [code]: value })) };
      api().post(path).reply(200, input);
      expect((await run(input)).bundles[0]).toMatchObject({ nombreSynchronises: 5 });
    });

    it.each([
      ['an empty answer', '', 'Reçu : une réponse vide.'],
      ['a maintenance page', '<html><head><title>Maintenance</title></head></html>', 'Reçu : « Maintenance ».'],
      ['another shape', JSON.stringify({ success: true }), 'Reçu : « {"success":true} ».'],
    ])('does not read %s as a success', async (_case, answer, received) => {
      api().post(path).reply(200, answer, { 'content-type': answer.startsWith('<') ? 'text/html' : 'application/json' });
      const { type, message, sent } = await refusal(run({ [list]: rows }));
      expect(sent).toHaveLength(1);
      expect(type).toBe('DataError');
      expect(message).toMatch(new RegExp(`^Réponse inattendue de Campus Skills\\. Attendu : la confirmation de la synchronisation des ${list} `));
      expect(message).toContain(received);
    });

    it("shows the API's refusal, its reason first", async () => {
      const reason = `Les ${list} sont refusés :\n- ${list}[1].${code} : refusé.`;
      api().post(path).reply(400, { error: 'BAD_REQUEST', reason });
      expect(await refusal(run({ [list]: rows }))).toMatchObject({ type: 'DataError', message: `Campus Skills a répondu 400 : ${reason}` });
    });
  });
});
