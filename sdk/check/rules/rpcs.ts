// rpc-unresolved: every `rpc://name` (a params root, `options`, `nested`, an `rpc.url` button, ...) names
// an RPC of the app.
import type { EmittedApp } from '../../emitted';
import { suggest } from '../../suggest';
import { jsonPath, type Finding } from '../findings';
import { appFiles, IML_CODES, stringLeaves } from './walk';

const RPC_URL = /^rpc:\/\/([^?#/\s]*)/;

export function checkRpcReferences(app: EmittedApp): Finding[] {
  const findings: Finding[] = [];
  const rpcs = Object.keys(app.rpcs ?? {});
  for (const { file, code, value } of appFiles(app)) {
    if (!IML_CODES.has(code)) continue;
    for (const { text, segments } of stringLeaves(value)) {
      const match = RPC_URL.exec(text.trim());
      if (!match || text.includes('{{')) continue;
      const name = match[1];
      if (rpcs.includes(name)) continue;
      const guess = name ? suggest(name, rpcs) : undefined;
      findings.push({
        severity: 'error',
        rule: 'rpc-unresolved',
        file,
        path: jsonPath(segments),
        message: `'${text}' names no RPC of the app (RPCs: ${rpcs.join(', ') || 'none'})`,
        hint: guess ? `did you mean 'rpc://${guess}'?` : `add an RPC with the id '${name}' to the app (rpcs/), or correct the name`,
      });
    }
  }
  return findings;
}
