// A request body checked by its API schema (api/schemas, the schemas the Make app is built from), each problem
// said in French with its place (`data[2].dateFin`) and what is expected. What a schema cannot say (a date that
// does not exist, an end before its start, an unknown learner) the endpoint checks after this, and its problems
// join these in the same order.

import type { ErrorObject, ValidateFunction } from 'ajv';
import { apiSchema, apiSchemas } from '../api/schemas';
import { compileApiSchema } from '../api/schemas/validator';
import { humanPath, pointerSegments, type PathSegments } from '../lib/paths';
import { isPlainObject, showValue } from '../lib/values';

/** A field the body has but the schema does not know, a field the body lacks, or a value that is wrong. */
export type ProblemKind = 'unknown' | 'missing' | 'value';

export interface BodyProblem {
  segments: PathSegments;
  /** The place as a person reads it: `data[2].dateFin`. */
  where: string;
  kind: ProblemKind;
  /** The French line: the place, what is wrong, what is expected. */
  message: string;
}

/** The schema of one place of the body (a property, an item), as the schema file writes it. */
export type SchemaNode = Record<string, unknown>;

/** The line about a place: its name as a person reads it, its value, and its schema. */
export type Say = (where: string, value: unknown, schema: SchemaNode) => string;

/**
 * How the problems of some places are said, where the generic wording does not fit. Keyed by place, `*`
 * standing for any row (`data.*.dateFin`, `''` for the body itself); for each place, by problem: `missing`,
 * `invalid` (any wrong value), or a JSON Schema keyword (`format`...), which wins over `invalid`.
 */
export type Wording = Record<string, Partial<Record<string, Say>>>;

const KIND_ORDER: Record<ProblemKind, number> = { unknown: 0, missing: 1, value: 2 };

export class BodySchema {
  private validator: ValidateFunction | undefined;
  private readonly fieldRanks: Map<string, number>;

  constructor(
    private readonly id: string,
    private readonly wording: Wording = {},
  ) {
    this.fieldRanks = fieldRanks(apiSchema(id));
  }

  /** The body's problems by the schema, one per place. */
  problems(body: unknown): BodyProblem[] {
    this.validator ??= compileApiSchema(this.id);
    this.validator(body);
    const found = new Map<string, BodyProblem>();
    for (const error of this.validator.errors ?? []) {
      const problem = this.problemOf(error, body);
      const key = `${problem.kind} ${problem.where}`;
      if (!found.has(key)) found.set(key, problem); // the first reason a value is wrong is enough
    }
    return [...found.values()];
  }

  /**
   * The problems in the order a person reads the body: place by place, in the schema's order of fields and the
   * rows' order; at one place, its unknown fields, then its missing ones, then its values.
   */
  ordered(problems: readonly BodyProblem[]): BodyProblem[] {
    return [...problems].sort((a, b) => this.compare(a, b));
  }

  private problemOf(error: ErrorObject, body: unknown): BodyProblem {
    const at = pointerSegments(error.instancePath, body);
    // The schema of the place: the schema path without its keyword.
    const node = schemaAt(apiSchema(this.id), error.schemaPath.slice(0, error.schemaPath.lastIndexOf('/')));
    if (error.keyword === 'required' || error.keyword === 'additionalProperties') {
      const missing = error.keyword === 'required';
      const field = String(missing ? error.params.missingProperty : error.params.additionalProperty);
      const segments = [...at, field];
      const where = humanPath(segments);
      const properties = isPlainObject(node.properties) ? node.properties : {};
      const message = missing
        ? (this.say(segments, 'missing') ?? GENERIC_MISSING)(where, undefined, nodeOf(properties[field]))
        : `${where} : champ inconnu (attendus : ${Object.keys(properties).join(', ')}).`;
      return { segments, where, kind: missing ? 'missing' : 'unknown', message };
    }
    const where = humanPath(at);
    const say = this.say(at, error.keyword) ?? this.say(at, 'invalid') ?? genericWording(error);
    return { segments: at, where, kind: 'value', message: say(where || 'le corps de la requête', valueAt(body, at), node) };
  }

