// Text and binary functions (length, contains and join also take arrays, as in Make). "The package's notes" below
// are the third-party notes on the IML package (minsu-kang/make-custom-app-skill,
// skill/references/builtin-iml-functions.md).
import { createHash, createHmac } from 'node:crypto';
import { isPlainObject, quoteValue } from '../../../lib/values';
import { imlEquals, interpolate, isBuffer } from '../values';
import { mimeType } from './mime';
import { replaceWithPattern } from './regex';
import { argInteger, argText, BuiltinTable, builtin } from './types';

const REGEX_LITERAL = /^\/([\s\S]+)\/([a-z]*)$/;

/** `replace`'s search: '/regex/flags' is a regular expression, any other text is replaced everywhere. */
function replaceText(text: string, search: unknown, replacement: string): string {
  if (typeof search === 'string') {
    const literal = REGEX_LITERAL.exec(search);
    if (literal) {
      let pattern: RegExp;
      try {
        pattern = new RegExp(literal[1], literal[2]);
      } catch (error) {
        throw new Error(`invalid regular expression ${search}: ${(error as Error).message}`);
      }
      return replaceWithPattern(text, pattern, replacement);
    }
  }
  const needle = argText(search);
  if (needle === '') return text;
  // Plain text replaces every occurrence, and the replacement may use `$&` and `$n` as with a pattern
  // (Make's help: "the replacement string can contain special replacement patterns").
  return text.replace(new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'), replacement);
}

function contains(haystack: unknown, needle: unknown, caseInsensitive: unknown): boolean {
  const fold = (v: unknown): unknown => (caseInsensitive && typeof v === 'string' ? v.toLowerCase() : v);
  if (Array.isArray(haystack)) return haystack.some((item) => imlEquals(fold(item), fold(needle)));
  const text = argText(haystack);
  const search = argText(needle);
  return caseInsensitive ? text.toLowerCase().includes(search.toLowerCase()) : text.includes(search);
}

function length(value: unknown): number {
  if (value === undefined || value === null || typeof value === 'symbol') return 0;
  if (Array.isArray(value) || typeof value === 'string') return value.length;
  if (isBuffer(value)) return value.length;
  // [INF] a collection's length is its number of keys.
  if (isPlainObject(value)) return Object.keys(value).length;
  return argText(value).length;
}

/** [INF] After the package's notes: arrays join their items with ',', collections give '{object}'. */
function toText(value: unknown, encoding: unknown): string {
  if (isBuffer(value)) return value.toString(bufferEncoding(encoding, 'utf8'));
  if (Array.isArray(value)) return value.map((item) => toText(item, undefined)).join(',');
  if (isPlainObject(value)) return '{object}';
  return argText(value);
}

function bufferEncoding(value: unknown, fallback: BufferEncoding): BufferEncoding {
  if (value === undefined || value === null || value === '') return fallback;
  const name = String(value).toLowerCase();
  if (!Buffer.isEncoding(name)) throw new Error(`unknown encoding ${quoteValue(value)}`);
  return name;
}

function bytes(value: unknown): Buffer {
  return isBuffer(value) ? value : Buffer.from(argText(value), 'utf8');
}

function keyBytes(key: unknown, encoding: unknown): Buffer {
  if (isBuffer(key)) return key;
  const name = encoding === undefined || encoding === null || encoding === '' ? 'text' : String(encoding).toLowerCase();
  switch (name) {
    case 'text':
      return Buffer.from(argText(key), 'utf8');
    case 'hex':
    case 'base64':
    case 'binary':
      return Buffer.from(argText(key), name);
    default:
      throw new Error(`unknown key encoding ${quoteValue(encoding)}`);
  }
}

type DigestEncoding = 'hex' | 'base64' | 'binary';

function digestEncoding(value: unknown): DigestEncoding {
  const name = value === undefined || value === null || value === '' ? 'hex' : String(value).toLowerCase();
  if (name === 'hex' || name === 'base64') return name;
  if (name === 'latin1' || name === 'binary') return 'binary';
  throw new Error(`unknown output encoding ${quoteValue(value)}`);
}

/** `sha256(text, [encoding], [key], [keyEncoding])`: a key makes it an HMAC. */
function hashFunction(algorithm: string) {
  return builtin(1, 4, (_ctx, [value, encoding, key, keyEncoding]) => {
    const output = digestEncoding(encoding);
    if (key !== undefined && key !== null && key !== '') {
      return createHmac(algorithm, keyBytes(key, keyEncoding)).update(bytes(value)).digest(output);
    }
    return createHash(algorithm).update(bytes(value)).digest(output);
  });
}

// Emoji: pictographs with their modifiers, variation selectors and ZWJ sequences, keycaps, flags.
const EMOJI =
  /(?:\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3|\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})*(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})*)*)/gu;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function stripHtml(text: string): string {
  return text
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '');
}

