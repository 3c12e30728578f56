// compareApps on pairs of small apps: the fixture app (test/fixtures/miniApp.ts) and a copy with one edit, both
// emitted and read back as Make would get them. One case per kind of change; each case lists every change
// expected, so a comparison that reported more (or less) would fail.
import { describe, expect, it } from 'vitest';
import { miniApp } from '../fixtures/miniApp';
import { compareApps, formatChanges, type AppChange } from '../../sdk/compare/appChanges';
import { emitApp } from '../../sdk/emit/emitApp';
import { mapReader, readEmittedApp, type EmittedApp } from '../../sdk/emitted';
import type { AppDefinition, ModuleDefinition, Parameter } from '../../sdk/types';

function emitted(app: AppDefinition): EmittedApp {
  return readEmittedApp(mapReader(emitApp(app)));
}

type Edit = (app: AppDefinition) => void;

/** The changes from the fixture (with `setup` applied) to the same with `edit` applied too. */
function changes(edit: Edit, setup: Edit = () => {}): AppChange[] {
  const before = structuredClone(miniApp);
  setup(before);
  const after = structuredClone(before);
  edit(after);
  return compareApps(emitted(before), emitted(after));
}

const module = (app: AppDefinition, id: string): ModuleDefinition => {
  const found = app.modules.find((m) => m.id === id);
  if (!found) throw new Error(`no module ${id}`);
  return found;
};
const list = (value: unknown): Parameter[] => value as Parameter[];
/** A parameter of a list by name. */
const param = (parameters: unknown, name: string): Parameter => {
  const found = list(parameters).find((p) => p.name === name);
  if (!found) throw new Error(`no parameter ${name}`);
  return found;
};
const inscriptions = (app: AppDefinition): Parameter[] => list(param(module(app, 'inscrireApprenants').mappableParams, 'inscriptions').spec);
const refus = (app: AppDefinition): Parameter[] => list(param(module(app, 'inscrireApprenants').interface, 'refus').spec);
const without = (parameters: unknown, name: string): Parameter[] => list(parameters).filter((p) => p.name !== name);

/** [kind, breaking, component, field]: what each case must report, in order. */
type Expected = [kind: string, breaking: boolean, component: string, field?: string];

interface Case {
  name: string;
  edit: Edit;
  setup?: Edit;
  expected: Expected[];
  /** Words the message of the first change must hold. */
  message?: RegExp;
}

const INSCRIRE = 'module inscrireApprenants';
const SESSIONS = 'module listerSessions';
const VERIFIER = 'module verifierCompte';
const CATALOGUE = 'connection catalogue';

