// AST of an IML template. Every node carries `pos`, a 0-based offset into the template string.

export type KeywordName =
  | 'emptystring'
  | 'emptyarray'
  | 'space'
  | 'nbsp'
  | 'tab'
  | 'newline'
  | 'carriagereturn'
  | 'erase'
  | 'ignore';

export type VariableName = 'now' | 'timestamp' | 'uuid' | 'pi' | 'random';

export type BinaryOperator = '+' | '++' | '-' | '*' | '/' | '%' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '&&' | '||';

export type UnaryOperator = '!' | '-';

export interface LiteralNode {
  kind: 'literal';
  value: string | number | boolean | null;
  pos: number;
}

export interface KeywordNode {
  kind: 'keyword';
  name: KeywordName;
  pos: number;
}

export interface VariableNode {
  kind: 'variable';
  name: VariableName;
  pos: number;
}

/** A root name read from the context object. */
export interface IdentifierNode {
  kind: 'identifier';
  name: string;
  pos: number;
}

/** `object.key` or ``object.`key` ``. */
export interface MemberNode {
  kind: 'member';
  object: ExpressionNode;
  key: string;
  pos: number;
}

/** `object[index]` (1-based for arrays); `index` is null for a bare `[]` (the first item). */
export interface IndexNode {
  kind: 'index';
  object: ExpressionNode;
  index: ExpressionNode | null;
  pos: number;
}

export interface CallNode {
  kind: 'call';
  name: string;
  args: ExpressionNode[];
  pos: number;
}

export interface UnaryNode {
  kind: 'unary';
  operator: UnaryOperator;
  operand: ExpressionNode;
  pos: number;
}

export interface BinaryNode {
  kind: 'binary';
  operator: BinaryOperator;
  left: ExpressionNode;
  right: ExpressionNode;
  pos: number;
}

export type ExpressionNode =
  | LiteralNode
  | KeywordNode
  | VariableNode
  | IdentifierNode
  | MemberNode
  | IndexNode
  | CallNode
  | UnaryNode
  | BinaryNode;

export interface TextPart {
  kind: 'text';
  value: string;
  pos: number;
}

/** One `{{ … }}`; `pos` is the offset of its `{{`. */
export interface ExpressionPart {
  kind: 'expression';
  expression: ExpressionNode;
  pos: number;
}

export type TemplatePart = TextPart | ExpressionPart;

export interface TemplateNode {
  kind: 'template';
  parts: TemplatePart[];
}

export const KEYWORDS: ReadonlySet<string> = new Set<KeywordName>([
  'emptystring',
  'emptyarray',
  'space',
  'nbsp',
  'tab',
  'newline',
  'carriagereturn',
  'erase',
  'ignore',
]);

export const VARIABLES: ReadonlySet<string> = new Set<VariableName>(['now', 'timestamp', 'uuid', 'pi', 'random']);

/** Calls `visit` on `node` and every expression below it, parents first, in source order. */
export function walkExpression(node: ExpressionNode, visit: (node: ExpressionNode) => void): void {
  visit(node);
  switch (node.kind) {
    case 'member':
      walkExpression(node.object, visit);
      break;
    case 'index':
      walkExpression(node.object, visit);
      if (node.index) walkExpression(node.index, visit);
      break;
    case 'call':
      for (const arg of node.args) walkExpression(arg, visit);
      break;
    case 'unary':
      walkExpression(node.operand, visit);
      break;
    case 'binary':
      walkExpression(node.left, visit);
      walkExpression(node.right, visit);
      break;
    default:
      break;
  }
}