function ascii(text: string, removeDiacritics: unknown): string {
  const base = removeDiacritics ? text.normalize('NFD').replace(/\p{M}/gu, '') : text;
  return base.replace(/[^\x00-\x7F]/g, '');
}

/** [INF] Escapes CommonMark's punctuation that can start or end markup. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

/**
 * [INF] After the package's notes: items are trimmed and empty items dropped unless `keepEmpty`.
 * A '/regex/' separator is not supported (text only).
 */
function split(text: string, separator: unknown, keepEmpty: unknown): string[] {
  const sep = separator === undefined || separator === null ? ',' : argText(separator);
  const items = text.split(sep).map((item) => item.trim());
  return keepEmpty ? items : items.filter((item) => item !== '');
}

function startCase(text: string): string {
  return text.replace(/\S+/g, (word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase());
}

export const TEXT_FUNCTIONS: BuiltinTable = {
  length: builtin(1, 1, (_ctx, [value]) => length(value)),
  lower: builtin(1, 1, (_ctx, [value]) => argText(value).toLowerCase()),
  upper: builtin(1, 1, (_ctx, [value]) => argText(value).toUpperCase()),
  capitalize: builtin(1, 1, (_ctx, [value]) => {
    const text = argText(value);
    return text.charAt(0).toUpperCase() + text.slice(1);
  }),
  startcase: builtin(1, 1, (_ctx, [value]) => startCase(argText(value))),
  trim: builtin(1, 1, (_ctx, [value]) => argText(value).trim()),
  substring: builtin(2, 3, (_ctx, [value, start, end]) =>
    argText(value).substring(argInteger(start, 'start'), end === undefined ? undefined : argInteger(end, 'end')),
  ),
  indexOf: builtin(2, 3, (_ctx, [value, search, start]) =>
    argText(value).indexOf(argText(search), start === undefined ? 0 : argInteger(start, 'start')),
  ),
  contains: builtin(2, 3, (_ctx, [haystack, needle, caseInsensitive]) => contains(haystack, needle, caseInsensitive)),
  replace: builtin(3, 3, (_ctx, [value, search, replacement]) => replaceText(argText(value), search, argText(replacement))),
  split: builtin(1, 3, (_ctx, [value, separator, keepEmpty]) => split(argText(value), separator, keepEmpty)),
  join: builtin(1, 2, (_ctx, [value, separator]) => {
    if (!Array.isArray(value)) return argText(value);
    return value.map(interpolate).join(separator === undefined || separator === null ? ',' : argText(separator));
  }),
  toString: builtin(1, 2, (_ctx, [value, encoding]) => toText(value, encoding)),
  encodeURL: builtin(1, 1, (_ctx, [value]) => encodeURIComponent(argText(value))),
  decodeURL: builtin(1, 1, (_ctx, [value]) => {
    try {
      return decodeURIComponent(argText(value));
    } catch {
      throw new Error(`malformed URL encoding in ${quoteValue(value)}`);
    }
  }),
  escapeHTML: builtin(1, 1, (_ctx, [value]) => argText(value).replace(/[&<>]/g, (ch) => HTML_ESCAPES[ch])),
  stripHTML: builtin(1, 1, (_ctx, [value]) => stripHtml(argText(value))),
  ascii: builtin(1, 2, (_ctx, [value, removeDiacritics]) => ascii(argText(value), removeDiacritics)),
  base64: builtin(1, 1, (_ctx, [value]) => bytes(value).toString('base64')),
  toBinary: builtin(1, 2, (_ctx, [value, encoding]) =>
    isBuffer(value) ? value : Buffer.from(argText(value), bufferEncoding(encoding, 'utf8')),
  ),
  md5: builtin(1, 1, (_ctx, [value]) => createHash('md5').update(bytes(value)).digest('hex')),
  sha1: hashFunction('sha1'),
  sha256: hashFunction('sha256'),
  sha512: hashFunction('sha512'),
  // help.make.com documents `replaceEmojiCharacters (text)`: [INF] without a replacement, emoji are removed.
  replaceEmojiCharacters: builtin(1, 2, (_ctx, [value, replacement]) => argText(value).replace(EMOJI, () => argText(replacement))),
  escapeMarkdown: builtin(1, 1, (_ctx, [value]) => escapeMarkdown(argText(value))),
  mime: builtin(1, 1, (_ctx, [fileName]) => mimeType(argText(fileName))),
};
