// What a module returns against what it declares: samples-interface (the samples fit the interface: known
// keys, compatible types, recursively) and output-undeclared (warning: keys the communication outputs
// that the interface does not declare, so a user cannot map them).
import type { ComponentFiles, EmittedApp } from '../../emitted';
import { suggest } from '../formatErrors';
import { jsonPath, type Finding } from '../findings';
import { components, isObject, quote, requestsOf, type JsonObject, type Segments } from './walk';

const TEXT_TYPES = new Set([
  'text', 'email', 'url', 'uuid', 'password', 'color', 'path', 'filename', 'folder', 'file', 'cert', 'pkey',
  'time', 'timezone', 'date', 'buffer',
]);
const NUMBER_TYPES = new Set(['number', 'integer', 'uinteger', 'port']);

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
    checkFields(samples, spec, [], report, `the interface of '${module.id}'`);
  }
  return findings;
}

type Report = (segments: Segments, message: string, hint: string) => void;

function fieldsByName(spec: unknown[]): Map<string, JsonObject> {
  return new Map(spec.filter(isObject).filter((p) => typeof p.name === 'string').map((p) => [p.name as string, p]));
}

function checkFields(value: JsonObject, spec: unknown[], segments: Segments, report: Report, where: string): void {
  const fields = fieldsByName(spec);
  for (const [key, item] of Object.entries(value)) {
    const param = fields.get(key);
    if (!param) {
      const guess = suggest(key, [...fields.keys()]);
      report(
        [...segments, key],
        `sample key '${key}' is not declared in ${where} (declared: ${[...fields.keys()].join(', ') || 'none'})`,
        guess ? `did you mean '${guess}'?` : `declare '${key}' in the interface, or remove it from the samples`,
      );
      continue;
    }
    checkValue(item, param, [...segments, key], report);
  }
}

function checkValue(value: unknown, param: JsonObject, segments: Segments, report: Report): void {
  if (value === null || value === undefined) return;
  const type = param.type;
  const name = typeof param.name === 'string' ? `'${param.name}'` : 'the item';
  const mismatch = (wanted: string): void =>
    report(
      segments,
      `sample ${quote(value, 40)} is ${kindOf(value)}, but ${name} is declared '${String(type)}' (${wanted})`,
      `make the sample ${wanted}, or correct the type of ${name} in the interface`,
    );
  if (typeof type !== 'string') return;
  if (param.multiple === true && type !== 'array' && Array.isArray(value)) {
    value.forEach((item, index) => checkValue(item, { ...param, multiple: false }, [...segments, index], report));
    return;
  }
  if (type === 'collection') {
    if (!isObject(value)) return mismatch('an object');
    if (Array.isArray(param.spec)) checkFields(value, param.spec, segments, report, `the fields of ${name}`);
  } else if (type === 'array') {
    if (!Array.isArray(value)) return mismatch('an array');
    value.forEach((item, index) => {
      const at = [...segments, index];
      if (Array.isArray(param.spec)) {
        if (!isObject(item)) {
          report(at, `sample item ${quote(item, 40)} is ${kindOf(item)}, but the items of ${name} are collections`, `make the item an object with the fields of ${name}`);
        } else {
          checkFields(item, param.spec, at, report, `the item fields of ${name}`);
        }
      } else if (isObject(param.spec)) {
        checkValue(item, param.spec, at, report);
      }
    });
  } else if (NUMBER_TYPES.has(type)) {
    if (typeof value !== 'number') return mismatch('a number');
    if (type !== 'number' && !Number.isInteger(value)) return mismatch('a whole number');
    if (type === 'uinteger' && value < 0) return mismatch('a whole number of 0 or more');
  } else if (type === 'boolean') {
    if (typeof value !== 'boolean') return mismatch('true or false');
  } else if (TEXT_TYPES.has(type)) {
    if (typeof value !== 'string') return mismatch('a text');
  } else if (type === 'timestamp') {
    if (typeof value !== 'string' && typeof value !== 'number') return mismatch('a text or a number');
  } else if (type === 'select') {
    if (!['string', 'number', 'boolean'].includes(typeof value)) return mismatch('one of its option values');
    if (Array.isArray(param.options) && param.options.length > 0) {
      const values = param.options.filter(isObject).map((option) => option.value);
      if (!values.includes(value)) {
        report(
          segments,
          `sample ${quote(value, 40)} is not an option of ${name} (options: ${values.map((v) => JSON.stringify(v)).join(', ')})`,
          `use one of the option values, or add ${quote(value, 40)} to the options of ${name}`,
        );
      }
    }
  }
  // any, json, hidden, udt, filter and IML types: anything goes.
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (isObject(value)) return 'an object';
  if (typeof value === 'string') return 'a text';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : 'a number';
  return `a ${typeof value}`;
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
