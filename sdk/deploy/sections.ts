// Which code file of the local-development layout is which section of Make's API (as Make's VS Code extension
// deploys them), and the metadata of each component as Make's API names it.
import type { MappedType } from './origins';

export interface SectionDef {
  /** The code type in makecomapp.json (`codeFiles` key). */
  code: string;
  /** The section in Make's API. */
  api: string;
  /** Its content may hold secrets (client secrets in `common`): a diff gives its line counts only. */
  secret?: boolean;
}

export const COMPONENT_SECTIONS: Record<MappedType, SectionDef[]> = {
  connection: [
    { code: 'communication', api: 'api' },
    { code: 'params', api: 'parameters' },
    { code: 'common', api: 'common', secret: true },
  ],
  module: [
    { code: 'communication', api: 'api' },
    { code: 'staticParams', api: 'parameters' },
    { code: 'mappableParams', api: 'expect' },
    { code: 'interface', api: 'interface' },
    { code: 'samples', api: 'samples' },
    { code: 'scope', api: 'scope' },
  ],
  rpc: [
    { code: 'communication', api: 'api' },
    { code: 'params', api: 'parameters' },
  ],
};

/** The app's own sections: base and groups are PUT as JSONC, the readme as Markdown, common as JSON. */
export const GENERAL_SECTIONS: SectionDef[] = [
  { code: 'base', api: 'base' },
  { code: 'common', api: 'common', secret: true },
  { code: 'readme', api: 'readme' },
  { code: 'groups', api: 'groups' },
];

/** Make's module type ids (the `typeId` of its API), by the moduleType of makecomapp.json. */
export const MODULE_TYPE_IDS: Record<string, number> = {
  trigger: 1,
  action: 4,
  search: 9,
  instant_trigger: 10,
  responder: 11,
  universal: 12,
};

export function moduleTypeOf(typeId: unknown): string | undefined {
  return Object.keys(MODULE_TYPE_IDS).find((type) => MODULE_TYPE_IDS[type] === typeId);
}

/** The singular and plural names the messages use. */
export const TYPE_NAMES: Record<MappedType | 'app', string> = {
  app: 'app',
  connection: 'connection',
  module: 'module',
  rpc: 'RPC',
};