const BREAKING: Case[] = [
  {
    name: 'a removed module',
    edit: (app) => {
      app.modules = app.modules.filter((m) => m.id !== 'listerSessions');
    },
    expected: [['module-removed', true, SESSIONS]],
    message: /^module listerSessions was removed: scenarios using it stop working\.$/,
  },
  {
    name: 'a removed RPC',
    edit: (app) => {
      app.rpcs = [];
    },
    expected: [['rpc-removed', true, 'rpc listerFormations']],
  },
  {
    name: 'a removed connection',
    setup: (app) => {
      app.connections.push({ ...structuredClone(app.connections[0]), id: 'catalogueBis', label: 'Catalogue bis' });
    },
    edit: (app) => {
      app.connections.pop();
    },
    expected: [['connection-removed', true, 'connection catalogueBis']],
  },
  {
    name: 'a removed connection field',
    edit: (app) => {
      app.connections[0].params = without(app.connections[0].params, 'apiKey');
    },
    expected: [['connection-field-removed', true, CATALOGUE, 'apiKey']],
    message: /connection field 'apiKey' was removed: existing connections lose the value\./,
  },
  {
    name: 'a new required connection field',
    edit: (app) => {
      app.connections[0].params.push({ name: 'compte', type: 'text', label: 'Compte', required: true, help: 'Le compte.' });
    },
    expected: [['connection-field-now-required', true, CATALOGUE, 'compte']],
  },
  {
    name: 'a connection whose type changed',
    edit: (app) => {
      app.connections[0].type = 'oauth';
    },
    expected: [['connection-type-changed', true, CATALOGUE, 'connectionType']],
  },
  {
    name: 'a removed input, nested in an array',
    edit: (app) => {
      param(module(app, 'inscrireApprenants').mappableParams, 'inscriptions').spec = without(inscriptions(app), 'entreprise');
    },
    expected: [['input-removed', true, INSCRIRE, 'inscriptions[].entreprise']],
    message: /^module inscrireApprenants: input 'inscriptions\[\]\.entreprise' was removed: scenarios that fill it lose the value\.$/,
  },
  {
    name: 'a removed top input, whose nested fields it covers',
    edit: (app) => {
      module(app, 'inscrireApprenants').mappableParams = [];
    },
    expected: [['input-removed', true, INSCRIRE, 'inscriptions']],
  },
  {
    name: 'a renamed input with the same label: a removal naming the new name, and the new (required) field',
    edit: (app) => {
      param(inscriptions(app), 'nom').name = 'nomFamille';
    },
    expected: [
      ['input-removed', true, INSCRIRE, 'inscriptions[].nom'],
      ['input-now-required', true, INSCRIRE, 'inscriptions[].nomFamille'],
    ],
    message: /'inscriptions\[\]\.nom' was removed \(likely renamed to 'inscriptions\[\]\.nomFamille': same label 'Nom de l'apprenant'\)/,
  },
  {
    name: 'a renamed input with another label: the same type at the same place',
    edit: (app) => {
      Object.assign(param(inscriptions(app), 'entreprise'), { name: 'employeur', label: 'Employeur' });
    },
    expected: [
      ['input-removed', true, INSCRIRE, 'inscriptions[].entreprise'],
      ['input-added', false, INSCRIRE, 'inscriptions[].employeur'],
    ],
    message: /likely renamed to 'inscriptions\[\]\.employeur': same type at the same place/,
  },
  {
    name: 'an optional input become required',
    edit: (app) => {
      param(inscriptions(app), 'entreprise').required = true;
    },
    expected: [['input-now-required', true, INSCRIRE, 'inscriptions[].entreprise']],
    message: /is now required: scenarios that leave it empty now fail/,
  },
  {
    name: 'a new required input',
    edit: (app) => {
      module(app, 'verifierCompte').mappableParams = [{ name: 'compte', type: 'text', label: 'Compte', required: true, help: 'Le compte.' }];
    },
    expected: [['input-now-required', true, VERIFIER, 'compte']],
    message: /input 'compte' was added as required: scenarios built before do not fill it/,
  },
  {
    name: 'an input retyped to a type its old values may not fit',
    edit: (app) => {
      param(inscriptions(app), 'email').type = 'number';
    },
    expected: [['input-retyped', true, INSCRIRE, 'inscriptions[].email']],
    message: /changed type from email to number: values set before may be refused/,
  },
  {
    name: 'an input become multiple',
    edit: (app) => {
      param(inscriptions(app), 'nom').multiple = true;
    },
    expected: [['input-retyped', true, INSCRIRE, 'inscriptions[].nom']],
  },
  {
    name: "a removed option of a select (the option's nested field goes with it)",
    edit: (app) => {
      const filtre = param(module(app, 'listerSessions').mappableParams, 'filtre');
      filtre.options = (filtre.options as Array<{ value: unknown }>).filter((o) => o.value !== 'formation') as Parameter['options'];
    },
    expected: [['input-option-removed', true, SESSIONS, 'filtre']],
    message: /lost the option 'formation': scenarios that chose it fail/,
  },
  {
    name: 'a removed field nested under an option that stays',
    edit: (app) => {
      const filtre = param(module(app, 'listerSessions').mappableParams, 'filtre');
      const options = filtre.options as Array<{ value: unknown; nested?: Parameter[] }>;
      delete options[1].nested;
    },
    expected: [['input-removed', true, SESSIONS, "formation (when filtre = 'formation')"]],
    message: /^module listerSessions: input 'formation' \(when filtre = 'formation'\) was removed: /,
  },
  {
    name: 'an input moved from mappable to static parameters',
    edit: (app) => {
      const sessions = module(app, 'listerSessions');
      sessions.staticParams = [param(sessions.mappableParams, 'limit')];
      sessions.mappableParams = without(sessions.mappableParams, 'limit');
    },
    expected: [['input-moved', true, SESSIONS, 'limit']],
  },
  {
    name: 'a validation that refuses more',
    edit: (app) => {
      param(module(app, 'listerSessions').mappableParams, 'limit').validate = { min: 1, max: 100 };
    },
    expected: [['input-validation-tightened', true, SESSIONS, 'limit']],
    message: /refuses more values \(max none → 100\)/,
  },
  {
    name: 'a removed output field, deep in arrays',
    edit: (app) => {
      const raisons = param(refus(app), 'raisons');
      raisons.spec = without(raisons.spec, 'code');
    },
    expected: [['output-removed', true, INSCRIRE, 'interface: refus[].raisons[].code']],
    message: /output field 'refus\[\]\.raisons\[\]\.code' was removed: later modules mapping it get nothing/,
  },
  {
    name: 'a retyped output field, in a collection',
    edit: (app) => {
      param(param(module(app, 'inscrireApprenants').interface, 'compteurs').spec, 'acceptees').type = 'text';
    },
    expected: [['output-retyped', true, INSCRIRE, 'interface: compteurs.acceptees']],
  },
  {
    name: 'a retyped output container: its fields are covered by it',
    edit: (app) => {
      param(module(app, 'inscrireApprenants').interface, 'compteurs').type = 'array';
    },
    expected: [['output-retyped', true, INSCRIRE, 'interface: compteurs']],
  },
  {
    name: "a module's type",
    edit: (app) => {
      Object.assign(module(app, 'verifierCompte'), { type: 'search', crud: undefined });
    },
    expected: [
      ['module-type-changed', true, VERIFIER, 'moduleType'],
      ['module-crud-changed', false, VERIFIER, 'actionCrud'],
    ],
    message: /type changed from 'action' to 'search'/,
  },
  {
    name: "a module's connection",
    edit: (app) => {
      module(app, 'verifierCompte').connection = 'catalogueBis';
    },
    expected: [['module-connection-changed', true, VERIFIER, 'connection']],
  },
];

const NOT_BREAKING: Case[] = [
  {
    name: 'an added module',
    edit: (app) => {
      app.modules.push({ ...structuredClone(module(app, 'verifierCompte')), id: 'verifierCompteBis' });
    },
    expected: [['module-added', false, 'module verifierCompteBis']],
  },
  {
    name: 'an added RPC',
    edit: (app) => {
      app.rpcs.push({ ...structuredClone(app.rpcs[0]), id: 'listerLieux' });
    },
    expected: [['rpc-added', false, 'rpc listerLieux']],
  },
  {
    name: 'an added optional input, nested',
    edit: (app) => {
      inscriptions(app).push({ name: 'telephone', type: 'text', label: 'Téléphone', help: 'Le téléphone.' });
    },
    expected: [['input-added', false, INSCRIRE, 'inscriptions[].telephone']],
  },
  {
    name: 'an added optional connection field',
    edit: (app) => {
      app.connections[0].params.push({ name: 'compte', type: 'text', label: 'Compte', help: 'Le compte.' });
    },
    expected: [['connection-field-added', false, CATALOGUE, 'compte']],
  },
  {
    name: 'an added output field',
    edit: (app) => {
      refus(app).push({ name: 'nom', type: 'text', label: 'Nom' });
    },
    expected: [['output-added', false, INSCRIRE, 'interface: refus[].nom']],
  },
  {
    name: 'a required input become optional',
    edit: (app) => {
      param(inscriptions(app), 'nom').required = false;
    },
    expected: [['input-now-optional', false, INSCRIRE, 'inscriptions[].nom']],
  },
  {
    name: 'an input retyped to a type that takes every old value',
    edit: (app) => {
      param(inscriptions(app), 'email').type = 'text';
    },
    expected: [['input-retyped', false, INSCRIRE, 'inscriptions[].email']],
    message: /every value of the old type fits the new one/,
  },
  {
    name: 'an added option',
    edit: (app) => {
      const filtre = param(module(app, 'listerSessions').mappableParams, 'filtre');
      (filtre.options as Array<{ label: string; value: string }>).push({ label: 'Les sessions à venir', value: 'futures' });
    },
    expected: [['input-option-added', false, SESSIONS, 'filtre']],
  },
  {
    name: 'a validation that accepts more',
    edit: (app) => {
      delete param(module(app, 'listerSessions').mappableParams, 'limit').validate;
    },
    expected: [['input-validation-loosened', false, SESSIONS, 'limit']],
  },
  {
    name: "an input's label and help",
    edit: (app) => {
      Object.assign(param(inscriptions(app), 'nom'), { label: 'Nom', help: 'Le nom de famille.' });
    },
    expected: [['input-text-changed', false, INSCRIRE, 'inscriptions[].nom']],
    message: /label changed from 'Nom de l'apprenant' to 'Nom'; help changed\./,
  },
  {
    name: "an input's default",
    edit: (app) => {
      param(module(app, 'listerSessions').mappableParams, 'filtre').default = 'formation';
    },
    expected: [['input-changed', false, SESSIONS, 'filtre']],
  },
  {
    name: "an output field's label",
    edit: (app) => {
      param(module(app, 'verifierCompte').interface, 'valide').label = 'Clé valide';
    },
    expected: [['output-text-changed', false, VERIFIER, 'interface: valide']],
  },
  {
    name: "a module's label and description",
    edit: (app) => {
      Object.assign(module(app, 'verifierCompte'), { label: 'Tester la clé', description: 'Teste la clé.' });
    },
    expected: [
      ['label-changed', false, VERIFIER, 'label'],
      ['description-changed', false, VERIFIER, 'description'],
    ],
  },
  {
    name: "a module's communication and samples",
    edit: (app) => {
      const verifier = module(app, 'verifierCompte');
      verifier.communication = { ...verifier.communication, url: '/compte/actif' };
      verifier.samples = { valide: false, message: 'Compte suspendu', nomCompte: 'École' };
    },
    expected: [
      ['section-changed', false, VERIFIER, 'communication'],
      ['section-changed', false, VERIFIER, 'samples'],
    ],
  },
  {
    name: "the app's base, readme and groups",
    edit: (app) => {
      app.base = { ...app.base, timeout: 300 };
      app.readme += '\nUne ligne de plus.\n';
      app.groups = [{ label: 'Tout', modules: app.groups[0].modules }];
    },
    expected: [
      ['section-changed', false, 'app', 'base'],
      ['section-changed', false, 'app', 'readme'],
      ['section-changed', false, 'app', 'groups'],
    ],
  },
  {
    name: 'the connection label and communication',
    edit: (app) => {
      app.connections[0].label = 'Catalogue (clé)';
      app.connections[0].communication = { ...app.connections[0].communication, url: '/moi' };
    },
    expected: [
      ['label-changed', false, CATALOGUE, 'label'],
      ['section-changed', false, CATALOGUE, 'communication'],
    ],
  },
];

const project = (found: AppChange[]): Expected[] =>
  found.map(({ kind, breaking, component, field }) => (field === undefined ? [kind, breaking, component] : [kind, breaking, component, field]));

describe('compareApps', () => {
  it('finds nothing between an app and itself', () => {
    expect(compareApps(emitted(miniApp), emitted(structuredClone(miniApp)))).toEqual([]);
  });

  describe.each([
    ['breaking', BREAKING],
    ['not breaking', NOT_BREAKING],
  ] as const)('%s', (_, cases) => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, { edit, setup, expected, message }) => {
      const found = changes(edit, setup);
      expect(project(found)).toEqual(expected);
      if (message) expect(found[0].message).toMatch(message);
      for (const change of found) {
        expect(change.message, 'one line').not.toContain('\n');
        expect(change.message.startsWith(change.component), 'names its component first').toBe(true);
      }
    });
  });

  it('covers each kind of breaking change the deploy refuses', () => {
    const kinds = new Set(BREAKING.flatMap((c) => c.expected.filter((e) => e[1]).map((e) => e[0])));
    for (const kind of ['module-removed', 'rpc-removed', 'connection-field-removed', 'input-removed', 'input-now-required', 'output-removed', 'output-retyped', 'module-type-changed']) {
      expect(kinds).toContain(kind);
    }
  });

  it('compares a list loaded by an RPC as a whole (its fields are known only at run time)', () => {
    const files = emitApp(miniApp).map((file) =>
      file.path.endsWith('verifier-compte.interface.iml.json') ? { ...file, content: '"rpc://listerFormations"\n' } : file,
    );
    const found = compareApps(emitted(miniApp), readEmittedApp(mapReader(files)));
    expect(project(found)).toEqual([['section-changed', false, VERIFIER, 'interface']]);
    expect(found[0].message).toMatch(/cannot be compared field by field: check it by hand/);
  });

  it('reads apps as emitted to dist/: a change made in an emitted file is found', () => {
    const files = emitApp(miniApp).map((file) =>
      file.path.endsWith('verifier-compte.interface.iml.json') ? { ...file, content: file.content.replace('"nomCompte"', '"nom"') } : file,
    );
    expect(project(compareApps(emitted(miniApp), readEmittedApp(mapReader(files))))).toEqual([
      ['output-removed', true, VERIFIER, 'interface: nomCompte'],
      ['output-added', false, VERIFIER, 'interface: nom'],
    ]);
  });
});

describe('formatChanges', () => {
  it('says when there is nothing', () => {
    expect(formatChanges([])).toBe('No changes.');
  });

  it('puts the breaking changes first, marked, each with its kind, after a count', () => {
    const found = changes((app) => {
      module(app, 'verifierCompte').label = 'Tester la clé';
      app.modules = app.modules.filter((m) => m.id !== 'listerSessions');
    });
    expect(formatChanges(found).split('\n')).toEqual([
      '2 changes, 1 breaking:',
      '  BREAKING  module listerSessions was removed: scenarios using it stop working.  [module-removed]',
      "  -         module verifierCompte: label changed from 'Vérifier le compte' to 'Tester la clé'.  [label-changed]",
    ]);
  });
});
