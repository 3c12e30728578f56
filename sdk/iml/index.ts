// IML (Make's template language) as a standalone library: parse, evaluate, lint, custom functions.
export { ImlError } from './errors';
export { ERASE } from './values';
export type { ImlOptions } from './evaluate';
export { evaluateTemplate, evaluateDeep } from './evaluate';
export type { CompiledTemplate } from './compile';
export { compileTemplate, isImlTemplate } from './compile';
export type { TemplateReference, TemplateFunctionCall } from './lint';
export { collectReferences, collectFunctionCalls } from './lint';
export { BUILTIN_FUNCTIONS } from './functions';
export { REGEX_TIMEOUT_MS } from './functions/regex';
export type { CustomFunction, CustomFunctionSource, CustomFunctionOptions } from './custom';
export { loadCustomFunctions, CUSTOM_FUNCTION_MAX_LENGTH, CUSTOM_FUNCTION_TIMEOUT_MS } from './custom';
// Parse-only access, for linting without compile-time argument checks.
export { parseTemplate } from './parser';
export { walkExpression } from './ast';
