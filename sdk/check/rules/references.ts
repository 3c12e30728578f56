// Every `parameters.x` an IML string reads is declared where Make will look for it, and every
// `connection.x` is a connection parameter (or data the connection saves).
import type { ComponentFiles, EmittedApp } from '../../emitted';
import { collectReferences, ImlError } from '../../iml';
import { collectImlStrings } from '../imlStrings';
import { jsonPath, type Finding } from '../findings';

interface Scope {
  /** What `parameters.*` may name here (undefined: not knowable here, as in the base shared by all modules). */
  parameters?: Set<string>;
  /** What `connection.*` may name here (undefined: `connection` is not available). */
  connection?: Set<string>;
  /** How to tell the user where the names come from. */
  parametersSource: string;
}

export function checkReferences(app: EmittedApp): Finding[] {
  const findings: Finding[] = [];
  const connectionNames = (id: unknown): Set<string> | undefined => {
    const connection = typeof id === 'string' ? app.connections[id] : undefined;
    return connection ? connectionFields(connection) : undefined;
  };

  for (const connection of Object.values(app.connections)) {
    findings.push(
      ...checkFile(connection, 'communication', {
        parameters: declaredNames(connection.codes.params),
        parametersSource: `the params of connection '${connection.id}'`,
      }),
    );
  }
  const allConnections = new Set(Object.values(app.connections).flatMap((c) => [...connectionFields(c)]));
  if (app.generalPaths.base) {
    findings.push(
      ...checkValue(app.general.base, app.generalPaths.base, {
        connection: allConnections,
        parametersSource: 'the module using the base',
      }),
    );
  }
  for (const component of [...Object.values(app.modules), ...Object.values(app.rpcs)]) {
    findings.push(
      ...checkFile(component, 'communication', {
        parameters: new Set([
          ...declaredNames(component.codes.staticParams),
          ...declaredNames(component.codes.mappableParams),
          ...declaredNames(component.codes.params),
        ]),
        connection: connectionNames(component.meta.connection),
        parametersSource: `the inputs of '${component.id}'`,
      }),
    );
  }
  return findings;
}

function checkFile(component: ComponentFiles, code: string, scope: Scope): Finding[] {
  const path = component.paths[code];
  return path ? checkValue(component.codes[code], path, scope) : [];
}

function checkValue(value: unknown, file: string, scope: Scope): Finding[] {
  const findings: Finding[] = [];
  for (const { template, segments } of collectImlStrings(value)) {
    let references: ReturnType<typeof collectReferences>;
    try {
      references = collectReferences(template);
    } catch (error) {
      if (error instanceof ImlError) continue; // reported by the IML syntax rule
      throw error;
    }
    for (const { path: [root, name] } of references) {
      if (name === undefined) continue;
      if (root === 'parameters' && scope.parameters && !scope.parameters.has(name)) {
        findings.push({
          severity: 'error',
          rule: 'iml-undeclared-parameter',
          file,
          path: jsonPath(segments),
          message: `'parameters.${name}' is used but not declared in ${scope.parametersSource}`,
          hint: `declare a parameter named '${name}', or correct the name (declared: ${[...scope.parameters].join(', ') || 'none'})`,
        });
      }
      if (root === 'connection' && scope.connection && !scope.connection.has(name)) {
        findings.push({
          severity: 'error',
          rule: 'iml-undeclared-connection-field',
          file,
          path: jsonPath(segments),
          message: `'connection.${name}' is neither a connection parameter nor data the connection saves`,
          hint: `add '${name}' to the connection's params or response.data (known: ${[...scope.connection].join(', ')})`,
        });
      }
    }
  }
  return findings;
}

/** Names a parameter list puts in `parameters`: top-level ones and those nested under select options. */
export function declaredNames(list: unknown): Set<string> {
  const names = new Set<string>();
  const visit = (params: unknown): void => {
    if (!Array.isArray(params)) return;
    for (const param of params as Array<Record<string, unknown>>) {
      if (typeof param?.name === 'string') names.add(param.name);
      visit(param?.nested);
      if (Array.isArray(param?.options)) {
        for (const option of param.options as Array<Record<string, unknown>>) visit(option?.nested);
      }
    }
  };
  visit(list);
  return names;
}

function connectionFields(connection: ComponentFiles): Set<string> {
  const names = declaredNames(connection.codes.params);
  const requests = ([] as unknown[]).concat(connection.codes.communication ?? []);
  for (const request of requests as Array<{ response?: { data?: Record<string, unknown> } }>) {
    for (const key of Object.keys(request?.response?.data ?? {})) names.add(key);
  }
  return names;
}
