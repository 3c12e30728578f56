import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import gradesSchema from '../../api/schemas/grades.schema.json';
import { checkContracts } from '../../api/contracts';
import { DEMO_CONTRACT_COUNT, DEMO_SEED, generateContracts, generateDemoConfig } from '../../sandbox/demoData';
import { readConfigFile } from '../../sandbox/startup';
import { applyConfig } from '../../sandbox/admin';
import { createState } from '../../sandbox/state';
import type { Contrat } from '../../sandbox/types';
import { expectOk } from './helpers';

const DEMO = path.join(__dirname, '../../sandbox/demo');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(DEMO, file), 'utf8'));

describe('generateContracts', () => {
  it('is deterministic: same seed, same contracts; another seed, others', () => {
    expect(generateContracts(50, 7)).toEqual(generateContracts(50, 7));
    expect(generateContracts(50, 8)).not.toEqual(generateContracts(50, 7));
  });

  it('is prefix-stable: a longer list from the same seed extends a shorter one (arrivals stay consistent)', () => {
    const short = generateContracts(60, 11);
    const long = generateContracts(90, 11);
    expect(long.slice(0, 60)).toEqual(short);
    // So the shorter list plus the arrivals is a valid file, second-year contracts included.
    expect(checkContracts([...short.slice(5), ...long.slice(60)])).toEqual([]);
  });

  it('makes realistic structure: 3 or 4 sites, 2 periods, several formations, years and groups', () => {
    const list = generateContracts(150, 1);
    const distinct = (field: keyof (typeof list)[number]) => new Set(list.map((c) => c[field])).size;
    expect(distinct('codeSite')).toBeGreaterThanOrEqual(3);
    expect(distinct('codeSite')).toBeLessThanOrEqual(4);
    expect(distinct('codePeriode')).toBe(2);
    expect(distinct('codeFormation')).toBeGreaterThanOrEqual(3);
    expect(distinct('codeAnnee')).toBeGreaterThanOrEqual(2);
    expect(distinct('codeGroupe')).toBeGreaterThan(10);
    expect(distinct('codeApprenant')).toBeLessThan(150); // some learners have a second contract
    expect(distinct('codeApprenant')).toBeGreaterThan(120);
    expect(distinct('codePersonnel')).toBeLessThan(20);
  });

  it("gives some learners a second contract: the next year of their formation, in the next period", () => {
    const list = generateContracts(300, 3);
    const byLearner = new Map<string, Contrat[]>();
    for (const contrat of list) byLearner.set(contrat.codeApprenant, [...(byLearner.get(contrat.codeApprenant) ?? []), contrat]);
    const twice = [...byLearner.values()].filter((own) => own.length > 1);
    expect(twice.length).toBeGreaterThan(5);
    for (const [first, second, ...more] of twice) {
      expect(more).toEqual([]);
      const person = (c: Contrat) => [c.prenomApprenant, c.nomApprenant, c.emailApprenant, c.codeFormation, c.codeSite];
      expect(person(second)).toEqual(person(first));
      expect([first.codePeriode, second.codePeriode]).toEqual(['PER-2425', 'PER-2526']);
      expect(Number(second.codeAnnee.slice(-1))).toBe(Number(first.codeAnnee.slice(-1)) + 1);
      expect(second.codeContrat).not.toBe(first.codeContrat);
      expect(second.codeGroupe).not.toBe(first.codeGroupe);
    }
    expect(checkContracts(list)).toEqual([]);
  });

  // 50,000 contracts are timed by `npm run bench`; 5,000 keep the large-set check fast here.
  it('respects every rule at a large size', () => {
    const list = generateContracts(5_000, 1);
    expect(list).toHaveLength(5_000);
    expect(checkContracts(list)).toEqual([]);
  });
});

describe('the committed demo data set', () => {
  it('is what the generator makes (npm run sandbox -- --write-demo sandbox/demo)', () => {
    const contrats = generateContracts(DEMO_CONTRACT_COUNT, DEMO_SEED);
    expect(readJson('contrats.json')).toEqual({ contrats });
    expect(readJson('config.json')).toEqual(JSON.parse(JSON.stringify(generateDemoConfig(contrats))));
  });

  it('has 50 to 200 valid contracts, shaped as the module parameters {"contrats": [...]}', () => {
    const { contrats } = readJson('contrats.json');
    expect(contrats.length).toBe(DEMO_CONTRACT_COUNT);
    expect(contrats.length).toBeGreaterThanOrEqual(50);
    expect(contrats.length).toBeLessThanOrEqual(200);
    expect(checkContracts(contrats)).toEqual([]);
    // Some learners have a second-year contract.
    const learners = new Set(contrats.map((c: Contrat) => c.codeApprenant));
    expect(learners.size).toBeLessThan(contrats.length);
  });

  it('loads as a configuration: integrated ⊆ transmitted, grades valid against the app schema', () => {
    const outcome = applyConfig(createState(), readConfigFile(path.join(DEMO, 'config.json')), () => 'tok-demo');
    if (!outcome.ok) throw new Error(outcome.reason);
    const state = outcome.state;
    const [demo, production] = state.accounts;
    expect(demo).toMatchObject({ id: 'demo', isSandbox: true, token: 'tok-demo' });
    expect(production).toMatchObject({ isSandbox: false, syncResponseStyle: 'valid-invalid' });

    const transmitted = expectOk(state, 'GET', '/api/sync/v1/contrats-get-all', { token: 'tok-demo' }).body;
    const integrated = expectOk(state, 'GET', '/api/sync/v1/contrats', { token: 'tok-demo' }).body;
    expect(transmitted.total).toBe(DEMO_CONTRACT_COUNT);
    expect(integrated.total).toBeGreaterThan(0);
    const codes = new Set(transmitted.contrats.map((c: { codeContrat: string }) => c.codeContrat));
    expect(integrated.contrats.every((c: { codeContrat: string }) => codes.has(c.codeContrat))).toBe(true);

    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validGrades = ajv.compile(gradesSchema);
    expect(demo.learners.length).toBeGreaterThanOrEqual(3);
    for (const learner of demo.learners) {
      const grades = expectOk(state, 'GET', '/api/v1/grades', { token: 'tok-demo', query: { studentId: learner.studentId } }).body;
      expect(validGrades(grades), JSON.stringify(validGrades.errors)).toBe(true);
      expect(grades.sessions.length).toBeGreaterThan(0);
      const progress = expectOk(state, 'GET', '/api/sync/v1/get-training-progress-by-students', {
        token: 'tok-demo',
        query: { email: learner.email as string },
      }).body;
      expect(progress).toHaveLength(1);
      expect(progress[0]._id).toBe(learner.studentId);
      expect(progress[0].reports.length).toBeGreaterThan(0);
    }
  });
});
