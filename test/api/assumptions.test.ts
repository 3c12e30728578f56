// The assumptions the schemas also spell agree with api/assumptions.ts, so that correcting one is one change
// that the tests then carry to the other.
import { describe, expect, it } from 'vitest';
import { REJECTED_CONTRACT_ERRORS_KEY, REJECTED_CONTRACT_ID_KEY, RESET_SYNC_PATH } from '../../api/assumptions';
import { ENDPOINTS } from '../../api/endpoints';
import syncValidInvalid from '../../api/schemas/sync-valid-invalid-response.schema.json';

describe('assumptions', () => {
  it('name the keys of a rejected contract as the sync response schema does', () => {
    const item = syncValidInvalid.properties.invalidContrats.items;
    expect(Object.keys(item.properties).sort()).toEqual([REJECTED_CONTRACT_ERRORS_KEY, REJECTED_CONTRACT_ID_KEY].sort());
  });

  it('give the reset endpoint its path', () => {
    expect(ENDPOINTS.resetSync.path).toBe(RESET_SYNC_PATH);
  });
});
