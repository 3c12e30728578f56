// The assumptions the schemas also spell agree with api/assumptions.ts, so that correcting one is one change
// that the tests then carry to the other.
import { describe, expect, it } from 'vitest';
import { REJECTED_CONTRACT_ERRORS_KEY, REJECTED_CONTRACT_ID_KEY, RESET_SYNC_PATH, V1_SYNC_ANSWER_KEYS } from '../../api/assumptions';
import { ENDPOINTS } from '../../api/endpoints';
import { apiSchema } from '../../api/schemas';
import syncValidInvalid from '../../api/schemas/sync-valid-invalid-response.schema.json';

describe('assumptions', () => {
  it('name the keys of a rejected contract as the sync response schema does', () => {
    const item = syncValidInvalid.properties.invalidContrats.items;
    expect(Object.keys(item.properties).sort()).toEqual([REJECTED_CONTRACT_ERRORS_KEY, REJECTED_CONTRACT_ID_KEY].sort());
  });

  it('give the reset endpoint its path', () => {
    expect(ENDPOINTS.resetSync.path).toBe(RESET_SYNC_PATH);
  });

  it.each(Object.entries(V1_SYNC_ANSWER_KEYS))(
    'make the answer of %s the object it is sent, its rows under the body key %s',
    (name, key) => {
      const endpoint = ENDPOINTS[name as keyof typeof V1_SYNC_ANSWER_KEYS];
      expect(endpoint.response).toBe(endpoint.request);
      expect(Object.keys(apiSchema(endpoint.request).properties as object)).toEqual([key]);
    },
  );
});
