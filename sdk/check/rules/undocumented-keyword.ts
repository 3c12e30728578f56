// undocumented-keyword: app IML uses only the bare words Make documents for it, not the keywords and variables of
// scenario mappings (`ignore`, `erase`, `newline`, `timestamp`, ...), which the harness's parser also knows.
// Every table below is written from the pages named beside its entries (D: = https://developers.make.com/
// custom-apps-documentation/, OLD: = https://integromat.github.io/apps/, the pages of Make's first editor).
import type { Rule, RuleFinding } from '../rule';
import { jsonPath } from '../findings';
import { DOCUMENTED_WORDS, expressionsOf, namesIn } from '../support/imlNames';
import { appTemplates } from '../support/imlTemplates';
import { quoteValue } from '../../../lib/values';
import { ownEntry } from '../support/walk';

/** Why a bare word the parser knows is not app IML, and what to write instead. */
const UNDOCUMENTED_WORDS: Record<string, { why: string; hint: string }> = {
  // D:other/processing-of-empty-values: "the user has to use the erase keyword" (a user's mapping, not app IML).
  erase: { why: "a keyword of users' mappings", hint: 'to send an empty value write null, emptystring or emptyarray; to leave the field out, undefined' },
  // Keywords of scenario mappings (help.make.com); no page of the app documentation has them.
  ignore: { why: 'a keyword of scenario mappings', hint: 'to leave the value out write undefined, e.g. {{if(condition, value, undefined)}}' },
  space: { why: 'a keyword of scenario mappings', hint: "write the space as text: ' ' inside the expression, or outside the braces" },
  nbsp: { why: 'a keyword of scenario mappings', hint: 'write the non-breaking space as text, outside the braces' },
  tab: { why: 'a keyword of scenario mappings', hint: 'write \\t in the JSON text, outside the braces' },
  newline: { why: 'a keyword of scenario mappings', hint: 'write \\n in the JSON text, outside the braces' },
  carriagereturn: { why: 'a keyword of scenario mappings', hint: 'write \\r in the JSON text, outside the braces' },
  // Variables of scenario mappings; the app pages list now, environment, temp, parameters, ... and none of these.
  timestamp: { why: 'a variable of scenario mappings', hint: "use now, e.g. {{formatDate(now, 'X')}}" },
  uuid: { why: 'a variable of scenario mappings', hint: 'generate it with a custom IML function' },
  pi: { why: 'a variable of scenario mappings', hint: 'write the number' },
  random: { why: 'a variable of scenario mappings', hint: 'compute it with a custom IML function' },
};

export const undocumentedKeyword: Rule = {
  id: 'undocumented-keyword',
  severity: 'error',
  description:
    'IML uses only the bare words app IML documents (`undefined`, `emptystring`, `emptyarray`, `now`, and the literals `true`, `false`, `null`): not the scenario words `ignore`, `erase`, `space`, `newline`, `tab`, ...',
  hint: `use a documented word (${[...DOCUMENTED_WORDS].join(', ')}) or a function`,
  check(app) {
    const findings: RuleFinding[] = [];
    for (const { file, segments, template } of appTemplates(app)) {
      const expressions = expressionsOf(template);
      if (!expressions) continue;
      for (const [word, position] of namesIn(expressions, ['keyword', 'variable'])) {
        if (DOCUMENTED_WORDS.has(word)) continue;
        const known = ownEntry(UNDOCUMENTED_WORDS, word);
        findings.push({
          file,
          path: jsonPath(segments),
          message: `'${word}' (offset ${position} of ${quoteValue(template, 120)}) is not a word Make documents in app IML${known ? ` (${known.why})` : ''}`,
          hint: known?.hint,
        });
      }
    }
    return findings;
  },
};
