// iml-eval: a contract's mapping (an object of templates, as a Make user maps a school's row to a contract)
// evaluated 100,000 times, its templates compiled once (cached), against a hand-written function doing the same
// (the same lookups by path at run time, as any interpreter must). Target <= 5x.
import { evaluateDeep } from '../../sdk/iml';
import { interleave, summarise } from '../stats';
import { pairing, timed, type Figure } from '../figure';

/** A school's row, as the module's parameters. */
export const ROW = {
  id: 'C-2024-00042',
  debut: '2024-09-02',
  fin: '2026-08-31',
  entreprise: '  Boulangerie Martin  ',
  groupe: { code: 'G-BTS-1', nom: 'BTS MCO 1re année' },
  site: { code: 'LYON', nom: 'Lyon Gerland' },
  formation: { code: 'BTS-MCO', nom: 'BTS Management commercial opérationnel' },
  apprenant: { code: 'A-981', prenom: 'Léa', nom: 'Durand', email: 'Lea.Durand@Example.FR ' },
  tuteur: { code: 'T-12', prenom: 'Marc', nom: 'Petit', email: '' },
  mission: 'Vente et gestion de rayon',
};

export const MAPPING: Record<string, string> = {
  codeContrat: '{{parameters.id}}',
  dateDebut: '{{parameters.debut}}',
  dateFin: '{{parameters.fin}}',
  nomEntreprise: '{{trim(parameters.entreprise)}}',
  codeGroupe: '{{parameters.groupe.code}}',
  nomGroupe: '{{parameters.groupe.nom}}',
  codeSite: '{{parameters.site.code}}',
  nomSite: '{{parameters.site.nom}}',
  codeFormation: '{{parameters.formation.code}}',
  nomFormation: '{{parameters.formation.nom}}',
  codeApprenant: '{{parameters.apprenant.code}}',
  prenomApprenant: '{{parameters.apprenant.prenom}}',
  nomApprenant: '{{upper(parameters.apprenant.nom)}}',
  emailApprenant: '{{lower(trim(parameters.apprenant.email))}}',
  codeMaitreApprentissage: '{{parameters.tuteur.code}}',
  nomMaitreApprentissage: '{{parameters.tuteur.prenom}} {{parameters.tuteur.nom}}',
  emailMaitreApprentissage: '{{ifempty(parameters.tuteur.email; "contact@example.fr")}}',
  missionTitle: '{{parameters.mission}}',
};

const at = (root: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);
const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/** The mapping by hand: the same lookups by path, the same functions. */
export function handMapping(context: Record<string, unknown>): Record<string, unknown> {
  const email = at(context, ['parameters', 'tuteur', 'email']);
  return {
    codeContrat: at(context, ['parameters', 'id']),
    dateDebut: at(context, ['parameters', 'debut']),
    dateFin: at(context, ['parameters', 'fin']),
    nomEntreprise: text(at(context, ['parameters', 'entreprise'])).trim(),
    codeGroupe: at(context, ['parameters', 'groupe', 'code']),
    nomGroupe: at(context, ['parameters', 'groupe', 'nom']),
    codeSite: at(context, ['parameters', 'site', 'code']),
    nomSite: at(context, ['parameters', 'site', 'nom']),
    codeFormation: at(context, ['parameters', 'formation', 'code']),
    nomFormation: at(context, ['parameters', 'formation', 'nom']),
    codeApprenant: at(context, ['parameters', 'apprenant', 'code']),
    prenomApprenant: at(context, ['parameters', 'apprenant', 'prenom']),
    nomApprenant: text(at(context, ['parameters', 'apprenant', 'nom'])).toUpperCase(),
    emailApprenant: text(at(context, ['parameters', 'apprenant', 'email'])).trim().toLowerCase(),
    codeMaitreApprentissage: at(context, ['parameters', 'tuteur', 'code']),
    nomMaitreApprentissage: `${text(at(context, ['parameters', 'tuteur', 'prenom']))} ${text(at(context, ['parameters', 'tuteur', 'nom']))}`,
    emailMaitreApprentissage: email === undefined || email === null || email === '' ? 'contact@example.fr' : email,
    missionTitle: at(context, ['parameters', 'mission']),
  };
}

export const imlEval: Figure = {
  name: 'iml-eval',
  async run(options) {
    const times = options.tiny ? 100 : 100_000;
    const context: Record<string, unknown> = { parameters: ROW };
    const iml = () => {
      for (let i = 0; i < times; i += 1) evaluateDeep(MAPPING, context);
    };
    const hand = () => {
      for (let i = 0; i < times; i += 1) handMapping(context);
    };
    const paired = await interleave({ run: iml }, { run: hand }, pairing(options, 9, 5));
    return [
      timed('iml-eval', summarise(paired), { unit: 'ms', scale: 1 }, 'hand-written function', { text: 'ratio <= 5', ok: (r) => r <= 5 },
        `${Object.keys(MAPPING).length}-field contract mapping x${times}`),
    ];
  },
};
