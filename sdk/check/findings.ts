// One finding of a check, printed as `<severity> <rule-id> <file>:<json-path> <message> (fix: <hint>)`.

export type Severity = 'error' | 'warning';

export interface Finding {
  severity: Severity;
  rule: string;
  /** Path of the emitted file, relative to the app root (dist/). */
  file: string;
  /** JSONPath-like location inside the file, e.g. `$.response.error.401.type`. */
  path: string;
  message: string;
  hint: string;
}

export function formatFinding(finding: Finding): string {
  return `${finding.severity} ${finding.rule} ${finding.file}:${finding.path} ${finding.message} (fix: ${finding.hint})`;
}

export function hasErrors(findings: Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** `$` + keys and 0-based indexes: `$.response.error["401"]` is written `$.response.error.401`. */
export function jsonPath(segments: Array<string | number>): string {
  return segments.reduce<string>(
    (path, segment) =>
      typeof segment === 'number'
        ? `${path}[${segment}]`
        : /^[A-Za-z0-9_$-]+$/.test(segment)
          ? `${path}.${segment}`
          : `${path}[${JSON.stringify(segment)}]`,
    '$',
  );
}
