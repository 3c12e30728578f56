// iml-syntax: every IML string of the app parses with the harness's parser.
import type { Rule } from '../rule';
import { jsonPath } from '../findings';
import { analyzeTemplate, appTemplates } from '../support/imlTemplates';
import { quoteValue } from '../../../lib/values';

export const imlSyntax: Rule = {
  id: 'iml-syntax',
  severity: 'error',
  description: "every IML string parses (the harness's parser); the message gives the offset",
  hint: "every '{{' needs its '}}', texts are quoted with '...', arguments are separated by commas (try it: npm run iml -- '<template>')",
  check: (app) =>
    appTemplates(app).flatMap(({ file, segments, template }) => {
      const analysis = analyzeTemplate(template);
      if (!('error' in analysis)) return [];
      const { detail, position } = analysis.error;
      return [
        {
          file,
          path: jsonPath(segments),
          message: `IML does not parse: ${detail} at offset ${position} of ${quoteValue(template, 120)} (near ${quoteValue(template.slice(Math.max(0, position - 10), position + 10), 30)})`,
          hint: `correct the expression at offset ${position}: ${imlSyntax.hint}`,
        },
      ];
    }),
};
