// The rules are written once, each in its own file: the registry, the ids and the README's table come from them.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULE_IDS, RULES, type Rule } from '../../sdk/check';
import { rulesTable } from '../../sdk/check/rulesTable';

const ROOT = join(__dirname, '..', '..');
const RULES_DIR = join(ROOT, 'sdk', 'check', 'rules');
const ruleFiles = readdirSync(RULES_DIR).filter((name) => name.endsWith('.ts')).sort();

function isRule(value: unknown): value is Rule {
  return typeof value === 'object' && value !== null && typeof (value as Rule).id === 'string' && typeof (value as Rule).check === 'function';
}

describe('the rule registry', () => {
  it.each(ruleFiles)('%s holds one rule, whose id is the file name, registered in RULES', async (name) => {
    const exported = Object.values(await import(join(RULES_DIR, name))).filter(isRule);
    expect(exported.map((rule) => rule.id)).toEqual([basename(name, '.ts')]);
    expect(RULES).toContain(exported[0]);
  });

  it('registers the rules of sdk/check/rules/ and nothing else, each id once', () => {
    expect([...ALL_RULE_IDS].sort()).toEqual(ruleFiles.map((name) => basename(name, '.ts')));
    expect(new Set(ALL_RULE_IDS).size).toBe(RULES.length);
  });

  it.each(RULES.map((rule) => [rule.id, rule] as const))('%s says what it checks and how to fix it, on one line each', (_, rule) => {
    expect(['error', 'warning']).toContain(rule.severity);
    for (const text of [rule.description, rule.hint]) {
      expect(text.trim()).not.toBe('');
      expect(text).not.toMatch(/\n/);
    }
  });
});

describe("the README's Checks section", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  it('has the table generated from the rules', () => {
    const table = /<!-- rules-table:start -->\n([\s\S]*?)\n<!-- rules-table:end -->/.exec(readme)?.[1];
    expect(table).toBe(rulesTable());
  });

  it('documents the two ids that are not rules', () => {
    const checks = readme.slice(readme.indexOf('## Checks'));
    for (const id of ['file-unreadable', 'check-crashed']) expect(checks).toContain(`\`${id}\``);
  });
});
