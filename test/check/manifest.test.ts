// The app's manifest fields in makecomapp.json: its four top-level keys have a place for the app's name and version
// only, as the appId and appVersion of each deploy origin; what the build writes stays valid and the same each time.
import { describe, expect, it } from 'vitest';
import { miniApp } from '../fixtures/miniApp';
import { checkApp } from '../../sdk/check';
import { emitApp, type DeployTarget } from '../../sdk/emit/emitApp';
import { mapReader, readEmittedApp } from '../../sdk/emitted';

const TARGETS: DeployTarget[] = [
  { label: 'Essai', baseUrl: 'https://eu1.make.com/api', apikeyFile: '../.secrets/apikey-essai' },
  { baseUrl: 'https://eu2.make.com/api', apikeyFile: '../.secrets/apikey' },
];

describe('makecomapp.json', () => {
  const files = emitApp(miniApp, TARGETS);
  const emitted = readEmittedApp(mapReader(files));

  it("gives each deploy origin the app's name and version", () => {
    expect(emitted.manifest.origins).toEqual([
      { label: 'Essai', baseUrl: 'https://eu1.make.com/api', appId: 'mini-catalogue', appVersion: 1, apikeyFile: '../.secrets/apikey-essai' },
      { baseUrl: 'https://eu2.make.com/api', appId: 'mini-catalogue', appVersion: 1, apikeyFile: '../.secrets/apikey' },
    ]);
  });

  it('keeps to the keys of the format, so the checks find nothing', () => {
    expect(Object.keys(emitted.manifest)).toEqual(['fileVersion', 'generalCodeFiles', 'components', 'origins']);
    expect(checkApp(emitted, { language: miniApp.language })).toEqual([]);
  });

  it('has no origin when the build is given no deploy target, and is the same on every emit', () => {
    expect(readEmittedApp(mapReader(emitApp(miniApp))).manifest.origins).toEqual([]);
    expect(emitApp(miniApp, TARGETS)).toEqual(files);
  });
});
