// The bare words of app IML that Make documents, and the names an IML template uses: what the undocumented-keyword
// and undocumented-variable rules read.
// Written from the pages named beside its entries (D: = https://developers.make.com/custom-apps-documentation/,
// OLD: = https://integromat.github.io/apps/, the pages of Make's first editor).
import { compileTemplate, ImlError, parseTemplate, walkExpression } from '../../iml';
import type { ExpressionNode } from '../../iml/ast';

/** The bare words (keywords and built-in variables of the parser) that app IML documents. */
export const DOCUMENTED_WORDS: ReadonlySet<string> = new Set([
  // D:app-components/modules/action/components, D:app-components/modules/search, D:app-components/rpcs:
  // "now — Current date and time".
  'now',
  // Omitting a value: `{{ifempty(parameters.content, undefined)}}` (https://docs.integromat.com/apps/best-practices/
  // processing-of-input-parameters); `undefined`, `emptyarray` and `emptystring` are the bare words of the IML
  // grammar of Make's VS Code extension (integromat/vscode-apps-sdk syntaxes/iml/iml.tmLanguage).
  'undefined',
  'emptyarray',
  'emptystring',
]);

/** The expressions of a template, or undefined when it does not parse (iml-syntax reports that). */
export function expressionsOf(template: string): ExpressionNode[] | undefined {
  return astOf(template)?.parts.flatMap((part) => (part.kind === 'expression' ? [part.expression] : []));
}

/** The compiled (cached) tree; a template that parses but fails compile's argument counts is parsed bare. */
function astOf(template: string): ReturnType<typeof parseTemplate> | undefined {
  for (const read of [() => compileTemplate(template).ast, () => parseTemplate(template)]) {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ImlError)) throw error;
    }
  }
  return undefined;
}

type NamedKind = 'keyword' | 'variable' | 'identifier';

/** The first offset of each name of the given kinds (a keyword, a built-in variable, a root read from the context). */
export function namesIn(expressions: ExpressionNode[], kinds: readonly NamedKind[]): Map<string, number> {
  const names = new Map<string, number>();
  for (const expression of expressions) {
    walkExpression(expression, (node) => {
      if ((node.kind === 'keyword' || node.kind === 'variable' || node.kind === 'identifier') && kinds.includes(node.kind) && !names.has(node.name)) {
        names.set(node.name, node.pos);
      }
    });
  }
  return names;
}
