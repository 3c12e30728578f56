import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'iml-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['-r', 'ts-node/register', 'scripts/iml.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('scripts/iml.ts', () => {
  it('evaluates a file of cases, one result per case, in order', () => {
    const file = join(dir, 'cases.json');
    writeFileSync(
      file,
      JSON.stringify([
        { template: '{{ upper(parameters.name) }}!', context: { parameters: { name: 'ann' } } },
        { template: '{{ body.items }}', context: { body: { items: [1, 2] } } },
        { template: { qs: { page: '{{ pagination.page }}', erased: '{{erase}}' }, fixed: 3 }, context: { pagination: { page: 2 } } },
        { template: "{{ formatDate('2024-01-01T12:00:00Z', 'HH:mm') }}", context: {}, timezone: 'Europe/Prague' },
        { template: '{{ fromat(now) }}', context: {} },
        { template: '{{ ignore }}', context: {} },
      ]),
    );
    const { status, stdout } = cli('--cases', file);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      { value: 'ANN!' },
      { value: [1, 2] },
      { value: { qs: { page: 2, erased: null }, fixed: 3 } },
      { value: '13:00' },
      { error: "IML: unknown function 'fromat' at 3" },
      { value: null, undefined: true },
    ]);
  });

  it('prints one template’s value, or its error on stderr with exit code 1', () => {
    const ok = cli('{{ a + 1 }}', '--context', '{"a": 41}');
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim()).toBe('42');
    const failed = cli('{{ a +');
    expect(failed.status).toBe(1);
    expect(failed.stderr.trim()).toBe('IML: unterminated expression at 0');
  });

  it('accepts both argument separators, ; as in scenario mappings and , as in app IML', () => {
    for (const template of ["{{ if(a; upper('x;y'); 'n') }}", "{{ if(a, upper('x;y'), 'n') }}"]) {
      const run = cli(template, '--context', '{"a": true}');
      expect(run.status).toBe(0);
      expect(run.stdout.trim()).toBe('"X;Y"');
    }
  });

  it('prints usage and exits 2 on bad usage', () => {
    const bad = cli('--context', 'not json', '{{a}}');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('usage: iml');
  });
});
