// secret-param-password: an input named like a credential has type password, so Make does not show it in clear.
import type { Rule, RuleFinding } from '../rule';
import { jsonPath } from '../findings';
import { isSecretName } from '../support/secretNames';
import { quoteValue } from '../../../lib/values';
import { components, PARAMETER_CODES, walkParameters } from '../support/walk';

export const secretParamPassword: Rule = {
  id: 'secret-param-password',
  severity: 'error',
  description: 'an input named like a key, token, secret or password has type `password`',
  hint: 'set "type": "password" on the input',
  check(app) {
    const findings: RuleFinding[] = [];
    for (const [key, kind] of [['connections', 'connection'], ['modules', 'module'], ['rpcs', 'RPC']] as const) {
      for (const component of components(app, key)) {
        for (const code of PARAMETER_CODES) {
          const file = component.paths?.[code];
          // The interface describes outputs: a token the API returns is data, not a user's secret.
          if (code === 'interface' || typeof file !== 'string') continue;
          for (const { param, segments } of walkParameters(component.codes?.[code])) {
            if (typeof param.name !== 'string' || !isSecretName(param.name) || param.type === 'password') continue;
            findings.push({
              file,
              path: jsonPath([...segments, 'type']),
              message: `input '${param.name}' of ${kind} '${component.id}' looks like a credential but has type ${quoteValue(param.type)}, so Make shows it in clear`,
              hint: `set "type": "password" on '${param.name}'`,
            });
          }
        }
      }
    }
    return findings;
  },
};
