// The endpoint table as docs/api.md shows it (a test keeps the two equal), written from ENDPOINTS and SOURCES.
import { ENDPOINTS, SOURCES } from './endpoints';

type SourceKey = keyof typeof SOURCES;

const SOURCE_KEYS = Object.keys(SOURCES) as SourceKey[];

function sourceKey(source: string): SourceKey {
  const key = SOURCE_KEYS.find((k) => SOURCES[k] === source);
  if (key === undefined) throw new Error(`endpoint source '${source}' is not one of SOURCES`);
  return key;
}

/** One row per endpoint (its name in ENDPOINTS, method, path, purpose, sources by key), then the sources. */
export function endpointsTable(): string {
  const rows = Object.entries(ENDPOINTS).map(([name, endpoint]) => {
    const sources = endpoint.sources.map((s) => sourceKey(s)).join(', ');
    return `| \`${name}\` | ${endpoint.method} | \`${endpoint.path}\` | ${endpoint.purpose.replace(/\|/g, '\\|')} | ${sources} |`;
  });
  const legend = SOURCE_KEYS.map((key) => `- \`${key}\`: ${SOURCES[key]}`);
  return ['| name | method | path | purpose | sources |', '|---|---|---|---|---|', ...rows, '', 'Sources:', '', ...legend].join('\n');
}
