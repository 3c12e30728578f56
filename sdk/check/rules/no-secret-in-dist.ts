// no-secret-in-dist: a pattern scan of every emitted file for values that look like credentials. IML is
// skipped ("Bearer {{connection.apiKey}}" is how a token should travel); messages never repeat a match whole.
import type { Rule, RuleFinding } from '../rule';
import { jsonPath } from '../findings';
import { isSecretName } from '../support/secretNames';
import type { PathSegments } from '../../../lib/paths';
import { isPlainObject } from '../../../lib/values';
import { appFiles } from '../support/walk';

interface Pattern {
  what: string;
  regex: RegExp;
  /** Extra test on the match (e.g. a mix of character classes). */
  accept?: (match: string) => boolean;
}

const mixed = (text: string): boolean => /[A-Z]/.test(text) && /[a-z]/.test(text) && /[0-9]/.test(text);

export const SECRET_PATTERNS: readonly Pattern[] = [
  { what: 'a bearer token', regex: /\bBearer\s+[A-Za-z0-9._~+/-]{24,}=*/g },
  { what: 'basic credentials', regex: /\bBasic\s+[A-Za-z0-9+/]{16,}={0,2}/g },
  { what: 'a private key', regex: /-----BEGIN [A-Z ]*PRIVATE KEY-----/g },
  { what: 'a JSON Web Token', regex: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  { what: 'an AWS access key', regex: /\bAKIA[0-9A-Z]{16}\b/g },
  { what: 'a vendor API key', regex: /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}|\bgh[pousr]_[A-Za-z0-9]{30,}|\bxox[abprs]-[A-Za-z0-9-]{10,}/g },
  { what: 'a long hexadecimal literal', regex: /\b[0-9a-fA-F]{32,}\b/g },
  { what: 'a long base64 literal', regex: /[A-Za-z0-9+/_-]{40,}={0,2}/g, accept: mixed },
];

/** `abcd…(40 characters)`: enough to find it, not enough to use it. */
function masked(secret: string): string {
  return `'${secret.slice(0, 4)}…' (${secret.length} characters)`;
}

/** The credential-like values in a text, IML expressions left out. */
export function findSecrets(text: string): Array<{ what: string; match: string }> {
  const plain = text.replace(/\{\{[\s\S]*?\}\}/g, ' ');
  const found: Array<{ what: string; match: string; at: number }> = [];
  for (const { what, regex, accept } of SECRET_PATTERNS) {
    for (const m of plain.matchAll(regex)) {
      const at = m.index ?? 0;
      // One secret, one report: the first (most specific) pattern that covers it wins.
      if (found.some((f) => at < f.at + f.match.length && f.at < at + m[0].length)) continue;
      if (accept && !accept(m[0])) continue;
      found.push({ what, match: m[0], at });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ what, match }) => ({ what, match }));
}

/** A literal for a credential field: not IML, not empty, not a mask such as "****". */
function isLiteralSecret(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && !value.includes('{{') && !/^[*•x.\s-]+$/i.test(value);
}

export const noSecretInDist: Rule = {
  id: 'no-secret-in-dist',
  severity: 'error',
  description:
    'no emitted file holds a credential: `Bearer <24+ chars>`, long hex or base64 literals, JWTs, known vendor key prefixes, private keys, or a literal for a key/token/secret/password field (IML is skipped; the match is never printed whole)',
  hint: 'never write a credential into the app: read it from the connection ("{{connection.apiKey}}") or the user\'s input, and revoke this one if it is real',
  check(app) {
    const findings: RuleFinding[] = [];
    for (const { file, value } of appFiles(app)) {
      const report = (segments: PathSegments, message: string): void => {
        findings.push({ file, path: jsonPath(segments), message });
      };
      if (typeof value === 'string') {
        // README.md, function code: scanned line by line.
        value.split('\n').forEach((line, index) => {
          for (const { what, match } of findSecrets(line)) report([], `line ${index + 1} contains what looks like ${what}: ${masked(match)}`);
        });
        continue;
      }
      const visit = (node: unknown, segments: PathSegments): void => {
        if (typeof node === 'string') {
          for (const { what, match } of findSecrets(node)) report(segments, `contains what looks like ${what}: ${masked(match)}`);
        } else if (Array.isArray(node)) {
          node.forEach((item, index) => visit(item, [...segments, index]));
        } else if (isPlainObject(node)) {
          // A credential parameter with a literal default ships that credential to every user.
          const secretParameter = typeof node.name === 'string' && isSecretName(node.name) && typeof node.type === 'string';
          for (const [key, item] of Object.entries(node)) {
            if (isSecretName(key) && isLiteralSecret(item)) {
              report([...segments, key], `'${key}' holds a literal credential ${masked(item)}`);
            } else if (secretParameter && key === 'default' && isLiteralSecret(item)) {
              report([...segments, key], `parameter '${String(node.name)}' has a literal default ${masked(item)}`);
            } else {
              visit(item, [...segments, key]);
            }
          }
        }
      };
      visit(value, []);
    }
    return findings;
  },
};
