// The app's readme (what Make shows on the app's page) names modules by the labels users see: a renamed module
// must not leave the readme pointing at a label that no longer exists.
import { describe, expect, it } from 'vitest';
import { app } from '../../app';

/** Names of Make's own interface, quoted in the readme, that are not this app's. */
const MAKE_UI_NAMES = ['Create a connection', 'Total number of bundles', 'Target structure type'];

/** The name the readme gives the contract's shape (« au format « Contrat » »): the contract schema's item. */
const DATA_NAMES = ['Contrat'];

describe("the app's readme", () => {
  it('quotes only module labels, connection field labels and names of Make itself', () => {
    const labels = new Set([
      ...app.modules.map((module) => module.label),
      ...app.connections.flatMap((connection) => connection.params.map((param) => param.label)),
      ...MAKE_UI_NAMES,
      ...DATA_NAMES,
    ]);
    const quoted = [...app.readme.matchAll(/« ([^»]+) »/g)].map((match) => match[1]);
    expect(quoted.length).toBeGreaterThan(5);
    expect(quoted.filter((name) => !labels.has(name))).toEqual([]);
  });
});