  private say(segments: PathSegments, problem: string): Say | undefined {
    const place = segments.map((segment) => (typeof segment === 'number' ? '*' : segment)).join('.');
    return this.wording[place]?.[problem];
  }

  private compare(a: BodyProblem, b: BodyProblem): number {
    const length = Math.max(a.segments.length, b.segments.length);
    for (let i = 0; i < length; i++) {
      if (i >= a.segments.length) return -1;
      if (i >= b.segments.length) return 1;
      const x = a.segments[i];
      const y = b.segments[i];
      if (x === y) continue;
      if (typeof x === 'number' && typeof y === 'number') return x - y;
      const kindX = KIND_ORDER[i === a.segments.length - 1 ? a.kind : 'value'];
      const kindY = KIND_ORDER[i === b.segments.length - 1 ? b.kind : 'value'];
      // Fields the schema does not know keep the body's order.
      return kindX - kindY || this.rank(x) - this.rank(y);
    }
    return 0;
  }

  private rank(segment: string | number): number {
    return this.fieldRanks.get(String(segment)) ?? this.fieldRanks.size;
  }
}

const GENERIC_MISSING: Say = (where) => `${where} : champ obligatoire manquant.`;

const TYPE_NAMES: Record<string, string> = {
  string: 'un texte',
  boolean: 'un booléen (true ou false)',
  array: 'un tableau',
  object: 'un objet',
  number: 'un nombre',
  integer: 'un nombre entier',
};

function genericWording(error: ErrorObject): Say {
  switch (error.keyword) {
    case 'type': {
      const expected = TYPE_NAMES[String(error.params.type)] ?? String(error.params.type);
      return (where, value) => `${where} : ${expected} est attendu, reçu ${showValue(value)}.`;
    }
    case 'minLength':
      return (where, value) => `${where} : ne doit pas être vide (reçu ${showValue(value)}).`;
    case 'enum': {
      const accepted = (error.params.allowedValues as unknown[]).join(' ou ');
      return (where, value) => `${where} : ${showValue(value)} n'est pas une valeur acceptée (${accepted}).`;
    }
    case 'format':
      return error.params.format === 'email'
        ? (where, value) => `${where} : ${showValue(value)} n'est pas une adresse email valide.`
        : (where, value) => `${where} : ${showValue(value)} n'a pas le format attendu (${String(error.params.format)}).`;
    case 'pattern':
      return (where, value) => `${where} : ${showValue(value)} n'a pas le format attendu.`;
    default:
      return (where, value) => `${where} : ${showValue(value)} est refusé (${error.message ?? error.keyword}).`;
  }
}

/** Field names in the order the schema first writes them, through properties and items. */
function fieldRanks(schema: unknown, ranks = new Map<string, number>()): Map<string, number> {
  if (!isPlainObject(schema)) return ranks;
  if (isPlainObject(schema.properties)) {
    for (const [name, property] of Object.entries(schema.properties)) {
      if (!ranks.has(name)) ranks.set(name, ranks.size);
      fieldRanks(property, ranks);
    }
  }
  fieldRanks(schema.items, ranks);
  return ranks;
}

/** The node a schema path names: `#/properties/data/items` in the schema file, or `<$id>/properties/...` in the API
 * schema a `$ref` reached (ajv's path for it); {} for a schema that is not an API schema. */
function schemaAt(schema: SchemaNode, path: string): SchemaNode {
  if (path.startsWith('#')) return nodeOf(valueAt(schema, pointerSegments(path.slice(1), schema)));
  const [, id, pointer] = /^([^#/]+)#?(.*)$/.exec(path) ?? [];
  const referenced = id === undefined ? undefined : apiSchemas[id];
  return referenced === undefined ? {} : nodeOf(valueAt(referenced, pointerSegments(pointer, referenced)));
}

function nodeOf(value: unknown): SchemaNode {
  return isPlainObject(value) ? value : {};
}

function valueAt(document: unknown, segments: PathSegments): unknown {
  let value = document;
  for (const segment of segments) {
    value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[segment] : undefined;
  }
  return value;
}

/** A problem found by the endpoint's own checks, about the value at a place of the body. */
export function valueProblem(segments: PathSegments, message: string): BodyProblem {
  return { segments, where: humanPath(segments), kind: 'value', message };
}
