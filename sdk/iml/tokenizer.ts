// Splits the inside of one `{{ … }}` into tokens; stops after the closing `}}`.
import { ImlError } from './errors';

export type TokenType = 'number' | 'string' | 'identifier' | 'key' | 'operator' | 'end';

export interface Token {
  type: TokenType;
  /** Decoded value: the string's content, the backtick key's name, the operator itself. */
  value: string;
  /** Source text, used in error messages. */
  raw: string;
  pos: number;
}

const OPERATORS = [
  '===',
  '!==',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '=',
  '<',
  '>',
  '&',
  '|',
  '++',
  '+',
  '-',
  '*',
  '/',
  '%',
  '!',
  '(',
  ')',
  '[',
  ']',
  ',',
  ';',
  '.',
];

const IDENTIFIER_START = /[\p{L}_$]/u;
const IDENTIFIER_PART = /[\p{L}\p{N}_$]/u;
/** Names after a dot may start with a digit (`body.0`, `item.2nd`). */
const MEMBER_NAME = /[\p{L}\p{N}_$]+/uy;
const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export interface ExpressionTokens {
  tokens: Token[];
  /** Offset just after the closing `}}`. */
  end: number;
}

/**
 * Tokenizes from `start` (just after `{{` at `open`) up to and including the `}}` that closes it.
 * A `}}` inside a string or backtick key does not close the expression.
 */
export function tokenizeExpression(template: string, open: number, start: number): ExpressionTokens {
  const tokens: Token[] = [];
  let i = start;
  while (i < template.length) {
    const ch = template[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
      continue;
    }
    if (ch === '}' && template[i + 1] === '}') {
      tokens.push({ type: 'end', value: '}}', raw: '}}', pos: i });
      return { tokens, end: i + 2 };
    }
    const previous = tokens[tokens.length - 1];
    if (previous && previous.type === 'operator' && previous.value === '.') {
      MEMBER_NAME.lastIndex = i;
      const member = MEMBER_NAME.exec(template);
      if (member) {
        tokens.push({ type: 'identifier', value: member[0], raw: member[0], pos: i });
        i += member[0].length;
        continue;
      }
    }
    if (ch === "'" || ch === '"') {
      const token = readString(template, i, ch);
      tokens.push(token);
      i += token.raw.length;
      continue;
    }
    if (ch === '`') {
      const close = template.indexOf('`', i + 1);
      if (close < 0) throw new ImlError('unterminated backtick key', template, i);
      const raw = template.slice(i, close + 1);
      tokens.push({ type: 'key', value: raw.slice(1, -1), raw, pos: i });
      i = close + 1;
      continue;
    }
    if (ch >= '0' && ch <= '9') {
      NUMBER.lastIndex = i;
      const raw = (NUMBER.exec(template) as RegExpExecArray)[0];
      tokens.push({ type: 'number', value: raw, raw, pos: i });
      i += raw.length;
      continue;
    }
    const codePoint = String.fromCodePoint(template.codePointAt(i) as number);
    if (IDENTIFIER_START.test(codePoint)) {
      let j = i + codePoint.length;
      while (j < template.length) {
        const next = String.fromCodePoint(template.codePointAt(j) as number);
        if (!IDENTIFIER_PART.test(next)) break;
        j += next.length;
      }
      const raw = template.slice(i, j);
      tokens.push({ type: 'identifier', value: raw, raw, pos: i });
      i = j;
      continue;
    }
    const operator = OPERATORS.find((op) => template.startsWith(op, i));
    if (operator) {
      tokens.push({ type: 'operator', value: operator, raw: operator, pos: i });
      i += operator.length;
      continue;
    }
    throw new ImlError(`unexpected character '${codePoint}'`, template, i);
  }
  throw new ImlError('unterminated expression', template, open);
}

/**
 * [INF] A backslash escapes the quote character and itself; any other backslash is kept, so regular
 * expressions such as '/\d+/g' need no doubling.
 */
function readString(template: string, start: number, quote: string): Token {
  let value = '';
  let i = start + 1;
  while (i < template.length) {
    const ch = template[i];
    if (ch === '\\' && (template[i + 1] === quote || template[i + 1] === '\\')) {
      value += template[i + 1];
      i += 2;
      continue;
    }
    if (ch === quote) {
      return { type: 'string', value, raw: template.slice(start, i + 1), pos: start };
    }
    value += ch;
    i++;
  }
  throw new ImlError('unterminated string', template, start);
}
