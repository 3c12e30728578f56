// Where Make's local-development tooling puts each code file: the layout of Make's VS Code extension (the public
// repository integromat/vscode-apps-sdk: README-local-development-for-apps.md, and the code files of each component
// type in src/services/component-code-def.ts).

export type ComponentType = 'connection' | 'webhook' | 'module' | 'rpc' | 'function' | 'endpoint';

/** Code type (makecomapp.json `codeFiles` key) → file suffix, per component type. */
export const CODE_FILE_SUFFIXES = {
  connection: { communication: 'communication.iml.json', params: 'params.iml.json', common: 'common.json' },
  module: {
    communication: 'communication.iml.json',
    staticParams: 'static-params.iml.json',
    mappableParams: 'mappable-params.iml.json',
    interface: 'interface.iml.json',
    samples: 'samples.iml.json',
    scope: 'scope.iml.json',
  },
  rpc: { communication: 'communication.iml.json', params: 'params.iml.json' },
  function: { code: 'code.js', test: 'test.js' },
} as const;

export const GENERAL_CODE_FILES = {
  base: 'general/base.iml.json',
  common: 'general/common.json',
  readme: 'README.md',
  groups: 'modules/groups.json',
} as const;

export function camelToKebab(id: string): string {
  return id
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-');
}

/** `<type>s/<kebab-id>/<kebab-id>.<suffix>` */
export function codeFilePath(type: ComponentType, localId: string, suffix: string): string {
  const dir = camelToKebab(localId);
  return `${type}s/${dir}/${dir}.${suffix}`;
}
