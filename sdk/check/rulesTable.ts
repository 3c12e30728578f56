// The README's table of the check rules, written from the rules themselves (a test keeps the README equal to it).
import { RULES, type Rule } from '.';

/** Markdown: one row per rule, in the registry's order. */
export function rulesTable(rules: readonly Rule[] = RULES): string {
  const cell = (text: string): string => text.replace(/\|/g, '\\|');
  return [
    '| rule id | severity | what it checks |',
    '|---|---|---|',
    ...rules.map((rule) => `| \`${rule.id}\` | ${rule.severity} | ${cell(rule.description)} |`),
  ].join('\n');
}
