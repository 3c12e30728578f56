// id-format: Make's id rules for modules, RPCs, functions and connections, as Make's VS Code extension checks them
// (the public repository integromat/vscode-apps-sdk, src/local-development/helpers/validate-id.ts).
import type { Rule, RuleFinding } from '../rule';
import { jsonPath } from '../findings';

export const ID_PATTERNS = {
  module: /^[a-zA-Z][0-9a-zA-Z]{2,47}$/,
  rpc: /^[a-zA-Z][0-9a-zA-Z]{2,47}$/,
  function: /^[a-zA-Z][0-9a-zA-Z]{1,94}[0-9a-zA-Z]$/,
  connection: /^[a-zA-Z][0-9a-zA-Z-]{1,33}[0-9a-zA-Z]$/,
} as const;

const RULE_TEXT: Readonly<Record<keyof typeof ID_PATTERNS, string>> = {
  module: 'a letter, then 2 to 47 letters or digits',
  rpc: 'a letter, then 2 to 47 letters or digits',
  function: 'a letter, then 2 to 96 letters or digits',
  connection: 'a letter, then 1 to 33 letters, digits or dashes, ending with a letter or digit',
};

export const idFormat: Rule = {
  id: 'id-format',
  severity: 'error',
  description: "ids follow Make's id rules (module/RPC: a letter, then 2 to 47 letters or digits; ...)",
  hint: "rename the component after Make's id rule for its type",
  // The format schema's id patterns catch the same ids; this rule says which rule and suggests an id.
  supersedesFormatSchema: true,
  check(app) {
    const findings: RuleFinding[] = [];
    const kinds = { module: app.modules, rpc: app.rpcs, function: app.functions, connection: app.connections };
    for (const [type, components] of Object.entries(kinds) as Array<[keyof typeof ID_PATTERNS, Record<string, unknown>]>) {
      for (const id of Object.keys(components)) {
        if (ID_PATTERNS[type].test(id)) continue;
        findings.push({
          file: 'makecomapp.json',
          path: jsonPath(['components', type, id]),
          message: `${type} id '${id}' breaks Make's id rule`,
          hint: `use ${RULE_TEXT[type]}, e.g. '${suggestId(id)}'`,
        });
      }
    }
    return findings;
  },
};

function suggestId(id: string): string {
  const cleaned = id.replace(/[^0-9a-zA-Z]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''));
  return /^[a-zA-Z]/.test(cleaned) ? cleaned : `x${cleaned}`;
}
