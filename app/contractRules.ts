// The rules Campus Skills enforces on a list of contracts (reference: campus-skills-api.md, "Rules the
// platform enforces"). Pure functions, no I/O: the sandbox uses them to accept or reject a sync, and the
// app can use them to check a list before sending it.
//
// The contract's fields come from ONE place, app/schemas/contrat.schema.json. Everything here is derived
// from it: the per-contract validation (ajv), the users' roles (a `code<X>` property with a matching
// `email<X>` property), the labels in messages (the properties' titles) and the order of fields.
// Only the rules themselves name fields (the four pairs of rule 3, the two dates of rule 4), and those
// names are checked against the schema when this module loads.

import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import contratSchemaJson from './schemas/contrat.schema.json';
import { EMAILS_ARE_CASE_INSENSITIVE } from './constants';

export type ContractRule = 'schema' | 'unique-user-id' | 'unique-email' | 'one-to-one' | 'date' | 'unique-contract';

export interface ContractViolation {
  /** 0-based position of the contract in the list. */
  index: number;
  /** The contract's codeContrat, when it has a usable one. */
  codeContrat?: string;
  /** The field at fault ('' when the row itself is wrong, e.g. not an object). */
  field: string;
  rule: ContractRule;
  /** French, for people: names the row (`contrats[<index+1>].<field>`) and the value. */
  message: string;
  /** The same message without the row prefix (e.g. for `"<field>: <detail>"` lists). */
  detail: string;
}

export interface CheckContractsOptions {
  /**
   * How a row is named in messages, from its 0-based index. Default `contrats[<index+1>]`, the name a
   * Make user sees for the `contrats` array parameter.
   */
  rowLabel?: (index: number) => string;
}

// ------------------------------------------------------------------------------------------ schema

interface PropertySchema {
  type?: string;
  title?: string;
  pattern?: string;
  format?: string;
  minLength?: number;
}

interface ObjectSchema {
  properties: Record<string, PropertySchema>;
  required: string[];
}

/** The contract's JSON Schema, the single source of its fields. */
export const contratSchema = contratSchemaJson as unknown as ObjectSchema & Record<string, unknown>;

/** The contract's fields, in the schema's order. */
export const CONTRACT_FIELDS: readonly string[] = Object.keys(contratSchema.properties);

const FIELD_ORDER = new Map<string, number>(CONTRACT_FIELDS.map((field, i) => [field, i]));

function requireField(field: string): string {
  if (!FIELD_ORDER.has(field)) {
    throw new Error(`contractRules: the contract schema has no field "${field}"`);
  }
  return field;
}

const CONTRACT_ID_FIELD = requireField('codeContrat');

/** A user's role: a `code<X>` property whose `email<X>` sibling exists in the schema. */
interface Role {
  codeField: string;
  emailField: string;
  /** e.g. "apprenant", from the code field's title "Code de l'apprenant". */
  label: string;
}

/** Strips "Code du " / "Code de l'" / "Code de la " from a title, keeping what the code identifies. */
function entityLabel(codeField: string): string {
  const title = contratSchema.properties[codeField]?.title ?? codeField;
  return title.replace(/^Code (?:de la |de l'|du |des |de )/i, '');
}

const ROLES: readonly Role[] = CONTRACT_FIELDS.flatMap((field) => {
  const match = /^code(.+)$/.exec(field);
  if (!match) return [];
  const emailField = `email${match[1]}`;
  return FIELD_ORDER.has(emailField) ? [{ codeField: field, emailField, label: entityLabel(field) }] : [];
});

/** Rule 3: these entities' code/name pairs are one-to-one (the platform's wording: site, période, formation, année). */
const ONE_TO_ONE_ENTITIES = ['Site', 'Periode', 'Annee', 'Formation'] as const;
const ONE_TO_ONE_PAIRS = ONE_TO_ONE_ENTITIES.map((entity) => ({
  codeField: requireField(`code${entity}`),
  nameField: requireField(`nom${entity}`),
  label: entityLabel(`code${entity}`),
}));

/** Rule 4: the contract's dates. */
const START_DATE_FIELD = requireField('dateDebut');
const END_DATE_FIELD = requireField('dateFin');

export function normaliseEmail(email: string): string {
  return EMAILS_ARE_CASE_INSENSITIVE ? email.trim().toLowerCase() : email;
}

/** Every `x-...` annotation keyword the schema uses, so that ajv's strict mode accepts them. */
function annotationKeywords(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) annotationKeywords(item, found);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) found.add(key);
      annotationKeywords(value, found);
    }
  }
  return found;
}

