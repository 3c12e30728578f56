// Template parser: text and `{{ … }}` parts, with a precedence-climbing expression parser.
import {
  BinaryOperator,
  ExpressionNode,
  KEYWORDS,
  KeywordName,
  TemplateNode,
  TemplatePart,
  VARIABLES,
  VariableName,
} from './ast';
import { ImlError } from './errors';
import { Token, tokenizeExpression } from './tokenizer';

/** Deeper nesting than this is refused with an ImlError instead of overflowing the stack. */
const MAX_DEPTH = 200;

export function parseTemplate(template: string): TemplateNode {
  const parts: TemplatePart[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{{', i);
    if (open < 0) {
      parts.push({ kind: 'text', value: template.slice(i), pos: i });
      break;
    }
    if (open > i) parts.push({ kind: 'text', value: template.slice(i, open), pos: i });
    const { tokens, end } = tokenizeExpression(template, open, open + 2);
    const expression = new ExpressionParser(template, tokens, open).parseWhole();
    parts.push({ kind: 'expression', expression, pos: open });
    i = end;
  }
  return { kind: 'template', parts };
}

/** Operators of one precedence level, the aliases mapped to their canonical form. */
type Level = Record<string, BinaryOperator>;

const LEVELS: Level[] = [
  { '||': '||', '|': '||', or: '||' },
  { '&&': '&&', '&': '&&', and: '&&' },
  { '=': '==', '==': '==', '===': '==', '!=': '!=', '!==': '!=' },
  { '<': '<', '<=': '<=', '>': '>', '>=': '>=' },
  { '+': '+', '++': '++', '-': '-' },
  { '*': '*', '/': '/', '%': '%' },
];

/**
 * The keywords `and` and `or`, as `&&` and `||`: "To combine if statements, use the and and or
 * operators", `if( 1 = 2 and 1 = 2 ; A ; B )` (the general functions page of Make's help, read in the copy
 * Adobe Workfront Fusion publishes: experienceleague.adobe.com/docs/workfront/using/adobe-workfront-fusion/
 * functions-in-fusion/general-functions.html). They are operators only where an operator may stand, after
 * an operand; elsewhere they stay names, so `{{and}}` or `parameters.or` still read the context.
 */
const WORD_OPERATORS: ReadonlySet<string> = new Set(['and', 'or']);

/**
 * Both separate arguments: `,` as in app IML (`{{if(a, b, c)}}`), `;` as in scenario mappings
 * (`{{if(a; b; c)}}`, help.make.com). Accepted everywhere, without a dialect option: `;` means nothing
 * else in an expression, and one inside quotes is read as text before any operator. A call mixing
 * them is refused, since in a scenario a `,` between `;` is text, not a separator.
 */
const ARGUMENT_SEPARATORS: ReadonlySet<string> = new Set([',', ';']);

class ExpressionParser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly template: string,
    private readonly tokens: Token[],
    private readonly open: number,
  ) {}

  parseWhole(): ExpressionNode {
    if (this.peek().type === 'end') throw new ImlError('empty expression', this.template, this.open);
    const expression = this.parseLevel(0);
    const next = this.peek();
    if (next.type !== 'end') throw this.unexpected(next);
    return expression;
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private advance(): Token {
    const token = this.tokens[this.index];
    if (token.type !== 'end') this.index++;
    return token;
  }

  private isOperator(value: string): boolean {
    const token = this.peek();
    return token.type === 'operator' && token.value === value;
  }

  private expectOperator(value: string): Token {
    const token = this.peek();
    if (token.type !== 'operator' || token.value !== value) throw this.unexpected(token);
    return this.advance();
  }

  private unexpected(token: Token): ImlError {
    return new ImlError(`unexpected token '${token.raw}'`, this.template, token.pos);
  }

  private enter(pos: number): void {
    this.depth++;
    if (this.depth > MAX_DEPTH) throw new ImlError('expression nested too deeply', this.template, pos);
  }

  private parseLevel(level: number): ExpressionNode {
    if (level >= LEVELS.length) return this.parseUnary();
    const operators = LEVELS[level];
    let left = this.parseLevel(level + 1);
    for (;;) {
      const token = this.peek();
      const canBeOperator = token.type === 'operator' || (token.type === 'identifier' && WORD_OPERATORS.has(token.value));
      if (!canBeOperator || !Object.prototype.hasOwnProperty.call(operators, token.value)) return left;
      this.advance();
      const right = this.parseLevel(level + 1);
      left = { kind: 'binary', operator: operators[token.value], left, right, pos: token.pos };
    }
  }

  private parseUnary(): ExpressionNode {
    const token = this.peek();
    if (token.type === 'operator' && (token.value === '!' || token.value === '-')) {
      this.advance();
      this.enter(token.pos);
      const operand = this.parseUnary();
      this.depth--;
      return { kind: 'unary', operator: token.value, operand, pos: token.pos };
    }
    return this.parsePostfix(this.parsePrimary());
  }

  private parsePostfix(start: ExpressionNode): ExpressionNode {
    let node = start;
    for (;;) {
      if (this.isOperator('.')) {
        this.advance();
        const key = this.peek();
        if (key.type !== 'identifier' && key.type !== 'key') throw this.unexpected(key);
        this.advance();
        node = { kind: 'member', object: node, key: key.value, pos: key.pos };
      } else if (this.isOperator('[')) {
        const bracket = this.advance();
        if (this.isOperator(']')) {
          this.advance();
          node = { kind: 'index', object: node, index: null, pos: bracket.pos };
          continue;
        }
        this.enter(bracket.pos);
        const index = this.parseLevel(0);
        this.depth--;
        this.expectOperator(']');
        node = { kind: 'index', object: node, index, pos: bracket.pos };
      } else {
        return node;
      }
    }
  }

  private parsePrimary(): ExpressionNode {
    const token = this.peek();
    switch (token.type) {
      case 'number':
        this.advance();
        return { kind: 'literal', value: Number(token.value), pos: token.pos };
      case 'string':
        this.advance();
        return { kind: 'literal', value: token.value, pos: token.pos };
      case 'key':
        this.advance();
        return { kind: 'identifier', name: token.value, pos: token.pos };
      case 'identifier':
        return this.parseName();
      case 'operator':
        if (token.value === '(') {
          this.advance();
          this.enter(token.pos);
          const inner = this.parseLevel(0);
          this.depth--;
          this.expectOperator(')');
          return inner;
        }
        throw this.unexpected(token);
      default:
        throw this.unexpected(token);
    }
  }

  private parseName(): ExpressionNode {
    const token = this.advance();
    const name = token.value;
    if (this.isOperator('(')) return this.parseCall(token);
    if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true', pos: token.pos };
    if (name === 'null') return { kind: 'literal', value: null, pos: token.pos };
    if (KEYWORDS.has(name)) return { kind: 'keyword', name: name as KeywordName, pos: token.pos };
    if (VARIABLES.has(name)) return { kind: 'variable', name: name as VariableName, pos: token.pos };
    return { kind: 'identifier', name, pos: token.pos };
  }

  private parseCall(nameToken: Token): ExpressionNode {
    const paren = this.expectOperator('(');
    this.enter(paren.pos);
    const args: ExpressionNode[] = [];
    let separator: string | null = null;
    if (!this.isOperator(')')) {
      for (;;) {
        args.push(this.parseLevel(0));
        const next = this.peek();
        if (next.type !== 'operator' || !ARGUMENT_SEPARATORS.has(next.value)) break;
        if (separator !== null && next.value !== separator) {
          throw new ImlError(`arguments separated by both '${separator}' and '${next.value}'`, this.template, next.pos);
        }
        separator = next.value;
        this.advance();
      }
    }
    this.expectOperator(')');
    this.depth--;
    return { kind: 'call', name: nameToken.value, args, pos: nameToken.pos };
  }
}
