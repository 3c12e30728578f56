// npm run csv as a school runs it: a child process (ts-node) on files written here. Each start costs about two
// seconds, so the command is started three times only (--force and exit code 2 are one-line branches of scripts/csv.ts); api/csv's own tests cover the checks in detail.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contracts, toCsv } from './helpers';

const ROOT = resolve(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'csv-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the script as `npm run csv` does, in its own process. */
function csv(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['-r', 'ts-node/register', 'scripts/csv.ts', ...args],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' } },
      (error, stdout, stderr) => done({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

// One CLI start at a time: several ts-node processes at once on two cores only wait for each other.
describe('npm run csv', { timeout: 60_000 }, () => {
  it('check: exits 1, one line per problem on stdout, then the count', async () => {
    const { status, stdout, stderr } = await csv('check', 'test/fixtures/csv/problemes.csv');
    expect(stderr).toBe('');
    expect(stdout.split('\n')).toEqual([
      `ligne 1, colonne missionTitel : colonne inconnue : ce n'est pas un champ du contrat ; vouliez-vous dire « missionTitle » (Titre de la mission) ? Elle n'est pas lue.`,
      `ligne 2, colonne dateDebut : la valeur "2024-09-22" n'est pas une date au format JJ/MM/AAAA.`,
      `ligne 3, colonne codeContrat : le code contrat "CTR-2024-000001" est déjà celui de la ligne 2 : il doit être unique dans une synchronisation.`,
      `ligne 4, colonne emailApprenant : l'email "lina.duval@apprenants.campus-demo.example" est déjà celui d'un autre utilisateur (apprenant "APP-000001", ligne 2, colonne codeApprenant) : un email correspond à un seul compte.`,
      `ligne 5 : 20 cellules au lieu des 32 de l'en-tête (il en manque 12 : une valeur contient peut-être un retour à la ligne sans être entre guillemets, ou des « ; » manquent). Ligne non vérifiée.`,
      `ligne 8, colonne dateFin : la date "31/02/2026" n'existe pas dans le calendrier.`,
      `ligne 9, colonne nomEntreprise : cellule vide : ce champ est obligatoire (Nom de l'entreprise).`,
      `6 contrats, 7 problèmes (séparateur : point-virgule « ; »).`,
      '',
    ]);
    expect(status).toBe(1);
  });

  it('to-json: 10,000 contracts, CSV -> JSON equal to the contracts generated, progress on stderr only', async () => {
    const generated = contracts(10_000, 11);
    writeFileSync(join(work, 'export.csv'), toCsv(generated, { bom: true }));
    const out = join(work, 'contrats.json');
    const { status, stdout, stderr } = await csv('to-json', join(work, 'export.csv'), '--out', out);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `csv : 10000 lignes lues…\n10000 contrats, aucun problème (séparateur : point-virgule « ; »). 10000 contrats écrits dans ${out}.\n`,
    );
    expect(status).toBe(0);
    const written = JSON.parse(readFileSync(out, 'utf8')) as { contrats: unknown[] };
    expect(Object.keys(written)).toEqual(['contrats']);
    expect(written.contrats).toEqual(JSON.parse(JSON.stringify(generated)));
  });

  it('to-json refuses a file with problems: exit 1, the problems on stderr, nothing written', async () => {
    const out = join(work, 'refused.json');
    const { status, stdout, stderr } = await csv('to-json', 'test/fixtures/csv/problemes.csv', '--out', out);
    expect(stdout).toBe('');
    expect(stderr.split('\n').slice(0, 2)).toEqual([
      `ligne 1, colonne missionTitel : colonne inconnue : ce n'est pas un champ du contrat ; vouliez-vous dire « missionTitle » (Titre de la mission) ? Elle n'est pas lue.`,
      `ligne 2, colonne dateDebut : la valeur "2024-09-22" n'est pas une date au format JJ/MM/AAAA.`,
    ]);
    expect(stderr).toMatch(/\n6 contrats, 7 problèmes \(séparateur : point-virgule « ; »\)\. Aucun JSON écrit : corrigez le fichier, ou relancez avec --force\.\n$/);
    expect(status).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});
