// auth-sanitized: a request that sends a credential (an Authorization or key/token header, a secret-named query
// or body field) lists it in log.sanitize, else Make shows it in the execution log.
import type { ComponentFiles } from '../../emitted';
import type { Rule, RuleFinding } from '../rule';
import { jsonPath } from '../findings';
import { isSecretName } from '../support/secretNames';
import type { PathSegments } from '../../../lib/paths';
import { isPlainObject } from '../../../lib/values';
import { components, requestsOf, type JsonObject } from '../support/walk';

const AUTH_HEADER = /^(proxy-)?authorization$|^x-?api-?key$|^api-?key$|^x-(auth|access)-token$|^x-token$|^token$/i;

export const authSanitized: Rule = {
  id: 'auth-sanitized',
  severity: 'error',
  description:
    'a base, connection, module or RPC that sends an `Authorization` (or key/token) header, or a secret-named query or body field, lists it in `log.sanitize`',
  hint: 'add the credential\'s request path (e.g. "request.headers.authorization") to log.sanitize',
  check(app) {
    const findings: RuleFinding[] = [];
    const check = (request: JsonObject, segments: PathSegments, file: string, owner: string, inherited: string[]): void => {
      const sanitized = new Set([...inherited, ...sanitizeList(request)]);
      for (const { logPath, segments: at } of sentCredentials(request)) {
        if (sanitized.has(logPath.toLowerCase())) continue;
        findings.push({
          file,
          path: jsonPath([...segments, ...at]),
          message: `${owner} sends '${at.join('.')}' but does not sanitise it in its logs, so Make would show the credential in the execution log`,
          hint: `add "${logPath}" to log.sanitize${owner === 'the base' ? ' in the base' : ''}`,
        });
      }
    };
    const base = app.general?.base;
    const baseFile = app.generalPaths?.base;
    if (isPlainObject(base) && typeof baseFile === 'string') check(base, [], baseFile, 'the base', []);
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
  },
};

function sanitizeList(request: unknown): string[] {
  const log = isPlainObject(request) ? request.log : undefined;
  return isPlainObject(log) && Array.isArray(log.sanitize) ? log.sanitize.filter((p): p is string => typeof p === 'string').map((p) => p.toLowerCase()) : [];
}

/** The credentials a request sends: auth headers, and secret-named query or body fields. */
function sentCredentials(request: JsonObject): Array<{ logPath: string; segments: PathSegments }> {
  const sent: Array<{ logPath: string; segments: PathSegments }> = [];
  for (const [part, test] of [
    ['headers', (key: string) => AUTH_HEADER.test(key) || isSecretName(key)],
    ['qs', isSecretName],
    ['body', isSecretName],
  ] as const) {
    const fields = request[part];
    if (!isPlainObject(fields)) continue;
    for (const key of Object.keys(fields)) {
      if (test(key)) sent.push({ logPath: `request.${part}.${key}`, segments: [part, key] });
    }
  }
  return sent;
}
