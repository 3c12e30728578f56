// Where each module of a run goes in the picture of the run (report.ts), as Make's scenario editor lays out a
// flow: left to right, one column per step; a router's routes one under the other, each a row (or a band of
// rows when it has routes of its own), the router centred on the band of its routes. Positions are in grid
// units (columns, rows); report.ts turns them into pixels.

import type { ModuleRunReport } from './runReport';

export interface PlacedModule {
  /** The module's place in the report's `modules`. */
  index: number;
  column: number;
  /** A row, or halfway between rows for a router centred on its routes. */
  row: number;
}

export interface FlowLink {
  /** Indexes in the report's `modules`. */
  from: number;
  to: number;
  /** `next`: the following module on the same route; `route`: the first module of one of a router's routes. */
  kind: 'next' | 'route';
}

export interface FlowLayout {
  /** In the report's order. */
  placed: PlacedModule[];
  links: FlowLink[];
  columns: number;
  rows: number;
}

/** The route a module is on, as a key: '' for the main flow, else `1`, `1.2`, ... */
function routeKey(module: ModuleRunReport): string {
  return module.route === undefined ? '' : String(module.route).trim();
}

/** The route a route branches from: `1.2` → `1`, `1` → the main flow. */
function parentKey(key: string): string {
  const cut = key.lastIndexOf('.');
  return cut < 0 ? '' : key.slice(0, cut);
}

export function layoutFlow(modules: readonly ModuleRunReport[]): FlowLayout {
  // The modules of each route, in the report's order, and the routes in the order they first appear.
  const onRoute = new Map<string, number[]>([['', []]]);
  modules.forEach((module, index) => {
    const key = routeKey(module);
    const list = onRoute.get(key);
    if (list) list.push(index);
    else onRoute.set(key, [index]);
  });
  // A route branches from the nearest route above it that has modules (a route `2.1` whose route `2` has none
  // branches from the main flow), so that no module is left out of the picture.
  const branchesOf = new Map<string, string[]>();
  for (const key of onRoute.keys()) {
    if (key === '') continue;
    let parent = parentKey(key);
    while (parent !== '' && !onRoute.has(parent)) parent = parentKey(parent);
    branchesOf.set(parent, [...(branchesOf.get(parent) ?? []), key]);
  }

  const placed: PlacedModule[] = [];
  const links: FlowLink[] = [];
  let columns = 0;

  /** Places a route from `column` on, in the rows from `top` down; returns how many rows it takes. */
  const place = (key: string, column: number, top: number): number => {
    const steps = onRoute.get(key) ?? [];
    const branches = branchesOf.get(key) ?? [];
    let height = 0;
    for (const branch of branches) {
      height += place(branch, column + steps.length, top + height);
      const first = onRoute.get(branch)?.[0];
      const last = steps[steps.length - 1];
      if (first !== undefined && last !== undefined) links.push({ from: last, to: first, kind: 'route' });
    }
    height = Math.max(height, 1);
    const row = top + (height - 1) / 2;
    steps.forEach((index, i) => {
      placed.push({ index, column: column + i, row });
      if (i > 0) links.push({ from: steps[i - 1], to: index, kind: 'next' });
    });
    columns = Math.max(columns, column + steps.length);
    return height;
  };
  const rows = modules.length === 0 ? 0 : place('', 0, 0);

  placed.sort((a, b) => a.index - b.index);
  links.sort((a, b) => a.to - b.to);
  return { placed, links, columns, rows };
}
