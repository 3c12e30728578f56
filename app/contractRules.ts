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

/**
 * Assumption (A): the platform compares emails without regard to case or surrounding spaces, as mail
 * systems do, so `Jean@X.fr` and `jean@x.fr` are the same account for rule 2.
 */
export const EMAILS_ARE_CASE_INSENSITIVE = true;

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

function compileContractValidator(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true });
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

/**
 * Parses `DD/MM/YYYY` into a sortable number (YYYYMMDD), or null when the text is not in that format or
 * not a real calendar day (`31/02/2025`).
 */
export function parseFrenchDate(text: string): number | null {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (!match) return null;
  const day = Number(match[1]);
  const month = Number(match[2]);
  const year = Number(match[3]);
  return isRealDate(day, month, year) ? year * 10000 + month * 100 + day : null;
}

// ------------------------------------------------------------------------------------------ messages

/** A value as it appears in a message: JSON, shortened when long. */
export function showValue(value: unknown): string {
  let text: string;
  if (value === undefined) text = 'undefined';
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
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
  email?: string;
  emailValue?: string;
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

/**
 * Checks a list of contracts against the schema and the platform's rules 1–5. Returns every violation,
 * ordered by row, then rule, then field (schema order). A conflict between two rows is reported on the
 * later row, naming the earlier one. Linear in the number of contracts.
 */
export function checkContracts(contrats: readonly unknown[], options: CheckContractsOptions = {}): ContractViolation[] {
  const rowLabel = options.rowLabel ?? ((index: number) => `contrats[${index + 1}]`);
  const violations: ContractViolation[] = [];

  const contractsSeen = new Map<string, number>();
  const usersSeen = new Map<string, UserSeen>();
  const emailsSeen = new Map<string, EmailSeen>();
  const codeToName = ONE_TO_ONE_PAIRS.map(() => new Map<string, PairSeen>());
  const nameToCode = ONE_TO_ONE_PAIRS.map(() => new Map<string, PairSeen>());

  for (let index = 0; index < contrats.length; index++) {
    const candidate = contrats[index];
    const label = rowLabel(index);
    const isObject = candidate !== null && typeof candidate === 'object' && !Array.isArray(candidate);
    const row = (isObject ? candidate : {}) as Record<string, unknown>;
    const codeContrat = text(row, CONTRACT_ID_FIELD);
    const add = (field: string, rule: ContractRule, detail: string): void => {
      const where = field ? `${label}.${field}` : label;
      const message = `${where} : ${detail}`;
      violations.push(
        codeContrat === undefined
          ? { index, field, rule, message, detail }
          : { index, codeContrat, field, rule, message, detail },
      );
    };
    const where = (otherIndex: number, field: string): string => `${rowLabel(otherIndex)}.${field}`;

    // The schema: required fields, types, formats.
    if (!validateContract(candidate)) {
      for (const error of validateContract.errors ?? []) {
        const { field, detail } = schemaErrorDetail(error, candidate);
        add(field, 'schema', detail);
      }
    }
    if (!isObject) continue;

    // Rule 4: real calendar dates, and the end not before the start.
    const dates: Partial<Record<string, number>> = {};
    for (const field of [START_DATE_FIELD, END_DATE_FIELD]) {
      const value = text(row, field);
      if (value === undefined || !/^\d{2}\/\d{2}\/\d{4}$/.test(value)) continue; // the schema reports it
      const parsed = parseFrenchDate(value);
      if (parsed === null) add(field, 'date', `la date ${showValue(value)} n'existe pas dans le calendrier.`);
      else dates[field] = parsed;
    }
    const start = dates[START_DATE_FIELD];
    const end = dates[END_DATE_FIELD];
    if (start !== undefined && end !== undefined && end < start) {
      add(
        END_DATE_FIELD,
        'date',
        `la date de fin ${showValue(row[END_DATE_FIELD])} précède la date de début ${showValue(row[START_DATE_FIELD])}.`,
      );
    }

    // Rule 5: codeContrat unique in one call.
    if (codeContrat !== undefined) {
      const first = contractsSeen.get(codeContrat);
      if (first === undefined) contractsSeen.set(codeContrat, index);
      else {
        add(
          CONTRACT_ID_FIELD,
          'unique-contract',
          `le code contrat ${showValue(codeContrat)} est déjà celui de ${rowLabel(first)} : il doit être unique dans une synchronisation.`,
        );
      }
    }

    // Rules 1 and 2: one code = one person in one role; one email = one code.
    for (const role of ROLES) {
      const code = text(row, role.codeField);
      const emailValue = text(row, role.emailField);
      const email = emailValue === undefined ? undefined : normaliseEmail(emailValue);
      if (code !== undefined) {
        const seen = usersSeen.get(code);
        if (seen === undefined) {
          usersSeen.set(code, { index, role, email, emailValue });
        } else if (seen.role !== role) {
          add(
            role.codeField,
            'unique-user-id',
            `l'identifiant ${showValue(code)} est déjà celui d'un ${seen.role.label} (${where(seen.index, seen.role.codeField)}) : ` +
              `un identifiant doit être unique parmi tous les utilisateurs (préfixez les identifiants par rôle).`,
          );
        } else if (seen.email !== undefined && email !== undefined && seen.email !== email) {
          add(
            role.codeField,
            'unique-user-id',
            `l'identifiant ${showValue(code)} désigne déjà une autre personne (email ${showValue(seen.emailValue)} en ` +
              `${where(seen.index, role.emailField)}), ici avec l'email ${showValue(emailValue)}.`,
          );
        } else if (seen.email === undefined && email !== undefined) {
          seen.email = email;
          seen.emailValue = emailValue;
        }
      }
      if (email !== undefined && code !== undefined) {
        const seen = emailsSeen.get(email);
        if (seen === undefined) emailsSeen.set(email, { index, role, code });
        else if (seen.code !== code) {
          add(
            role.emailField,
            'unique-email',
            `l'email ${showValue(emailValue)} est déjà celui d'un autre utilisateur (${seen.role.label} ${showValue(seen.code)}, ` +
              `${where(seen.index, seen.role.codeField)}) : un email correspond à un seul compte.`,
          );
        }
      }
    }

    // Rule 3: one code, one name; one name, one code.
    ONE_TO_ONE_PAIRS.forEach((pair, p) => {
      const code = text(row, pair.codeField);
      const name = text(row, pair.nameField);
      if (code === undefined || name === undefined) return;
      const byCode = codeToName[p].get(code);
      if (byCode === undefined) codeToName[p].set(code, { index, other: name });
      else if (byCode.other !== name) {
        add(
          pair.nameField,
          'one-to-one',
          `le code ${showValue(code)} (${pair.label}) a déjà le nom ${showValue(byCode.other)} en ${where(byCode.index, pair.nameField)}, ` +
            `ici ${showValue(name)} : un code a un seul nom.`,
        );
      }
      const byName = nameToCode[p].get(name);
      if (byName === undefined) nameToCode[p].set(name, { index, other: code });
      else if (byName.other !== code) {
        add(
          pair.codeField,
          'one-to-one',
          `le nom ${showValue(name)} (${pair.label}) a déjà le code ${showValue(byName.other)} en ${where(byName.index, pair.codeField)}, ` +
            `ici ${showValue(code)} : un nom a un seul code.`,
        );
      }
    });
  }

  return violations.sort(compareViolations);
}

/** Whether a violation is about one contract alone (its schema), rather than the list or its dates. */
export function isSchemaViolation(violation: ContractViolation): boolean {
  return violation.rule === 'schema';
}
