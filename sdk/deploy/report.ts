// The plan as a person reads it before anything is written: one line per component and section with its lines
// added and removed, the changed lines themselves (a few per section), and what each write was once done.
import { showValue } from '../../lib/values';
import type { MetaChange, Step } from './plan';
import { TYPE_NAMES } from './sections';

/** Changed lines shown per section; the rest are counted. */
const LINES_SHOWN = 12;
/** A shown line is cut after this many characters. */
const LINE_WIDTH = 160;

export function componentName(step: Step): string {
  if (step.kind === 'section' && step.type === 'app') return 'app';
  const id = step.kind === 'delete' ? step.remoteName : step.localId;
  return `${TYPE_NAMES[step.type as keyof typeof TYPE_NAMES]} ${id}`;
}

function sectionName(step: Extract<Step, { kind: 'section' }>): string {
  const { code, api } = step.section;
  return code === api ? api : `${api} (${code})`;
}

function showMeta(change: MetaChange): string {
  return `${change.field} ${showValue(change.from ?? null)} → ${showValue(change.to ?? null)}`;
}

/** What a step writes, in one line (the same words the list of written steps uses). */
export function describeStep(step: Step): string {
  const component = componentName(step);
  switch (step.kind) {
    case 'create': {
      const { desired } = step;
      const details = [desired.type, `"${desired.label}"`, desired.connection ? `connection ${desired.connection}` : undefined].filter(Boolean);
      return `${component}: create (${details.join(', ')})`;
    }
    case 'metadata':
      return `${component}: metadata ${step.changes.map(showMeta).join('; ')}`;
    case 'section': {
      const { added, removed } = step.diff;
      return `${component} · ${sectionName(step)}: +${added} -${removed}${step.isNew ? ' (new)' : ''}`;
    }
    case 'delete':
      return `${component}: delete ("${step.label}")`;
  }
}

/** The plan: each step, and under each changed section its changed lines (none for new or secret sections). */
export function formatPlan(steps: Step[]): string[] {
  const lines: string[] = [];
  for (const step of steps) {
    lines.push(`  ${describeStep(step)}`);
    if (step.kind !== 'section' || step.isNew) continue;
    if (step.section.secret) {
      lines.push('      (content not shown: it may hold secrets)');
      continue;
    }
    const { changes } = step.diff;
    for (const change of changes.slice(0, LINES_SHOWN)) {
      const line = change.line.length > LINE_WIDTH ? `${change.line.slice(0, LINE_WIDTH)}…` : change.line;
      lines.push(`      ${change.sign} ${line}`);
    }
    if (changes.length > LINES_SHOWN) lines.push(`      … ${changes.length - LINES_SHOWN} more changed lines`);
  }
  return lines;
}

export function countSteps(steps: Step[]): string {
  const count = (kind: Step['kind']): number => steps.filter((s) => s.kind === kind).length;
  const parts = [
    [count('create'), 'component', 'created'],
    [count('metadata'), 'metadata update', ''],
    [count('section'), 'section', 'written'],
    [count('delete'), 'component', 'deleted'],
  ] as const;
  return parts
    .filter(([n]) => n > 0)
    .map(([n, word, verb]) => `${n} ${word}${n === 1 ? '' : 's'}${verb ? ` ${verb}` : ''}`)
    .join(', ');
}
