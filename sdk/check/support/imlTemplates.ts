// Every IML string of an app with where it sits, and what parsing one gives: the rules on IML syntax and
// function calls read the same analysis.
import type { EmittedApp } from '../../emitted';
import { collectFunctionCalls, ImlError, parseTemplate, walkExpression, type TemplateFunctionCall } from '../../iml';
import { collectImlStrings } from '../imlStrings';
import type { PathSegments } from '../../../lib/paths';
import { appFiles, IML_CODES } from './walk';

export interface AppTemplate {
  /** Path of the emitted file. */
  file: string;
  /** Keys and 0-based indexes from the file's root. */
  segments: PathSegments;
  template: string;
}

/** Every IML string of the files whose strings Make evaluates as IML. */
export function appTemplates(app: EmittedApp): AppTemplate[] {
  return appFiles(app)
    .filter(({ code }) => IML_CODES.has(code))
    .flatMap(({ file, value }) => collectImlStrings(value).map(({ template, segments }) => ({ file, segments, template })));
}

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

/** The function calls of each template that parses (iml-syntax reports the others). */
export function appFunctionCalls(app: EmittedApp): Array<AppTemplate & { call: TemplateFunctionCall }> {
  return appTemplates(app).flatMap((found) => {
    const analysis = analyzeTemplate(found.template);
    return 'calls' in analysis ? analysis.calls.map((call) => ({ ...found, call })) : [];
  });
}
