// A Make parameter list (inputs, an interface, connection params) as a flat list of fields, each at the place where
// its value lives: `contrats` for a top field, `contrats[].dateDebut` for a field of an array's items,
// `compteurs.acceptees` for a field of a collection, `tags[]` for the items of an array of plain values. A field
// nested under a select's option (or under a parameter's own `nested`) sits beside its select, as Make stores its
// value, with the condition that shows it. The comparison of two apps and the generated docs both read this.
import { isPlainObject } from '../../lib/values';

export interface ParameterField {
  /** Unique in its list: the path, plus the condition when there is one. */
  key: string;
  /** Where the value is: `contrats[].dateDebut`. */
  path: string;
  /** What shows the field, when it is nested under an option or a parameter: `searchBy = 'email'`. */
  condition?: string;
  /** The field whose change covers this one's: its container, or the select it is nested under. */
  parentKey?: string;
  /** When nested under a select's option: that select's key and path, and the option's value. */
  option?: { selectKey: string; selectPath: string; value: unknown };
  /** When nested under a parameter's own `nested` (shown once it has a value): that parameter's path. */
  nestedIn?: string;
  /** The fields that share a place: same container, same condition. */
  group: string;
  /** The field's place among its group. */
  index: number;
  /** 0 for a top field. */
  depth: number;
  /** The parameter spec as emitted (its `spec`, `options` and `nested` included). */
  param: Record<string, unknown>;
}

/**
 * Every field of a parameter list, parents before their children. Anything that is not a list of parameter
 * objects (an `rpc://` string, a missing code) gives no field: the callers compare such lists as a whole.
 */
export function parameterFields(list: unknown): ParameterField[] {
  const fields: ParameterField[] = [];
  if (Array.isArray(list)) walkList(list, { prefix: '', depth: 0 }, fields);
  return fields;
}

/** Whether the list can be read field by field (a list of parameters, not an `rpc://` source). */
export function isParameterList(list: unknown): list is unknown[] {
  return Array.isArray(list);
}

interface Place {
  /** What the paths of this list start with: '', `contrats[].`, `compteurs.`. */
  prefix: string;
  depth: number;
  condition?: string;
  parentKey?: string;
  option?: { selectKey: string; selectPath: string; value: unknown };
  nestedIn?: string;
}

function walkList(list: unknown[], place: Place, out: ParameterField[]): void {
  let index = 0;
  for (const param of list) {
    if (!isPlainObject(param) || typeof param.name !== 'string' || param.name === '') continue;
    addField(param, place.prefix + param.name, index, place, out);
    index += 1;
  }
}

function addField(param: Record<string, unknown>, path: string, index: number, place: Place, out: ParameterField[]): void {
  const key = place.condition === undefined ? path : `${path} (when ${place.condition})`;
  out.push({
    key,
    path,
    ...(place.condition === undefined ? {} : { condition: place.condition }),
    ...(place.parentKey === undefined ? {} : { parentKey: place.parentKey }),
    ...(place.option === undefined ? {} : { option: place.option }),
    ...(place.nestedIn === undefined ? {} : { nestedIn: place.nestedIn }),
    group: `${place.prefix}|${place.condition ?? ''}`,
    index,
    depth: place.depth,
    param,
  });
  const inner = { depth: place.depth + 1, condition: place.condition, parentKey: key };
  const spec = param.spec;
  if (param.type === 'collection' && Array.isArray(spec)) {
    walkList(spec, { ...inner, prefix: `${path}.` }, out);
  } else if (Array.isArray(spec)) {
    // An array whose items are collections, written as the list of the item's fields.
    walkList(spec, { ...inner, prefix: `${path}[].` }, out);
  } else if (isPlainObject(spec)) {
    if (spec.type === 'collection' && Array.isArray(spec.spec)) walkList(spec.spec, { ...inner, prefix: `${path}[].` }, out);
    else addField(spec, `${path}[]`, 0, { ...inner, prefix: `${path}[]` }, out);
  }
  // Nested fields sit beside the parameter that shows them (Make keeps their values at the same level).
  const beside = (condition: string, shownBy: Pick<Place, 'option' | 'nestedIn'>): Place => ({
    prefix: place.prefix,
    depth: place.depth + 1,
    condition: place.condition === undefined ? condition : `${place.condition}, ${condition}`,
    parentKey: key,
    ...shownBy,
  });
  if (Array.isArray(param.options)) {
    for (const option of param.options) {
      if (isPlainObject(option) && Array.isArray(option.nested)) {
        walkList(option.nested, beside(`${path} = ${showOption(option.value)}`, { option: { selectKey: key, selectPath: path, value: option.value } }), out);
      }
    }
  }
  if (Array.isArray(param.nested)) walkList(param.nested, beside(`${path} is filled`, { nestedIn: path }), out);
}

function showOption(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

/** A select's static options (`[{label, value}]`); undefined for options from an RPC or none. */
export function staticOptions(param: Record<string, unknown>): Array<{ label?: string; value: unknown }> | undefined {
  if (!Array.isArray(param.options)) return undefined;
  return param.options.filter(isPlainObject).map((o) => ({ ...(typeof o.label === 'string' ? { label: o.label } : {}), value: o.value }));
}

/** The RPC a select's options (or a parameter list) come from: `rpc://listLearners` → `listLearners`. */
export function rpcSource(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^rpc:\/\/([A-Za-z0-9_-]+)/.exec(value);
  return match?.[1];
}
