// What a local run of a Make scenario (a blueprint) reports: per module, in flow order, the bundles that came in
// and went out, the filter on the link into it, and the Make operations it consumed. The runner produces it; the
// text printout, `--json` and the HTML picture of a run all read it.

export interface ScenarioRunReport {
  /** The blueprint's name. */
  scenario: string;
  /** Every module of the flow in the order Make runs them (a router's routes one after the other). */
  modules: ModuleRunReport[];
  totalOperations: number;
  /** The error that stopped the run (Make's default: an error stops the scenario), if one did. */
  error?: { moduleId: number; bundle?: number; type: string; message: string };
}

export interface ModuleRunReport {
  /** The module's id in the blueprint. */
  id: number;
  /** The module reference: `app#<app id>:<module id>`, `builtin:BasicAggregator`, ... */
  module: string;
  /** What Make's editor shows under the bubble: the module's label (or the designer's name). */
  label: string;
  /** `1`, `2`, ...: the route of a router this module is on (nested routes: `1.2`); absent on the main flow. */
  route?: string;
  /** The filter on the link into this module: its name and how many bundles it let through or stopped. */
  filter?: { name: string; passed: number; blocked: number };
  /** The bundles this module received (for a source module: none) and those it output. */
  bundlesIn: unknown[];
  bundlesOut: unknown[];
  /** Make operations this module consumed (see the counting rule of the runner). */
  operations: number;
}
