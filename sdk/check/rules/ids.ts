// Make's id rules (reference/make-app-format.md §1) and id uniqueness.
import type { EmittedApp } from '../../emitted';
import { jsonPath, type Finding } from '../findings';

export const ID_PATTERNS = {
  module: /^[a-zA-Z][0-9a-zA-Z]{2,47}$/,
  rpc: /^[a-zA-Z][0-9a-zA-Z]{2,47}$/,
  function: /^[a-zA-Z][0-9a-zA-Z]{1,94}[0-9a-zA-Z]$/,
  connection: /^[a-zA-Z][0-9a-zA-Z-]{1,33}[0-9a-zA-Z]$/,
} as const;

const RULE_TEXT = {
  module: 'a letter, then 2 to 47 letters or digits',
  rpc: 'a letter, then 2 to 47 letters or digits',
  function: 'a letter, then 2 to 96 letters or digits',
  connection: 'a letter, then 1 to 33 letters, digits or dashes, ending with a letter or digit',
} as const;

export function checkIds(app: EmittedApp): Finding[] {
  const findings: Finding[] = [];
  const kinds = { module: app.modules, rpc: app.rpcs, function: app.functions, connection: app.connections };
  for (const [type, components] of Object.entries(kinds) as Array<[keyof typeof ID_PATTERNS, Record<string, unknown>]>) {
    const seen = new Map<string, string>();
    for (const id of Object.keys(components)) {
      const path = jsonPath(['components', type, id]);
      if (!ID_PATTERNS[type].test(id)) {
        findings.push({
          severity: 'error',
          rule: 'id-format',
          file: 'makecomapp.json',
          path,
          message: `${type} id '${id}' breaks Make's id rule`,
          hint: `use ${RULE_TEXT[type]}, e.g. '${suggestId(id)}'`,
        });
      }
      // Make folds ids into one directory per component (kebab case): two ids that fold alike collide.
      const folded = id.toLowerCase().replace(/-/g, '');
      const other = seen.get(folded);
      if (other !== undefined) {
        findings.push({
          severity: 'error',
          rule: 'id-unique',
          file: 'makecomapp.json',
          path,
          message: `${type} id '${id}' is the same as '${other}' but for case or dashes`,
          hint: 'give each component a distinct id',
        });
      }
      seen.set(folded, id);
    }
  }
  return findings;
}

function suggestId(id: string): string {
  const cleaned = id.replace(/[^0-9a-zA-Z]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''));
  return /^[a-zA-Z]/.test(cleaned) ? cleaned : `x${cleaned}`;
}