/**
 * ajv measures `minLength` in Unicode code points by default, through a helper that walks every string:
 * most of the validation time on large lists. When the schema's only length rules are "not empty"
 * (`minLength` 0 or 1, no `maxLength`), the plain UTF-16 length gives the same answer, so `unicode: false`
 * is used; ajv flags that option as deprecated, and that one notice is silenced.
 */
const LENGTH_RULES_ARE_EMPTINESS_ONLY = Object.values(contratSchema.properties).every(
  (property) => (property.minLength ?? 0) <= 1 && (property as { maxLength?: number }).maxLength === undefined,
);

const ajvLogger = {
  log: (...args: unknown[]) => console.log(...args),
  warn: (...args: unknown[]) => {
    if (!String(args[0]).startsWith('DEPRECATED: option unicode')) console.warn(...args);
  },
  error: (...args: unknown[]) => console.error(...args),
};

function compileContractValidator(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, unicode: !LENGTH_RULES_ARE_EMPTINESS_ONLY, logger: ajvLogger });
  addFormats(ajv);
  for (const keyword of annotationKeywords(contratSchema)) ajv.addKeyword(keyword);
  return ajv.compile(contratSchema);
}

const validateContract = compileContractValidator();

// ------------------------------------------------------------------------------------------ dates

/** Days per month, February on a non-leap year. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Whether day/month/year names a real calendar day. */
export function isRealDate(day: number, month: number, year: number): boolean {
  if (!Number.isInteger(day) || !Number.isInteger(month) || !Number.isInteger(year)) return false;
  if (month < 1 || month > 12 || day < 1 || year < 1) return false;
  const days = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  return day <= days;
}

/** The value of `length` ASCII digits of `text` from `start`, or -1 if one is not a digit. */
function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Reads `DD/MM/YYYY` as a sortable number (YYYYMMDD). Undefined when the text does not have that shape;
 * null when it has the shape but names no real day (`31/02/2025`, `00/13/2025`).
 */
export function frenchDateKey(text: string): number | null | undefined {
  if (text.length !== 10 || text.charCodeAt(2) !== 47 || text.charCodeAt(5) !== 47) return undefined;
  const day = digitsAt(text, 0, 2);
  const month = digitsAt(text, 3, 2);
  const year = digitsAt(text, 6, 4);
  if (day < 0 || month < 0 || year < 0) return undefined;
  return isRealDate(day, month, year) ? year * 10000 + month * 100 + day : null;
}

/** Parses `DD/MM/YYYY` into a sortable number (YYYYMMDD), or null when malformed or not a real day. */
export function parseFrenchDate(text: string): number | null {
  return frenchDateKey(text) ?? null;
}

// ------------------------------------------------------------------------------------------ messages

/**
 * A value as it appears in a message: JSON, shortened when long. Never throws: a value JSON cannot
 * show (nested too deeply for the stack, a BigInt, a cycle) is named by its kind, e.g. `[object Array]`,
 * because `String(value)` would recurse the same way.
 */
