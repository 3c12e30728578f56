// The pieces both templates are made of: the school's data (a placeholder to replace), the Array aggregator that
// gives the contracts the shape of the sync's `contrats`, and a module of this app.
import { app } from '../app';
import { syncContracts } from '../modules/syncContracts';
import { safeSync } from '../modules/safeSync';
import type { Parameter } from '../sdk/types';
import {
  accountType,
  appModuleRef,
  BUILTIN_MODULES,
  BUILTIN_VERSION,
  CONNECTION_PARAMETER,
  designerAt,
  PARSE_JSON_FIELD,
  TEMPLATE_CONNECTION_ID,
  type BlueprintFilter,
  type BlueprintModule,
} from '../sdk/scenario/blueprint';
import type { ScenarioTarget } from './target';

/** The id of the data module in every template: the first module, whose bundles a local run takes from --input. */
export const DATA_MODULE_ID = 1;

/** What Make's editor shows under the placeholder: the school replaces it with its own source. */
export const DATA_PLACEHOLDER_NAME = 'À REMPLACER : vos contrats';

/**
 * The placeholder's JSON: on purpose not JSON, so that a template imported and run as it is stops on its first
 * module, before anything reaches Campus Skills (an empty list would archive every contract).
 */
export const DATA_PLACEHOLDER_JSON =
  "À REMPLACER : mettez ici le JSON de vos contrats (un tableau d'objets au format « Contrat » de Campus Skills), " +
  "ou remplacez ce module par le module qui lit vos contrats dans votre logiciel (un bundle par contrat). " +
  "Tant que ce texte est là, le scénario s'arrête ici et rien n'est envoyé.";

/** The data: a Parse JSON the school fills with its JSON, or replaces with its own source. */
export function dataModule(): BlueprintModule {
  return {
    id: DATA_MODULE_ID,
    module: BUILTIN_MODULES.parseJson,
    version: BUILTIN_VERSION,
    parameters: {},
    mapper: { [PARSE_JSON_FIELD]: DATA_PLACEHOLDER_JSON },
    metadata: designerAt(0, DATA_PLACEHOLDER_NAME),
  };
}

/** The fields of one contract as the sync takes them (its `contrats` input), in the schema's order. */
export function contractFields(): Parameter[] {
  const inputs = Array.isArray(syncContracts.mappableParams) ? syncContracts.mappableParams : [];
  const input = inputs.find((p) => p.name === 'contrats');
  if (!input || !Array.isArray(input.spec)) throw new Error("syncContracts has no 'contrats' input with fields");
  return input.spec;
}

/**
 * The Array aggregator of the data module's bundles, its target structure the `contrats` input of the module
 * `targetId`: each field mapped from the data module's field of the same name.
 */
export function contractsAggregator(id: number, position: number, targetId: number): BlueprintModule {
  return {
    id,
    module: BUILTIN_MODULES.aggregator,
    version: BUILTIN_VERSION,
    parameters: { feeder: DATA_MODULE_ID, target: `${targetId}.contrats` },
    mapper: Object.fromEntries(contractFields().map((field) => [field.name, `{{${DATA_MODULE_ID}.${field.name}}}`])),
    metadata: designerAt(position),
  };
}

/** A module of this app, with the connection field Make asks to fill on import. */
export function appModule(
  target: ScenarioTarget,
  id: number,
  position: number,
  localId: string,
  mapper: Record<string, unknown> = {},
  filter?: BlueprintFilter,
): BlueprintModule {
  const definition = app.modules.find((m) => m.id === localId);
  if (!definition) throw new Error(`the app has no module '${localId}'`);
  const connected = Boolean(definition.connection);
  return {
    id,
    module: appModuleRef(target.appId, target.moduleName(localId)),
    version: target.version,
    parameters: connected ? { [CONNECTION_PARAMETER]: TEMPLATE_CONNECTION_ID } : {},
    mapper,
    ...(filter ? { filter } : {}),
    metadata: {
      ...designerAt(position),
      ...(connected
        ? { parameters: [{ name: CONNECTION_PARAMETER, type: accountType(target.connectionName), label: 'Connection', required: true }] }
        : {}),
    },
  };
}

/** The default of an input of « Synchroniser en sécurité » (its thresholds: '10%', '25%'; 'stop'). */
export function safeSyncDefault(name: string): string {
  const inputs = Array.isArray(safeSync.mappableParams) ? safeSync.mappableParams : [];
  const value = inputs.find((p) => p.name === name)?.default;
  if (typeof value !== 'string') throw new Error(`safeSync has no input '${name}' with a default`);
  return value;
}

/** A percentage written as safeSync reads it ('10%') as a number (10). */
export function percentOf(text: string): number {
  const match = /^(\d+(?:\.\d+)?)%$/.exec(text);
  if (!match) throw new Error(`'${text}' is not a percentage`);
  return Number(match[1]);
}
