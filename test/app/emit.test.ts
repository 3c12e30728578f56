// The emitted app: layout, ids and types, the contract spec derived from the schema, determinism.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { app } from '../../app';
import { schemas } from '../../app/schemas';
import contratSchema from '../../api/schemas/contrat.schema.json';
import { emitApp } from '../../sdk/emit/emitApp';
import { CODE_FILE_SUFFIXES } from '../../sdk/emit/layout';
import { mapReader, readEmittedApp } from '../../sdk/emitted';
import type { AppDefinition, Parameter, Request } from '../../sdk/types';
import { buildApp } from '../../sdk/emit/buildApp';

const files = emitApp(app);
const emitted = readEmittedApp(mapReader(files));
const paths = new Set(files.map((f) => f.path));

describe('emitted layout', () => {
  it('has the general code files and a manifest of fileVersion 1 with no origins', () => {
    expect(emitted.manifest.fileVersion).toBe(1);
    expect(emitted.manifest.origins).toEqual([]);
    expect(emitted.generalPaths).toEqual({
      base: 'general/base.iml.json',
      common: null,
      readme: 'README.md',
      groups: 'modules/groups.json',
    });
    for (const path of ['makecomapp.json', 'general/base.iml.json', 'README.md', 'modules/groups.json']) {
      expect(paths.has(path), path).toBe(true);
    }
  });

  it('emits every module with all six code files in <type>s/<kebab-id>/<kebab-id>.<suffix>', () => {
    const expected: Record<string, string> = {
      testConnection: 'test-connection',
      simulateSync: 'simulate-sync',
      syncContracts: 'sync-contracts',
      safeSync: 'safe-sync',
      resetSync: 'reset-sync',
      listTransmittedContracts: 'list-transmitted-contracts',
      listIntegratedContracts: 'list-integrated-contracts',
      getStudentValidations: 'get-student-validations',
      makeApiCall: 'make-api-call',
      syncContractChanges: 'sync-contract-changes',
      deleteAllContracts: 'delete-all-contracts',
      syncAbsences: 'sync-absences',
      listTrainingProgress: 'list-training-progress',
      syncGroupCalendar: 'sync-group-calendar',
      syncSites: 'sync-sites',
      syncFormations: 'sync-formations',
      syncGroups: 'sync-groups',
    };
    expect(Object.keys(emitted.modules)).toEqual(Object.keys(expected));
    for (const [id, kebab] of Object.entries(expected)) {
      const module = emitted.modules[id];
      for (const [code, suffix] of Object.entries(CODE_FILE_SUFFIXES.module)) {
        const path = `modules/${kebab}/${kebab}.${suffix}`;
        expect(module.paths[code], `${id}.${code}`).toBe(path);
        expect(paths.has(path), path).toBe(true);
      }
    }
  });

  it('emits every RPC with its communication and params in rpcs/<kebab-id>/<kebab-id>.<suffix>', () => {
    const expected: Record<string, string> = { listLearners: 'list-learners', listGroups: 'list-groups' };
    expect(Object.keys(emitted.rpcs)).toEqual(Object.keys(expected));
    for (const [id, kebab] of Object.entries(expected)) {
      expect(emitted.rpcs[id].paths).toEqual({
        communication: `rpcs/${kebab}/${kebab}.communication.iml.json`,
        params: `rpcs/${kebab}/${kebab}.params.iml.json`,
      });
    }
  });

  it('emits the connection with its communication and params; no common file when there is none', () => {
    const connection = emitted.connections.campusSkills;
    expect(connection.meta).toMatchObject({ label: 'Campus Skills', connectionType: 'basic' });
    expect(connection.paths).toEqual({
      communication: 'connections/campus-skills/campus-skills.communication.iml.json',
      params: 'connections/campus-skills/campus-skills.params.iml.json',
    });
    expect((emitted.manifest as any).components.connection.campusSkills.codeFiles.common).toBeNull();
  });

  it('writes every JSON file as 2-space JSON with a final newline', () => {
    for (const file of files.filter((f) => f.path.endsWith('.json'))) {
      expect(file.content, file.path).toBe(`${JSON.stringify(JSON.parse(file.content), null, 2)}\n`);
    }
  });
});

