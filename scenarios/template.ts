// A scenario template: a name (its file, dist/scenarios/<name>.blueprint.json) and the blueprint it gives for
// the app it is imported into.
import { scenarioMetadata, type Blueprint, type BlueprintModule } from '../sdk/scenario/blueprint';
import type { ScenarioTarget } from './target';

export interface ScenarioTemplate {
  /** The file name: lower case and dashes. */
  name: string;
  build: (target: ScenarioTarget) => Blueprint;
}

export function blueprint(target: ScenarioTarget, name: string, flow: BlueprintModule[]): Blueprint {
  return { name, flow, metadata: scenarioMetadata(target.zone) };
}
