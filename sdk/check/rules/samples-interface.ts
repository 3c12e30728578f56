// samples-interface: a module's samples fit its interface: known keys, compatible types, recursively, select
// values among the options.
import { interfaceMismatches } from '../../params/conformance';
import type { Rule } from '../rule';
import { jsonPath } from '../findings';
import { isPlainObject } from '../../../lib/values';
import { components } from '../support/walk';

export const samplesInterface: Rule = {
  id: 'samples-interface',
  severity: 'error',
  description: 'samples use keys of the interface with compatible types (recursively; select values among the options)',
  hint: 'make the samples fit the interface, or correct the interface',
  check: (app) =>
    components(app, 'modules').flatMap((module) => {
      const file = module.paths?.samples;
      const spec = module.codes?.interface;
      const samples = module.codes?.samples;
      // An interface from an RPC is only known at run time; samples that are not an object: format-schema.
      if (typeof file !== 'string' || !Array.isArray(spec) || !isPlainObject(samples)) return [];
      return interfaceMismatches(samples, spec, 'sample', `the interface of '${module.id}'`).map(({ segments, message, hint }) => ({
        file,
        path: jsonPath(segments),
        message,
        hint,
      }));
    }),
};
