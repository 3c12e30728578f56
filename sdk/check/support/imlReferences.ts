// What each IML string reads from `parameters` and `connection`, with what may be read there: the inputs of the
// component (or the connection's params), and the connection's params and saved data.
import type { ComponentFiles, EmittedApp } from '../../emitted';
import { collectReferences, ImlError } from '../../iml';
import { collectImlStrings } from '../imlStrings';
import type { PathSegments } from '../../../lib/paths';

export interface ReferenceScope {
  /** What `parameters.*` may name here (undefined: not knowable here, as in the base shared by all modules). */
  parameters?: Set<string>;
  /** What `connection.*` may name here (undefined: `connection` is not available). */
  connection?: Set<string>;
  /** How to tell the user where the names come from. */
  parametersSource: string;
}

export interface ImlReference {
  file: string;
  segments: PathSegments;
  /** `parameters` or `connection`. */
  root: string;
  /** The key read under the root: `contrats` of `parameters.contrats`. */
  name: string;
  scope: ReferenceScope;
}

/** Every `<root>.<name>` an IML string of the connections, the base, the modules and the RPCs reads. */
export function imlReferences(app: EmittedApp): ImlReference[] {
  const found: ImlReference[] = [];
  const connectionNames = (id: unknown): Set<string> | undefined => {
    const connection = typeof id === 'string' ? app.connections[id] : undefined;
    return connection ? connectionFields(connection) : undefined;
  };
  for (const connection of Object.values(app.connections)) {
    found.push(
      ...referencesInCode(connection, 'communication', {
        parameters: declaredNames(connection.codes.params),
        parametersSource: `the params of connection '${connection.id}'`,
      }),
    );
  }
  const allConnections = new Set(Object.values(app.connections).flatMap((c) => [...connectionFields(c)]));
  if (app.generalPaths.base) {
    found.push(
      ...referencesIn(app.general.base, app.generalPaths.base, {
        connection: allConnections,
        parametersSource: 'the module using the base',
      }),
    );
  }
  for (const component of [...Object.values(app.modules), ...Object.values(app.rpcs)]) {
    found.push(
      ...referencesInCode(component, 'communication', {
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
  return found;
}

function referencesInCode(component: ComponentFiles, code: string, scope: ReferenceScope): ImlReference[] {
  const path = component.paths[code];
  return path ? referencesIn(component.codes[code], path, scope) : [];
}

function referencesIn(value: unknown, file: string, scope: ReferenceScope): ImlReference[] {
  const found: ImlReference[] = [];
  for (const { template, segments } of collectImlStrings(value)) {
    let references: ReturnType<typeof collectReferences>;
    try {
      references = collectReferences(template);
    } catch (error) {
      if (error instanceof ImlError) continue; // reported by iml-syntax
      throw error;
    }
    for (const { path: [root, name] } of references) {
      if (name !== undefined) found.push({ file, segments, root, name, scope });
    }
  }
  return found;
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
