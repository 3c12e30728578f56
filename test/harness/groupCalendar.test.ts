// "Définir le calendrier d'un groupe" replayed against a mocked API, under every alternative of the rules Make's
// documentation leaves open: the exact request, the exact bundle, and nothing sent for an address that is not https.
import { describe, expect, it } from 'vitest';
// First: nock must patch HTTP before the harness loads it.
import { useMockedApi, api } from '../helpers/mockedApi';
import { runModule } from '../../sdk/harness/run';
import { semanticsVariants } from '../../sdk/harness/semantics';
import { API, connection, emittedApp } from '../helpers/app';
import { refusal, sentRequests } from '../helpers/sent';
import type { Parameter } from '../../sdk/types';

useMockedApi();

const PATH = '/api/sync/v1/calendar-group-ics';
const ICS = 'https://agenda.mon-ecole.fr/groupes/btsmco-1.ics';

describe('the group field', () => {
  it('is a select over the groups of the transmitted contracts, opened to map', () => {
    const [group, url] = emittedApp().modules.syncGroupCalendar.codes.mappableParams as Parameter[];
    expect(group).toMatchObject({ name: 'groupId', type: 'select', required: true, mode: 'edit', options: 'rpc://listGroups' });
    expect(url).toMatchObject({ name: 'calendarUrl', type: 'url', required: true });
    expect(url.validate).toBeUndefined();
  });
});

describe.each(semanticsVariants())('syncGroupCalendar under $label', ({ semantics }) => {
  async function run(input: Record<string, unknown>) {
    const result = await runModule(emittedApp(), 'syncGroupCalendar', { input, connection, semantics });
    expect(result.outputWarnings).toEqual([]);
    return result;
  }

  it('POSTs the group and the address, and outputs them once confirmed', async () => {
    const body = { groupId: 'GRP-BTSMCO-REN-1', calendarUrl: ICS };
    api().post(PATH, (sent) => JSON.stringify(sent) === JSON.stringify(body)).reply(200, { success: true });
    const { bundles, log } = await run({ groupId: 'GRP-BTSMCO-REN-1', calendarUrl: ` ${ICS} ` });
    expect(sentRequests(log)).toEqual([{ method: 'POST', path: PATH, query: {}, body }]);
    expect(bundles).toEqual([{ success: true, groupId: 'GRP-BTSMCO-REN-1', calendarUrl: ICS }]);
  });

  it('accepts HTTPS written in capitals', async () => {
    api().post(PATH).reply(200, { success: true });
    expect((await run({ groupId: 'G1', calendarUrl: 'HTTPS://agenda.exemple.fr/g1.ics' })).bundles[0]).toMatchObject({ success: true });
  });

  it.each([
    ['http', 'http://agenda.mon-ecole.fr/groupe.ics'],
    ['webcal', 'webcal://agenda.mon-ecole.fr/groupe.ics'],
    ['without a host', 'https://'],
    ['with a space', 'https://agenda.mon-ecole.fr/mon groupe.ics'],
    ['blank', '   '],
  ])('refuses a calendar address that is not https (%s), in French, sending nothing', async (_case, calendarUrl) => {
    expect(await refusal(run({ groupId: 'G1', calendarUrl }))).toEqual({
      type: 'DataError',
      message: `Adresse du calendrier refusée (« ${calendarUrl} ») : elle doit commencer par https:// et ne contenir aucun espace, par exemple https://agenda.mon-ecole.fr/groupe.ics. Rien n'a été envoyé.`,
      sent: [],
    });
  });

  it('requires the group before sending anything', async () => {
    expect(await refusal(run({ calendarUrl: ICS }))).toEqual({ type: 'BundleValidationError', message: 'groupId: Field is mandatory.', sent: [] });
  });

  it("shows the API's refusal of an unknown group", async () => {
    api().post(PATH).reply(404, { error: 'NOT_FOUND', reason: 'Le groupe "G9" n\'existe pas parmi les contrats transmis.' });
    expect(await refusal(run({ groupId: 'G9', calendarUrl: ICS }))).toMatchObject({
      type: 'RuntimeError',
      message: 'Campus Skills a répondu 404 : Le groupe "G9" n\'existe pas parmi les contrats transmis.',
    });
  });

  it('does not read an empty answer as a success', async () => {
    api().post(PATH).reply(200, '', { 'content-type': 'application/json' });
    const { type, message } = await refusal(run({ groupId: 'G1', calendarUrl: ICS }));
    expect(type).toBe('DataError');
    expect(message).toContain('Reçu : une réponse vide.');
  });
});
