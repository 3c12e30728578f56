// Static views of a template for linters: the paths it reads and the functions it calls.
import { ExpressionNode, walkExpression } from './ast';
import { compileTemplate } from './compile';

export interface TemplateReference {
  path: string[];
  position: number;
}

export interface TemplateFunctionCall {
  name: string;
  position: number;
  argumentCount: number;
}

function expressions(template: string): ExpressionNode[] {
  return compileTemplate(template).ast.parts.flatMap((part) => (part.kind === 'expression' ? [part.expression] : []));
}

/**
 * Every context path read, longest form only (`parameters.a.b` gives one entry, not three). Any bracket
 * (`[1]`, `[]`, `[i]`) ends the path; expressions inside brackets are collected on their own.
 */
export function collectReferences(template: string): TemplateReference[] {
  const found: TemplateReference[] = [];
  const visit = (node: ExpressionNode): void => {
    if (node.kind !== 'member' && node.kind !== 'index' && node.kind !== 'identifier') {
      forEachChild(node, visit);
      return;
    }
    // Unwind the postfix chain down to its root, then read it back in source order.
    const chain: ExpressionNode[] = [];
    let root: ExpressionNode = node;
    while (root.kind === 'member' || root.kind === 'index') {
      chain.unshift(root);
      root = root.object;
    }
    if (root.kind === 'identifier') {
      const path = [root.name];
      let stopped = false;
      for (const link of chain) {
        if (link.kind === 'index') stopped = true;
        else if (link.kind === 'member' && !stopped) path.push(link.key);
      }
      found.push({ path, position: root.pos });
    } else {
      visit(root);
    }
    for (const link of chain) if (link.kind === 'index' && link.index) visit(link.index);
  };
  for (const expression of expressions(template)) visit(expression);
  return found;
}

export function collectFunctionCalls(template: string): TemplateFunctionCall[] {
  const calls: TemplateFunctionCall[] = [];
  for (const expression of expressions(template)) {
    walkExpression(expression, (node) => {
      if (node.kind === 'call') calls.push({ name: node.name, position: node.pos, argumentCount: node.args.length });
    });
  }
  return calls;
}

function forEachChild(node: ExpressionNode, visit: (child: ExpressionNode) => void): void {
  switch (node.kind) {
    case 'call':
      node.args.forEach(visit);
      break;
    case 'unary':
      visit(node.operand);
      break;
    case 'binary':
      visit(node.left);
      visit(node.right);
      break;
    default:
      break;
  }
}