describe('modules', () => {
  it('have the documented ids, types and labels', () => {
    const summary = Object.values(emitted.modules).map((m) => [m.id, m.meta.moduleType, m.meta.label]);
    expect(summary).toEqual([
      ['testConnection', 'action', 'Tester la connexion'],
      ['simulateSync', 'action', 'Simuler une synchronisation'],
      ['syncContracts', 'action', 'Synchroniser les contrats'],
      ['safeSync', 'action', 'Synchroniser en sécurité'],
      ['resetSync', 'action', 'Réinitialiser la synchronisation'],
      ['listTransmittedContracts', 'search', 'Récupérer les contrats transmis'],
      ['listIntegratedContracts', 'search', 'Récupérer les contrats intégrés'],
      ['getStudentValidations', 'action', "Récupérer les validations d'un étudiant"],
      ['makeApiCall', 'universal', 'Faire un appel API'],
      ['syncContractChanges', 'action', 'Synchroniser les changements de contrats'],
      ['deleteAllContracts', 'action', 'Supprimer tous les contrats (bac à sable)'],
      ['syncAbsences', 'action', "Synchroniser les absences d'un apprenant"],
      ['listTrainingProgress', 'search', "Récupérer la progression du livret d'un apprenant"],
      ['syncGroupCalendar', 'action', "Définir le calendrier d'un groupe"],
      ['syncSites', 'action', 'Synchroniser les sites'],
      ['syncFormations', 'action', 'Synchroniser les formations'],
      ['syncGroups', 'action', 'Synchroniser les groupes'],
    ]);
    for (const module of Object.values(emitted.modules)) {
      expect(module.meta.connection).toBe('campusSkills');
      expect(String(module.meta.description).length).toBeGreaterThan(20);
    }
  });

  it('are grouped, contracts first, every module exactly once', () => {
    const groups = emitted.general.groups as Array<{ label: string; modules: string[] }>;
    expect(groups[0].label).toBe('Contrats');
    expect(groups.map((g) => g.label)).toContain('Apprenants');
    expect(groups.flatMap((g) => g.modules).sort()).toEqual(Object.keys(emitted.modules).sort());
  });

  it.each(['simulateSync', 'syncContracts'])('%s takes contrats as an array of collections covering every contract field', (id) => {
    const params = emitted.modules[id].codes.mappableParams as Parameter[];
    expect(params).toHaveLength(1);
    const [contrats] = params;
    expect(contrats).toMatchObject({ name: 'contrats', type: 'array', required: true });
    const spec = contrats.spec as Parameter[];
    const schemaFields = Object.keys(contratSchema.properties);
    expect(spec.map((p) => p.name)).toEqual(schemaFields);
    const required = new Set(contratSchema.required);
    for (const field of spec) {
      expect(field.required === true, `${field.name} required`).toBe(required.has(field.name));
      expect(field.help, `${field.name} help`).toBeTruthy();
      expect(field.label, `${field.name} label`).toBe(
        (contratSchema.properties as Record<string, { title: string }>)[field.name].title,
      );
    }
    const byName = Object.fromEntries(spec.map((p) => [p.name, p]));
    expect(byName.dateDebut.validate).toEqual({ pattern: contratSchema.properties.dateDebut.pattern });
    expect(byName.emailApprenant.type).toBe('email');
  });

  it.each(['listTransmittedContracts', 'listIntegratedContracts'])(
    '%s outputs one contract a bundle, with the fields of the contract schema',
    (id) => {
      const iface = emitted.modules[id].codes.interface as Parameter[];
      expect(iface.map((p) => [p.name, p.label])).toEqual(
        Object.entries(contratSchema.properties).map(([name, p]) => [name, p.title]),
      );
      // An interface describes output: no input-only keys.
      expect(iface.some((p) => p.required !== undefined || p.validate !== undefined)).toBe(false);
      const [maxCount] = emitted.modules[id].codes.mappableParams as Parameter[];
      expect(maxCount).toMatchObject({ name: 'limit', type: 'uinteger' });
      expect(maxCount.required).toBeUndefined();
    },
  );

  it('samples match the schemas of their modules', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    for (const schema of Object.values(schemas)) ajv.addSchema(schema);
    const schemaOfModule: Record<string, string> = {
      testConnection: 'connection-test.schema.json',
      simulateSync: 'diff-result.schema.json',
      syncContracts: 'sync-result.schema.json',
      safeSync: 'safe-sync-result.schema.json',
      resetSync: 'sync-result.schema.json',
      listTransmittedContracts: 'contrat.schema.json',
      listIntegratedContracts: 'contrat.schema.json',
      getStudentValidations: 'grades.schema.json',
      syncContractChanges: 'contract-changes-result.schema.json',
      deleteAllContracts: 'delete-all-result.schema.json',
      syncAbsences: 'absences-result.schema.json',
      listTrainingProgress: 'training-progress.schema.json',
      syncGroupCalendar: 'group-calendar-result.schema.json',
      syncSites: 'v1-sites-result.schema.json',
      syncFormations: 'v1-formations-result.schema.json',
      syncGroups: 'v1-groups-result.schema.json',
    };
    for (const [id, schemaId] of Object.entries(schemaOfModule)) {
      const validate = ajv.getSchema(schemaId)!;
      expect(validate(emitted.modules[id].codes.samples), `${id}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });
});

describe('determinism', () => {
  it('gives byte-identical files when emitted twice', () => {
    expect(emitApp(app)).toEqual(files);
  });

  it('gives byte-identical dist/ from two build processes with different locale and time zone', () => {
    const runBuild = (env: Record<string, string>): Map<string, string> => {
      const out = mkdtempSync(join(tmpdir(), 'cs-build-'));
      execFileSync(process.execPath, ['-r', 'ts-node/register', 'scripts/build.ts', '--out', out], {
        cwd: join(__dirname, '..', '..'),
        env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', ...env },
        stdio: 'pipe',
      });
      return readTree(out);
    };
    const first = runBuild({ TZ: 'UTC', LANG: 'C' });
    const second = runBuild({ TZ: 'Pacific/Chatham', LANG: 'fr_FR.UTF-8' });
    // The build also writes the scenario templates (dist/scenarios/); the app's own files are emitApp's.
    expect([...first.keys()].filter((p) => !p.startsWith('scenarios/'))).toEqual(files.map((f) => f.path));
    expect(second).toEqual(first);
    expect(first.get('makecomapp.json')).toBe(files.find((f) => f.path === 'makecomapp.json')!.content);
  });
});

function readTree(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(root, full), readFileSync(full, 'utf8'));
    }
  };
  walk(root);
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe('definition errors fail the build, naming the file and path, and write nothing', () => {
  const broken = (change: (copy: AppDefinition) => void): AppDefinition => {
    const copy = structuredClone(app);
    change(copy);
    return copy;
  };
  const build = (definition: AppDefinition) => {
    const out = join(mkdtempSync(join(tmpdir(), 'cs-broken-')), 'dist');
    const result = buildApp(definition, out);
    return { ...result, written: existsSync(out) };
  };

  it('a duplicate module id', () => {
    const result = build(broken((a) => a.modules.push({ ...a.modules[2] })));
    expect(result.written).toBe(false);
    expect(result.findings).toEqual([
      expect.objectContaining({ severity: 'error', rule: 'definition', file: 'modules/syncContracts.ts', message: "two modules have the id 'syncContracts'" }),
    ]);
  });

  it("a module id breaking Make's id rules", () => {
    const result = build(broken((a) => (a.modules[0].id = 'test-connection')));
    expect(result.written).toBe(false);
    expect(result.findings).toContainEqual(
      expect.objectContaining({ severity: 'error', rule: 'id-format', file: 'makecomapp.json', path: '$.components.module.test-connection' }),
    );
  });

  it('a parameter used in IML but not declared', () => {
    const result = build(
      broken((a) => {
        const sync = a.modules.find((m) => m.id === 'syncContracts')!;
        (sync.communication as Request).body = { contrats: '{{parameters.contrat}}' };
      }),
    );
    expect(result.written).toBe(false);
    expect(result.findings).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        rule: 'iml-undeclared-parameter',
        file: 'modules/sync-contracts/sync-contracts.communication.iml.json',
        path: '$.body.contrats',
      }),
    );
  });

  it('the real app builds clean', () => {
    const result = build(app);
    expect(result.written).toBe(true);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
