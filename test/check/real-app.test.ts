// The real app, as the build emits it, passes every check without a single finding (npm run validate is clean).
// The rules themselves are tested on the fixture app (rules.test.ts).
import { describe, expect, it } from 'vitest';
import { app } from '../../app';
import { checkApp } from '../../sdk/check';
import { formatFinding } from '../../sdk/check/findings';
import { emitApp } from '../../sdk/emit/emitApp';
import { mapReader, readEmittedApp } from '../../sdk/emitted';

describe('the app as emitted', () => {
  it('has no finding at all, not even a warning', () => {
    const emitted = readEmittedApp(mapReader(emitApp(app)));
    expect(checkApp(emitted, { language: app.language }).map(formatFinding)).toEqual([]);
  });
});
