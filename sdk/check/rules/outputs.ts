// What a module returns against what it declares: samples-interface (the samples fit the interface: known
// keys, compatible types, recursively) and output-undeclared (warning: keys the communication outputs
// that the interface does not declare, so a user cannot map them).
import type { ComponentFiles, EmittedApp } from '../../emitted';
import { suggest } from '../../suggest';
import { jsonPath, type Finding } from '../findings';
import { fieldsByName, interfaceMismatches } from '../../params/conformance';
import { components, isObject, quote, requestsOf, type JsonObject, type Segments } from './walk';

export function checkSamples(app: EmittedApp): Finding[] {
  const findings: Finding[] = [];
  for (const module of components(app, 'modules')) {
    const file = module.paths?.samples;
    const spec = module.codes?.interface;
    const samples = module.codes?.samples;
    // An interface from an RPC is only known at run time; samples that are not an object: format-schema.
    if (typeof file !== 'string' || !Array.isArray(spec) || !isObject(samples)) continue;
    const report = (segments: Segments, message: string, hint: string): void => {
      findings.push({ severity: 'error', rule: 'samples-interface', file, path: jsonPath(segments), message, hint });
    };
    for (const mismatch of interfaceMismatches(samples, spec, 'sample', `the interface of '${module.id}'`)) {
      report(mismatch.segments, mismatch.message, mismatch.hint);
    }
  }
  return findings;
}


// ---------------------------------------------------------------- output-undeclared

export function checkOutputs(app: EmittedApp): Finding[] {
  return components(app, 'modules').flatMap(checkModuleOutput);
}

function checkModuleOutput(module: ComponentFiles): Finding[] {
  const file = module.paths?.communication;
  const spec = module.codes?.interface;
  if (typeof file !== 'string' || !Array.isArray(spec)) return [];
  const requests = requestsOf(module.codes.communication);
  const last = requests[requests.length - 1];
  if (!last || !isObject(last.request.response)) return [];
  const response = last.request.response;
  // The bundle is the wrapper when there is one (it runs last), else the output.
  const key = response.wrapper !== undefined ? 'wrapper' : 'output';
  const produced = response[key];
  if (!isObject(produced)) return [];
  const findings: Finding[] = [];
  const visit = (value: JsonObject, fields: unknown[], segments: Segments, where: string): void => {
    const declared = fieldsByName(fields);
    for (const [name, item] of Object.entries(value)) {
      const param = declared.get(name);
      if (!param) {
        const guess = suggest(name, [...declared.keys()]);
        findings.push({
          severity: 'warning',
          rule: 'output-undeclared',
          file,
          path: jsonPath([...segments, name]),
          message: `'${module.id}' outputs '${name}', which ${where} does not declare, so users cannot map it (declared: ${[...declared.keys()].join(', ') || 'none'})`,
          hint: guess ? `did you mean '${guess}'?` : `declare '${name}' in the interface, or stop outputting it`,
        });
      } else if (isObject(item) && param.type === 'collection' && Array.isArray(param.spec)) {
        visit(item, param.spec, [...segments, name], `the fields of '${name}' in the interface`);
      }
    }
  };
  visit(produced, spec, [...last.segments, 'response', key], 'the interface');
  return findings;
}
