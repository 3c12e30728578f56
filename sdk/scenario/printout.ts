// The plain-text printout of a run: per module, in flow order, the bundles in and out, the filter into it, the
// operations; then the total, and the error that stopped the run if one did.
import { describeCountingRule } from './operations';
import type { ScenarioRunReport } from './runReport';

export function formatRunReport(report: ScenarioRunReport): string {
  const rows = report.modules.map((m) => [
    String(m.id),
    m.route ?? '',
    `${m.label} (${m.module})`,
    m.filter ? `${m.filter.name || 'filter'}: ${m.filter.passed} passed, ${m.filter.blocked} stopped` : '',
    String(m.bundlesIn.length),
    String(m.bundlesOut.length),
    String(m.operations),
  ]);
  const header = ['id', 'route', 'module', 'filter into it', 'in', 'out', 'operations'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i >= 4 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const lines = [`scenario: ${report.scenario}`, line(header), ...rows.map(line), `total operations: ${report.totalOperations}`];
  if (report.error) {
    const bundle = report.error.bundle === undefined ? '' : `, bundle ${report.error.bundle}`;
    lines.push(`stopped at module ${report.error.moduleId}${bundle}: ${report.error.type}: ${report.error.message}`);
  } else {
    lines.push('completed');
  }
  lines.push(`(${describeCountingRule()})`);
  return lines.join('\n');
}
