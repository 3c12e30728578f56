// Make's app-review checklist (KatBen-Make cursor rules, see shared/reference/peers.md §5): search-limit-last,
// rate-limit-mapped, auth-sanitized, secret-param-password.
import type { ComponentFiles, EmittedApp } from '../../emitted';
import { jsonPath, type Finding } from '../findings';
import { components, isObject, PARAMETER_CODES, quote, requestsOf, walkParameters, type JsonObject, type Segments } from './walk';

// ---------------------------------------------------------------- search-limit-last

const COUNT_TYPES = new Set(['uinteger', 'integer', 'number']);

/** An optional maximum count: not required, a number, named `limit`/`max...` or labelled as a maximum. */
export function isLimitInput(param: JsonObject): boolean {
  if (param.required === true || !COUNT_TYPES.has(String(param.type))) return false;
  const name = typeof param.name === 'string' ? param.name : '';
  const label = typeof param.label === 'string' ? param.label : '';
  return /^(limit|max[A-Z_]\w*|maxResults|max)$/i.test(name) || /\b(max(imum|imal|\.)?|limite?)\b/i.test(label);
}

export function checkSearchLimit(app: EmittedApp): Finding[] {
  const findings: Finding[] = [];
  for (const module of components(app, 'modules')) {
    if (module.meta?.moduleType !== 'search') continue;
    // Make shows the static parameters first, then the mappable ones.
    const inputs: Array<{ param: JsonObject; file: string; index: number }> = [];
    for (const code of ['staticParams', 'mappableParams']) {
      const list = module.codes?.[code];
      const file = module.paths?.[code];
      if (!Array.isArray(list) || typeof file !== 'string') continue;
      list.forEach((param, index) => {
        if (isObject(param)) inputs.push({ param, file, index });
      });
    }
    inputs.forEach(({ param, file, index }, position) => {
      if (!isLimitInput(param) || position === inputs.length - 1) return;
      const after = inputs.slice(position + 1).map((input) => `'${String(input.param.name)}'`);
      findings.push({
        severity: 'error',
        rule: 'search-limit-last',
        file,
        path: jsonPath([index]),
        message: `the maximum count '${String(param.name)}' of search '${module.id}' is input ${position + 1} of ${inputs.length} (followed by ${after.join(', ')}); Make's review wants it last`,
        hint: `move '${String(param.name)}' to the end of the module's inputs`,
      });
    });
  }
  return findings;
}

// ---------------------------------------------------------------- rate-limit-mapped

const RATE_LIMIT = 'RateLimitError';

/** The error type a `response.error` gives a status: its own entry's type, else the generic type. */
function typeForStatus(error: unknown, status: string): { type: unknown; segments: Segments } {
  if (!isObject(error)) return { type: undefined, segments: [] };
  const entry = error[status];
  if (isObject(entry) && entry.type !== undefined) return { type: entry.type, segments: [status, 'type'] };
  return { type: error.type, segments: entry !== undefined ? [status] : [] };
}

function mapsToRateLimit(type: unknown): boolean {
  return typeof type === 'string' && (type === RATE_LIMIT || (type.includes('{{') && type.includes(RATE_LIMIT)));
}

export function checkRateLimit(app: EmittedApp): Finding[] {
  const findings: Finding[] = [];
  const baseFile = app.generalPaths?.base;
  if (typeof baseFile !== 'string') {
    findings.push({
      severity: 'error',
      rule: 'rate-limit-mapped',
      file: 'makecomapp.json',
      path: jsonPath(['generalCodeFiles', 'base']),
      message: 'the app has no base, so nothing maps HTTP 429 to RateLimitError (Make would treat it as a RuntimeError)',
      hint: 'add a base with response.error {"429": {"type": "RateLimitError", "message": "..."}}',
    });
  } else {
    const base = app.general?.base;
    const error = isObject(base) && isObject(base.response) ? base.response.error : undefined;
    const { type, segments } = typeForStatus(error, '429');
    if (!mapsToRateLimit(type)) {
      const where = error === undefined ? (isObject(base) && isObject(base.response) ? ['response'] : []) : ['response', 'error', ...segments];
      findings.push({
        severity: 'error',
        rule: 'rate-limit-mapped',
        file: baseFile,
        path: jsonPath(where),
        message: `the base maps HTTP 429 to ${type === undefined ? 'nothing (Make then raises a RuntimeError)' : quote(type)}, not to RateLimitError, so Make does not back off and retry when the API rate-limits`,
        hint: 'set response.error["429"] to {"type": "RateLimitError", "message": "<message en français>"} in the base',
      });
    }
  }
  // A module or an RPC that maps 429 itself overrides the base.
  for (const component of [...components(app, 'modules'), ...components(app, 'rpcs')]) {
    const file = component.paths?.communication;
    if (typeof file !== 'string') continue;
    for (const { request, segments } of requestsOf(component.codes?.communication)) {
      const error = isObject(request.response) ? request.response.error : undefined;
      if (!isObject(error) || error['429'] === undefined) continue;
      const mapped = typeForStatus(error, '429');
      if (mapsToRateLimit(mapped.type)) continue;
      findings.push({
        severity: 'error',
        rule: 'rate-limit-mapped',
        file,
        path: jsonPath([...segments, 'response', 'error', ...mapped.segments]),
        message: `'${component.id}' maps HTTP 429 to ${mapped.type === undefined ? 'no type (RuntimeError)' : quote(mapped.type)} instead of RateLimitError, overriding the base`,
        hint: 'use "type": "RateLimitError" for 429, or remove the entry to inherit the base mapping',
      });
    }
  }
  return findings;
}

