// The communications whose component type Make documents directives and variables for: actions, searches and
// universal modules, RPCs, basic connections; and how messages name their owner.
import type { ComponentFiles, EmittedApp } from '../../emitted';
import { components } from './walk';

export type Kind = 'action' | 'search' | 'universal' | 'rpc' | 'connection';

export const KIND_NAMES: Readonly<Record<Kind, string>> = {
  action: 'an action',
  search: 'a search',
  universal: 'a universal module',
  rpc: 'an RPC',
  connection: 'a connection',
};

export interface TypedCommunication {
  kind: Kind;
  component: ComponentFiles;
  /** Path of the communication file. */
  file: string;
}

/** The communications whose type has a table: actions and searches, RPCs, basic connections. */
export function typedCommunications(app: EmittedApp): TypedCommunication[] {
  const found: TypedCommunication[] = [];
  const add = (component: ComponentFiles, kind: Kind | undefined): void => {
    const file = component.paths?.communication;
    if (kind && typeof file === 'string') found.push({ kind, component, file });
  };
  for (const module of components(app, 'modules')) {
    const type = module.meta?.moduleType;
    add(module, type === 'action' || type === 'search' || type === 'universal' ? type : undefined);
  }
  for (const rpc of components(app, 'rpcs')) add(rpc, 'rpc');
  // An OAuth connection's communication is a set of named requests with other variables: not covered here.
  for (const connection of components(app, 'connections')) add(connection, connection.meta?.connectionType === 'basic' ? 'connection' : undefined);
  return found;
}

/** `action 'syncContracts'`, `RPC 'listThings'`. */
export function ownerName(kind: Kind, id: string): string {
  return `${kind === 'rpc' ? 'RPC' : kind} '${id}'`;
}
