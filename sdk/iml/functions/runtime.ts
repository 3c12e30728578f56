// Functions the Make app runtime adds on top of the IML package (as listed by the third-party notes on the package,
// minsu-kang/make-custom-app-skill, skill/references/builtin-iml-functions.md: "Runtime Additional Functions").
import { argText, BuiltinTable, builtin } from './types';

export const RUNTIME_FUNCTIONS: BuiltinTable = {
  parseJSON: builtin(1, 1, (_ctx, [value]) => {
    if (value === undefined || value === null) return undefined;
    try {
      return JSON.parse(argText(value)) as unknown;
    } catch (error) {
      throw new Error(`invalid JSON: ${(error as Error).message}`);
    }
  }),
  createJSON: builtin(1, 1, (_ctx, [value]) => {
    const text = JSON.stringify(value === undefined ? null : value, (_k, v: unknown) => (typeof v === 'symbol' ? null : v));
    return text;
  }),
  isArray: builtin(1, 1, (_ctx, [value]) => Array.isArray(value)),
};
