// All checks of an emitted app, in one call. Each rule is a function from the app to its findings.
import type { EmittedApp } from '../emitted';
import type { Finding } from './findings';
import { checkIds } from './rules/ids';
import { checkReferences } from './rules/references';

export type Rule = (app: EmittedApp) => Finding[];

export const RULES: Rule[] = [checkIds, checkReferences];

export function checkApp(app: EmittedApp): Finding[] {
  return RULES.flatMap((rule) => rule(app));
}
