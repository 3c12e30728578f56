// iml-syntax, iml-unknown-function, iml-argument-count: every IML string of the app parses with the
// harness's parser, and every function it calls exists (a built-in or a custom function of the app) and
// gets a number of arguments it accepts.
import type { EmittedApp } from '../../emitted';
import { BUILTIN_FUNCTIONS, collectFunctionCalls, ImlError, parseTemplate, walkExpression, type TemplateFunctionCall } from '../../iml';
import { suggest } from '../../suggest';
import { jsonPath, type Finding } from '../findings';
import { collectImlStrings } from '../imlStrings';
import { appFiles, IML_CODES, quote } from './walk';

/** The parse error of a template, or the function calls it makes. */
export type TemplateAnalysis = { error: ImlError } | { calls: TemplateFunctionCall[] };

export function analyzeTemplate(template: string): TemplateAnalysis {
  try {
    return { calls: collectFunctionCalls(template) };
  } catch (error) {
    if (!(error instanceof ImlError)) return { error: new ImlError(`cannot parse: ${String(error)}`, template, 0) };
    // compileTemplate also refuses a built-in called with a wrong number of arguments: that template
    // parses, and the count is the business of iml-argument-count. Read its calls from the bare parse.
    try {
      const calls: TemplateFunctionCall[] = [];
      for (const part of parseTemplate(template).parts) {
        if (part.kind !== 'expression') continue;
        walkExpression(part.expression, (node) => {
          if (node.kind === 'call') calls.push({ name: node.name, position: node.pos, argumentCount: node.args.length });
        });
      }
      return { calls };
    } catch (parseError) {
      return { error: parseError instanceof ImlError ? parseError : error };
    }
  }
}

export function checkIml(app: EmittedApp): Finding[] {
  const findings: Finding[] = [];
  const custom = new Set(Object.keys(app.functions ?? {}));
  const known = [...BUILTIN_FUNCTIONS.keys(), ...custom];
  for (const { file, code, value } of appFiles(app)) {
    if (!IML_CODES.has(code)) continue;
    for (const { template, segments } of collectImlStrings(value)) {
      const path = jsonPath(segments);
      const analysis = analyzeTemplate(template);
      if ('error' in analysis) {
        const { detail, position } = analysis.error;
        findings.push({
          severity: 'error',
          rule: 'iml-syntax',
          file,
          path,
          message: `IML does not parse: ${detail} at offset ${position} of ${quote(template, 120)} (near ${quote(template.slice(Math.max(0, position - 10), position + 10), 30)})`,
          hint: `correct the expression at offset ${position}: every '{{' needs its '}}', texts are quoted with '...', arguments are separated by commas (try it: npm run iml -- '<template>')`,
        });
        continue;
      }
      for (const call of analysis.calls) {
        const builtin = BUILTIN_FUNCTIONS.get(call.name);
        if (!builtin && !custom.has(call.name)) {
          const guess = suggest(call.name, known);
          findings.push({
            severity: 'error',
            rule: 'iml-unknown-function',
            file,
            path,
            message: `function '${call.name}' (offset ${call.position} of ${quote(template, 120)}) is neither an IML built-in nor a custom function of the app${custom.size ? ` (custom: ${[...custom].join(', ')})` : ''}`,
            hint: guess ? `did you mean '${guess}'?` : `use a built-in function (e.g. ifempty, length, formatDate), or add a custom function '${call.name}' to the app`,
          });
          continue;
        }
        if (builtin && (call.argumentCount < builtin.minArgs || call.argumentCount > builtin.maxArgs)) {
          findings.push({
            severity: 'error',
            rule: 'iml-argument-count',
            file,
            path,
            message: `function '${call.name}' expects ${expected(builtin)}, got ${call.argumentCount} (offset ${call.position} of ${quote(template, 120)})`,
            hint: `call '${call.name}' with ${expected(builtin)}; arguments are separated by commas`,
          });
        }
      }
    }
  }
  return findings;
}

function expected({ minArgs, maxArgs }: { minArgs: number; maxArgs: number }): string {
  const plural = (n: number): string => `${n} argument${n === 1 ? '' : 's'}`;
  if (maxArgs === Infinity) return `at least ${plural(minArgs)}`;
  if (minArgs === maxArgs) return plural(minArgs);
  return `${minArgs} to ${maxArgs} arguments`;
}