// ---------------------------------------------------------------- auth-sanitized

const AUTH_HEADER = /^(proxy-)?authorization$|^x-?api-?key$|^api-?key$|^x-(auth|access)-token$|^x-token$|^token$/i;

/** Whether a parameter, header or field name looks like it holds a credential. */
export function isSecretName(name: string): boolean {
  const n = name.toLowerCase().replace(/[-_\s]/g, '');
  if (/(page|next|continuation|sync|cursor|csrf)token$/.test(n)) return false;
  return (
    n === 'key' ||
    /(apikey|apitoken|token|secret|password|passwd|passphrase|privatekey|accesskey|secretkey|credential|credentials|motdepasse|jeton)$/.test(n)
  );
}

function sanitizeList(request: unknown): string[] {
  const log = isObject(request) ? request.log : undefined;
  return isObject(log) && Array.isArray(log.sanitize) ? log.sanitize.filter((p): p is string => typeof p === 'string').map((p) => p.toLowerCase()) : [];
}

/** The credentials a request sends: auth headers, and secret-named query or body fields. */
function sentCredentials(request: JsonObject): Array<{ logPath: string; segments: Segments }> {
  const sent: Array<{ logPath: string; segments: Segments }> = [];
  for (const [part, test] of [
    ['headers', (key: string) => AUTH_HEADER.test(key) || isSecretName(key)],
    ['qs', isSecretName],
    ['body', isSecretName],
  ] as const) {
    const fields = request[part];
    if (!isObject(fields)) continue;
    for (const key of Object.keys(fields)) {
      if (test(key)) sent.push({ logPath: `request.${part}.${key}`, segments: [part, key] });
    }
  }
  return sent;
}

export function checkAuthSanitized(app: EmittedApp): Finding[] {
  const findings: Finding[] = [];
  const check = (request: JsonObject, segments: Segments, file: string, owner: string, inherited: string[]): void => {
    const sanitized = new Set([...inherited, ...sanitizeList(request)]);
    for (const { logPath, segments: at } of sentCredentials(request)) {
      if (sanitized.has(logPath.toLowerCase())) continue;
      findings.push({
        severity: 'error',
        rule: 'auth-sanitized',
        file,
        path: jsonPath([...segments, ...at]),
        message: `${owner} sends '${at.join('.')}' but does not sanitise it in its logs, so Make would show the credential in the execution log`,
        hint: `add "${logPath}" to log.sanitize${owner === 'the base' ? ' in the base' : ''}`,
      });
    }
  };
  const base = app.general?.base;
  const baseFile = app.generalPaths?.base;
  if (isObject(base) && typeof baseFile === 'string') check(base, [], baseFile, 'the base', []);
  const baseSanitized = sanitizeList(base);
  const each = (list: ComponentFiles[], kind: string, inherited: string[]): void => {
    for (const component of list) {
      const file = component.paths?.communication;
      if (typeof file !== 'string') continue;
      for (const { request, segments } of requestsOf(component.codes?.communication)) {
        check(request, segments, file, `${kind} '${component.id}'`, inherited);
      }
    }
  };
  // Connections do not inherit the base; modules and RPCs are merged with it, its log.sanitize included.
  each(components(app, 'connections'), 'connection', []);
  each([...components(app, 'modules'), ...components(app, 'rpcs')], 'component', baseSanitized);
  return findings;
}

// ---------------------------------------------------------------- secret-param-password

export function checkSecretParams(app: EmittedApp): Finding[] {
  const findings: Finding[] = [];
  for (const [key, kind] of [['connections', 'connection'], ['modules', 'module'], ['rpcs', 'RPC']] as const) {
    for (const component of components(app, key)) {
      for (const code of PARAMETER_CODES) {
        const file = component.paths?.[code];
        // The interface describes outputs: a token the API returns is data, not a user's secret.
        if (code === 'interface' || typeof file !== 'string') continue;
        for (const { param, segments } of walkParameters(component.codes?.[code])) {
          if (typeof param.name !== 'string' || !isSecretName(param.name) || param.type === 'password') continue;
          findings.push({
            severity: 'error',
            rule: 'secret-param-password',
            file,
            path: jsonPath([...segments, 'type']),
            message: `input '${param.name}' of ${kind} '${component.id}' looks like a credential but has type ${quote(param.type)}, so Make shows it in clear`,
            hint: `set "type": "password" on '${param.name}'`,
          });
        }
      }
    }
  }
  return findings;
}