export function showValue(value: unknown): string {
  let text: string;
  if (value === undefined) text = 'undefined';
  else {
    try {
      text = JSON.stringify(value) ?? Object.prototype.toString.call(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

const RULE_ORDER: Record<ContractRule, number> = {
  schema: 0,
  date: 1,
  'unique-contract': 2,
  'unique-user-id': 3,
  'unique-email': 4,
  'one-to-one': 5,
};

function fieldOrder(field: string): number {
  if (field === '') return -1;
  return FIELD_ORDER.get(field) ?? CONTRACT_FIELDS.length;
}

function compareViolations(a: ContractViolation, b: ContractViolation): number {
  return (
    a.index - b.index ||
    RULE_ORDER[a.rule] - RULE_ORDER[b.rule] ||
    fieldOrder(a.field) - fieldOrder(b.field) ||
    (a.field < b.field ? -1 : a.field > b.field ? 1 : 0) ||
    (a.detail < b.detail ? -1 : a.detail > b.detail ? 1 : 0)
  );
}

function fieldTitle(field: string): string {
  const title = contratSchema.properties[field]?.title;
  return title ? ` (${title})` : '';
}

/** The French detail of one ajv error on a contract. */
function schemaErrorDetail(error: ErrorObject, candidate: unknown): { field: string; detail: string } {
  const pathField = error.instancePath.split('/')[1] ?? '';
  const row = (candidate ?? {}) as Record<string, unknown>;
  const value = pathField ? row[pathField] : candidate;
  switch (error.keyword) {
    case 'required': {
      const field = String((error.params as { missingProperty: string }).missingProperty);
      return { field, detail: `champ obligatoire manquant${fieldTitle(field)}.` };
    }
    case 'additionalProperties': {
      const field = String((error.params as { additionalProperty: string }).additionalProperty);
      return { field, detail: `champ inconnu (valeur ${showValue(row[field])}) : vérifiez son nom.` };
    }
    case 'type':
      return {
        field: pathField,
        detail: pathField
          ? `doit être une chaîne de caractères, reçu ${showValue(value)}.`
          : `un contrat doit être un objet, reçu ${showValue(value)}.`,
      };
    case 'minLength':
      return { field: pathField, detail: `ne doit pas être vide (reçu ${showValue(value)}).` };
    case 'pattern':
      return {
        field: pathField,
        detail:
          pathField === START_DATE_FIELD || pathField === END_DATE_FIELD
            ? `la valeur ${showValue(value)} n'est pas une date au format JJ/MM/AAAA.`
            : `la valeur ${showValue(value)} n'a pas le format attendu.`,
      };
    case 'format':
      return {
        field: pathField,
        detail:
          (error.params as { format?: string }).format === 'email'
            ? `la valeur ${showValue(value)} n'est pas une adresse email valide.`
            : `la valeur ${showValue(value)} n'a pas le format attendu.`,
      };
    default:
      return { field: pathField, detail: `la valeur ${showValue(value)} est invalide (${error.message ?? error.keyword}).` };
  }
}

// ------------------------------------------------------------------------------------------ the check

/** A usable string value of a field: a non-empty string, else undefined (its schema error says why). */
function text(row: Record<string, unknown>, field: string): string | undefined {
  const value = row[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

interface UserSeen {
  index: number;
  role: Role;
}

interface EmailSeen {
  index: number;
  role: Role;
  code: string;
}

interface PairSeen {
  index: number;
  other: string;
}

/** Collects violations for one list; rows are named lazily, only when a violation needs it. */
class ViolationList {
  readonly items: ContractViolation[] = [];
  constructor(private readonly rowLabel: (index: number) => string) {}

  add(index: number, codeContrat: string | undefined, field: string, rule: ContractRule, detail: string): void {
    const label = this.rowLabel(index);
    const message = `${field ? `${label}.${field}` : label} : ${detail}`;
    this.items.push(
      codeContrat === undefined ? { index, field, rule, message, detail } : { index, codeContrat, field, rule, message, detail },
    );
  }

  label(index: number): string {
    return this.rowLabel(index);
  }

  where(index: number, field: string): string {
    return `${this.rowLabel(index)}.${field}`;
  }
}

/**
 * Checks a list of contracts against the schema and the platform's rules 1–5. Returns every violation,
 * ordered by row, then rule, then field (schema order). A conflict between two rows is reported on the
 * later row, naming the earlier one. Linear in the number of contracts.
 */
export function checkContracts(contrats: readonly unknown[], options: CheckContractsOptions = {}): ContractViolation[] {
  const found = new ViolationList(options.rowLabel ?? ((index: number) => `contrats[${index + 1}]`));
  const contractsSeen = new Map<string, number>();
  const usersSeen = new Map<string, UserSeen>();
  const emailsSeen = new Map<string, EmailSeen>();
  const codeToName = ONE_TO_ONE_PAIRS.map(() => new Map<string, PairSeen>());
  const nameToCode = ONE_TO_ONE_PAIRS.map(() => new Map<string, PairSeen>());

  for (let index = 0; index < contrats.length; index++) {
    const candidate = contrats[index];
    const isObject = candidate !== null && typeof candidate === 'object' && !Array.isArray(candidate);
    const row = (isObject ? candidate : {}) as Record<string, unknown>;
    const codeContrat = text(row, CONTRACT_ID_FIELD);

    // The schema: required fields, types, formats.
    if (!validateContract(candidate)) {
      for (const error of validateContract.errors ?? []) {
        const { field, detail } = schemaErrorDetail(error, candidate);
        found.add(index, codeContrat, field, 'schema', detail);
      }
    }
    if (!isObject) continue;

    // Rule 4: real calendar dates, and the end not before the start. (A malformed date is the schema's.)
    const startText = text(row, START_DATE_FIELD);
    const endText = text(row, END_DATE_FIELD);
    const start = startText === undefined ? undefined : frenchDateKey(startText);
    const end = endText === undefined ? undefined : frenchDateKey(endText);
    if (start === null) found.add(index, codeContrat, START_DATE_FIELD, 'date', `la date ${showValue(startText)} n'existe pas dans le calendrier.`);
    if (end === null) found.add(index, codeContrat, END_DATE_FIELD, 'date', `la date ${showValue(endText)} n'existe pas dans le calendrier.`);
    if (typeof start === 'number' && typeof end === 'number' && end < start) {
      found.add(
        index,
        codeContrat,
        END_DATE_FIELD,
        'date',
        `la date de fin ${showValue(endText)} précède la date de début ${showValue(startText)}.`,
      );
    }

    // Rule 5: codeContrat unique in one call.
    if (codeContrat !== undefined) {
      const first = contractsSeen.get(codeContrat);
      if (first === undefined) contractsSeen.set(codeContrat, index);
      else {
        found.add(
          index,
          codeContrat,
          CONTRACT_ID_FIELD,
          'unique-contract',
          `le code contrat ${showValue(codeContrat)} est déjà celui de ${found.label(first)} : il doit être unique dans une synchronisation.`,
        );
      }
    }

    // Rule 1: a user code belongs to one role (a learner code may not be a tutor code). The same code
    // in the same role on several contracts is the same person, whatever its email there: a company
    // tutor whose email differs between two contracts is a legitimate file.
    // Rule 2: one email = one code (two different people may not share an email).
    for (const role of ROLES) {
      const code = text(row, role.codeField);
      const emailValue = text(row, role.emailField);
      const email = emailValue === undefined ? undefined : normaliseEmail(emailValue);
      if (code !== undefined) {
        const seen = usersSeen.get(code);
        if (seen === undefined) {
          usersSeen.set(code, { index, role });
        } else if (seen.role !== role) {
          found.add(
            index,
            codeContrat,
            role.codeField,
            'unique-user-id',
            `l'identifiant ${showValue(code)} est déjà celui d'un ${seen.role.label} (${found.where(seen.index, seen.role.codeField)}) : ` +
              `un identifiant doit être unique parmi tous les utilisateurs (préfixez les identifiants par rôle).`,
          );
        }
        if (email !== undefined) {
          const holder = emailsSeen.get(email);
          if (holder === undefined) emailsSeen.set(email, { index, role, code });
          else if (holder.code !== code) {
            found.add(
              index,
              codeContrat,
              role.emailField,
              'unique-email',
              `l'email ${showValue(emailValue)} est déjà celui d'un autre utilisateur (${holder.role.label} ${showValue(holder.code)}, ` +
                `${found.where(holder.index, holder.role.codeField)}) : un email correspond à un seul compte.`,
            );
          }
        }
      }
    }

    // Rule 3: one code, one name; one name, one code.
    for (let p = 0; p < ONE_TO_ONE_PAIRS.length; p++) {
      const pair = ONE_TO_ONE_PAIRS[p];
      const code = text(row, pair.codeField);
      const name = text(row, pair.nameField);
      if (code === undefined || name === undefined) continue;
      const byCode = codeToName[p].get(code);
      if (byCode === undefined) codeToName[p].set(code, { index, other: name });
      else if (byCode.other !== name) {
        found.add(
          index,
          codeContrat,
          pair.nameField,
          'one-to-one',
          `le code ${showValue(code)} (${pair.label}) a déjà le nom ${showValue(byCode.other)} en ${found.where(byCode.index, pair.nameField)}, ` +
            `ici ${showValue(name)} : un code a un seul nom.`,
        );
      }
      const byName = nameToCode[p].get(name);
      if (byName === undefined) nameToCode[p].set(name, { index, other: code });
      else if (byName.other !== code) {
        found.add(
          index,
          codeContrat,
          pair.codeField,
          'one-to-one',
          `le nom ${showValue(name)} (${pair.label}) a déjà le code ${showValue(byName.other)} en ${found.where(byName.index, pair.codeField)}, ` +
            `ici ${showValue(code)} : un nom a un seul code.`,
        );
      }
    }
  }

  return found.items.sort(compareViolations);
}
