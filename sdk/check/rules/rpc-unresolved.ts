// rpc-unresolved: every `rpc://name` (a params root, `options`, `nested`, an `rpc.url` button, ...) names an RPC
// of the app.
import { suggest } from '../../suggest';
import type { Rule, RuleFinding } from '../rule';
import { jsonPath } from '../findings';
import { appFiles, IML_CODES, stringLeaves } from '../support/walk';

const RPC_URL = /^rpc:\/\/([^?#/\s]*)/;

export const rpcUnresolved: Rule = {
  id: 'rpc-unresolved',
  severity: 'error',
  description: 'every `rpc://name` (params root, `options`, `nested`, `rpc` button) names an RPC of the app',
  hint: 'add an RPC with that id to the app (rpcs/), or correct the name',
  check(app) {
    const findings: RuleFinding[] = [];
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
          file,
          path: jsonPath(segments),
          message: `'${text}' names no RPC of the app (RPCs: ${rpcs.join(', ') || 'none'})`,
          hint: guess ? `did you mean 'rpc://${guess}'?` : `add an RPC with the id '${name}' to the app (rpcs/), or correct the name`,
        });
      }
    }
    return findings;
  },
};
