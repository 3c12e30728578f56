// Every rule of sdk/check against the real app: the app as emitted has no finding, and each deliberate
// break (made on the emitted JSON, as a hand edit of dist/ would be) gives exactly the one expected finding.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { app } from '../../app';
import { checkApp, ALL_RULE_IDS } from '../../sdk/check';
import { formatFinding, type Finding } from '../../sdk/check/findings';
import { emitApp } from '../../sdk/emit/emitApp';
import { EmittedAppError, mapReader, readEmittedApp, type EmittedApp } from '../../sdk/emitted';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const files = emitApp(app);
const clean = readEmittedApp(mapReader(files));

const BASE = 'general/base.iml.json';
const GROUPS = 'modules/groups.json';
const MANIFEST = 'makecomapp.json';
const CONNECTION = 'connections/campus-skills/campus-skills';
const mod = (kebab: string, suffix: string): string => `modules/${kebab}/${kebab}.${suffix}.iml.json`;

/** The app with some emitted files edited: JSON files get their parsed content (edit it in place, or return a new value). */
function broken(edits: Record<string, (document: Json) => Json>): EmittedApp {
  for (const path of Object.keys(edits)) {
    if (!files.some((f) => f.path === path)) throw new Error(`no emitted file ${path}`);
  }
  return readEmittedApp(
    mapReader(
      files.map((file) => {
        const edit = edits[file.path];
        if (!edit) return file;
        if (!file.path.endsWith('.json')) return { path: file.path, content: String(edit(file.content)) };
        const document = JSON.parse(file.content);
        const result = edit(document);
        return { path: file.path, content: JSON.stringify(result === undefined ? document : result, null, 2) };
      }),
    ),
  );
}

interface Expected {
  rule: string;
  severity: 'error' | 'warning';
  file: string;
  path: string;
  message?: RegExp;
  hint?: RegExp;
}

/** checkApp gives exactly this one finding. */
function expectOnly(emitted: EmittedApp, expected: Expected): Finding {
  const findings = checkApp(emitted);
  const { message, hint, ...where } = expected;
  expect(findings.map(({ rule, severity, file, path }) => ({ rule, severity, file, path })), findings.map(formatFinding).join('\n')).toEqual([where]);
  if (message) expect(findings[0].message).toMatch(message);
  if (hint) expect(findings[0].hint).toMatch(hint);
  return findings[0];
}

describe('the app as emitted', () => {
  it('has no finding at all (npm run validate is clean, no warning)', () => {
    expect(checkApp(clean).map(formatFinding)).toEqual([]);
  });

  it('registers every rule id the README documents', () => {
    expect([...ALL_RULE_IDS].sort()).toEqual(
      [
        'format-schema', 'iml-syntax', 'iml-unknown-function', 'iml-argument-count', 'iml-undeclared-parameter',
        'iml-undeclared-connection-field', 'rpc-unresolved', 'id-format', 'id-unique', 'groups-unknown-module',
        'groups-missing-module', 'samples-interface', 'output-undeclared', 'search-lists', 'undocumented-directive',
        'undocumented-keyword', 'undocumented-variable', 'label-missing', 'description-missing', 'text-french',
        'action-label-verb', 'input-help', 'search-limit-last', 'rate-limit-mapped', 'auth-sanitized', 'no-secret-in-dist',
        'secret-param-password',
      ].sort(),
    );
  });
});

describe('format-schema', () => {
  it('reports an unknown key of a parameter at its path, suggesting the known key', () => {
    const finding = expectOnly(
      broken({ [mod('sync-contracts', 'mappable-params')]: (d) => void (d[0].spec[0].requierd = true) }),
      { rule: 'format-schema', severity: 'error', file: mod('sync-contracts', 'mappable-params'), path: '$[0].spec[0].requierd', message: /unknown key 'requierd'/ },
    );
    expect(finding.hint).toMatch(/required/);
  });

  it('writes a status key of response.error in the $.a.b style of the findings ($.response.error.400.type)', () => {
    expectOnly(broken({ [BASE]: (d) => void (d.response.error['400'].type = 'DataErorr') }), {
      rule: 'format-schema',
      severity: 'error',
      file: BASE,
      path: '$.response.error.400.type',
      message: /DataError/,
    });
  });

  it('validates makecomapp.json too', () => {
    expectOnly(broken({ [MANIFEST]: (d) => void (d.components.module.resetSync.moduleType = 'acton') }), {
      rule: 'format-schema',
      severity: 'error',
      file: MANIFEST,
      path: '$.components.module.resetSync.moduleType',
      message: /'action'/,
    });
  });
});

describe('iml-syntax', () => {
  it('reports a string that does not parse, with the offset of the problem', () => {
    expectOnly(broken({ [mod('sync-contracts', 'communication')]: (d) => void (d.body.contrats = '{{parameters.contrats') }), {
      rule: 'iml-syntax',
      severity: 'error',
      file: mod('sync-contracts', 'communication'),
      path: '$.body.contrats',
      message: /does not parse: .* at offset \d+ of '\{\{parameters\.contrats'/,
    });
  });

  it('checks the base and the connection too', () => {
    expectOnly(broken({ [`${CONNECTION}.communication.iml.json`]: (d) => void (d.response.metadata.value = '{{body.name +}}') }), {
      rule: 'iml-syntax',
      severity: 'error',
      file: `${CONNECTION}.communication.iml.json`,
      path: '$.response.metadata.value',
    });
  });
});

describe('iml-unknown-function and iml-argument-count', () => {
  it('reports a function that is neither built in nor custom, with the likely name', () => {
    expectOnly(broken({ [mod('test-connection', 'communication')]: (d) => void (d.response.output.message = '{{lenght(body.value)}}') }), {
      rule: 'iml-unknown-function',
      severity: 'error',
      file: mod('test-connection', 'communication'),
      path: '$.response.output.message',
      message: /function 'lenght'/,
      hint: /did you mean 'length'\?/,
    });
  });

  it('accepts a custom function of the app', () => {
    const withFunction = broken({ [mod('test-connection', 'communication')]: (d) => void (d.response.output.message = '{{clean(body.value)}}') });
    expect(checkApp(withFunction).map((f) => f.rule)).toEqual(['iml-unknown-function']);
    withFunction.functions.clean = { id: 'clean', meta: {}, codes: { code: 'function clean(v) { return v; }' }, paths: {} };
    expect(checkApp(withFunction)).toEqual([]);
  });

  it('reports a built-in called with a wrong number of arguments, and only that', () => {
    expectOnly(broken({ [mod('reset-sync', 'communication')]: (d) => void (d.response.temp.rejectedCount = '{{length(body.invalidContrats, 2)}}') }), {
      rule: 'iml-argument-count',
      severity: 'error',
      file: mod('reset-sync', 'communication'),
      path: '$.response.temp.rejectedCount',
      message: /function 'length' expects 1 argument, got 2/,
    });
  });
});

describe('iml-undeclared-parameter and iml-undeclared-connection-field', () => {
  it('reports {{parameters.contrat}} in sync-contracts (the input is contrats)', () => {
    expectOnly(
      broken({ [mod('sync-contracts', 'communication')]: (d) => void (d.body.contrats = '{{parameters.contrat}}') }),
      { rule: 'iml-undeclared-parameter', severity: 'error', file: mod('sync-contracts', 'communication'), path: '$.body.contrats', message: /'parameters\.contrat'/ },
    );
  });

  it('reports a connection field the connection does not have', () => {
    expectOnly(broken({ [BASE]: (d) => void (d.headers.authorization = 'Bearer {{connection.apikey}}') }), {
      rule: 'iml-undeclared-connection-field',
      severity: 'error',
      file: BASE,
      path: '$.headers.authorization',
      message: /'connection\.apikey'/,
    });
  });
});

describe('rpc-unresolved', () => {
  it('reports options loaded from an RPC the app does not have', () => {
    const button = { label: 'Rechercher un apprenant', url: 'rpc://searchStudents' };
    expectOnly(broken({ [mod('get-student-validations', 'mappable-params')]: (d) => void (d[0].options[0].nested[0].rpc = button) }), {
      rule: 'rpc-unresolved',
      severity: 'error',
      file: mod('get-student-validations', 'mappable-params'),
      path: '$[0].options[0].nested[0].rpc.url',
      message: /'rpc:\/\/searchStudents' names no RPC of the app \(RPCs: none\)/,
    });
  });

  it('accepts an RPC the app has, and wants a label on it', () => {
    const emitted = broken({ [mod('get-student-validations', 'mappable-params')]: (d) => void (d[0].options[0].nested[0].rpc = { label: 'Rechercher', url: 'rpc://searchStudents' }) });
    emitted.rpcs.searchStudents = { id: 'searchStudents', meta: { label: 'Rechercher des apprenants', connection: 'campusSkills' }, codes: {}, paths: {} };
    expect(checkApp(emitted)).toEqual([]);
    delete emitted.rpcs.searchStudents.meta.label;
    expectOnly(emitted, { rule: 'label-missing', severity: 'error', file: MANIFEST, path: '$.components.rpc.searchStudents.label' });
  });
});

describe('id-format and id-unique', () => {
  // Make's current limit is 48 characters; the format schema accepts the legacy 64.
  const longId = 'resetSyncAndArchiveEveryContractOfTheSchoolYearNow';

  it('reports a module id that breaks Make\'s id rule', () => {
    expectOnly(
      broken({
        [MANIFEST]: (d) => {
          d.components.module[longId] = d.components.module.resetSync;
          delete d.components.module.resetSync;
        },
        [GROUPS]: (d) => void (d[0].modules[3] = longId),
      }),
      { rule: 'id-format', severity: 'error', file: MANIFEST, path: `$.components.module.${longId}`, hint: /2 to 47 letters or digits/ },
    );
  });

  it('reports a bad id once: id-format supersedes the format schema at the same place', () => {
    const findings = checkApp(
      broken({
        [MANIFEST]: (d) => {
          d.components.module.reset_sync = d.components.module.resetSync;
          delete d.components.module.resetSync;
        },
        [GROUPS]: (d) => void (d[0].modules[3] = 'reset_sync'),
      }),
    );
    expect(findings.map((f) => `${f.rule} ${f.file}:${f.path}`)).toEqual([
      'id-format makecomapp.json:$.components.module.reset_sync',
      'format-schema modules/groups.json:$[0].modules[3]',
    ]);
  });

  it('reports two module ids that differ only by case', () => {
    expectOnly(
      broken({
        [MANIFEST]: (d) => void (d.components.module.ResetSync = d.components.module.resetSync),
        [GROUPS]: (d) => void d[0].modules.push('ResetSync'),
      }),
      { rule: 'id-unique', severity: 'error', file: MANIFEST, path: '$.components.module.ResetSync' },
    );
  });
});

describe('groups-unknown-module and groups-missing-module', () => {
  it('reports a group listing a module the app does not have', () => {
    expectOnly(broken({ [GROUPS]: (d) => void d[0].modules.push('syncContract') }), {
      rule: 'groups-unknown-module',
      severity: 'error',
      file: GROUPS,
      path: '$[0].modules[6]',
      hint: /did you mean 'syncContracts'\?/,
    });
  });

  it('warns about a module in no group', () => {
    expectOnly(broken({ [GROUPS]: (d) => void d[0].modules.splice(3, 1) }), {
      rule: 'groups-missing-module',
      severity: 'warning',
      file: GROUPS,
      path: '$',
      message: /module 'resetSync' is in no group/,
    });
  });
  it('warns once when the app has no groups file at all', () => {
    expectOnly(broken({ [MANIFEST]: (d) => void (d.generalCodeFiles.groups = null) }), {
      rule: 'groups-missing-module',
      severity: 'warning',
      file: MANIFEST,
      path: '$.generalCodeFiles.groups',
      message: /none of its 7 modules is in a group/,
    });
  });
});

describe('samples-interface', () => {
  it('reports a sample of the wrong type', () => {
    expectOnly(broken({ [mod('test-connection', 'samples')]: (d) => void (d.valide = 'oui') }), {
      rule: 'samples-interface',
      severity: 'error',
      file: mod('test-connection', 'samples'),
      path: '$.valide',
      message: /'oui' is a text, but 'valide' is declared 'boolean'/,
    });
  });

  it('reports a sample key the interface does not declare', () => {
    expectOnly(broken({ [mod('test-connection', 'samples')]: (d) => void (d.nomCompt = d.nomCompte) }), {
      rule: 'samples-interface',
      severity: 'error',
      file: mod('test-connection', 'samples'),
      path: '$.nomCompt',
      hint: /did you mean 'nomCompte'\?/,
    });
  });

  it('checks inside arrays and their item collections', () => {
    expectOnly(broken({ [mod('get-student-validations', 'samples')]: (d) => void (d.sessions[0].blocks[0].skills[0].validationScore = '4') }), {
      rule: 'samples-interface',
      severity: 'error',
      file: mod('get-student-validations', 'samples'),
      path: '$.sessions[0].blocks[0].skills[0].validationScore',
      message: /declared 'number'/,
    });
  });

  it('checks a select against its options', () => {
    expectOnly(broken({ [mod('reset-sync', 'samples')]: (d) => void (d.statut = 'success') }), {
      rule: 'samples-interface',
      severity: 'error',
      file: mod('reset-sync', 'samples'),
      path: '$.statut',
      message: /not an option of 'statut' \(options: "succes", "partiel"\)/,
    });
  });
});

describe('output-undeclared', () => {
  it('warns about an output key the interface does not declare', () => {
    expectOnly(broken({ [mod('test-connection', 'communication')]: (d) => void (d.response.output.compte = '{{body.name}}') }), {
      rule: 'output-undeclared',
      severity: 'warning',
      file: mod('test-connection', 'communication'),
      path: '$.response.output.compte',
    });
  });

  it('reads the wrapper of an action, and the fields of a collection', () => {
    const wrapped = { valide: '{{output.valide}}', message: '{{output.message}}', nomCompte: '{{output.nomCompte}}', nombre: '{{length(output)}}' };
    expectOnly(broken({ [mod('test-connection', 'communication')]: (d) => void (d.response.wrapper = wrapped) }), {
      rule: 'output-undeclared',
      severity: 'warning',
      file: mod('test-connection', 'communication'),
      path: '$.response.wrapper.nombre',
    });
    expectOnly(broken({ [mod('simulate-sync', 'communication')]: (d) => void (d.response.output.counts.total = '{{length(body.same)}}') }), {
      rule: 'output-undeclared',
      severity: 'warning',
      file: mod('simulate-sync', 'communication'),
      path: '$.response.output.counts.total',
    });
  });
});

describe('search-lists', () => {
  it('reports a listing search without pagination', () => {
    expectOnly(broken({ [mod('list-transmitted-contracts', 'communication')]: (d) => void delete d.pagination }), {
      rule: 'search-lists',
      severity: 'error',
      file: mod('list-transmitted-contracts', 'communication'),
      path: '$',
      message: /iterates over a list but has no pagination/,
    });
  });
});

describe('undocumented-directive', () => {
  it('reports a wrapper on a search (Make documents it for actions only)', () => {
    expectOnly(broken({ [mod('list-transmitted-contracts', 'communication')]: (d) => void (d.response.wrapper = '{{output}}') }), {
      rule: 'undocumented-directive',
      severity: 'error',
      file: mod('list-transmitted-contracts', 'communication'),
      path: '$.response.wrapper',
      message: /^search 'listTransmittedContracts' has response\.wrapper, which Make does not document for a search \(its documented response directives: type, valid, error, limit, iterate, temp, output\)$/,
      hint: /one bundle per item of response\.iterate/,
    });
  });

  it('reports an iterate on an action', () => {
    expectOnly(broken({ [mod('sync-contracts', 'communication')]: (d) => void (d.response.iterate = '{{body.validContrats}}') }), {
      rule: 'undocumented-directive',
      severity: 'error',
      file: mod('sync-contracts', 'communication'),
      path: '$.response.iterate',
      message: /^action 'syncContracts' has response\.iterate, which Make does not document for an action/,
      hint: /make 'syncContracts' a search/,
    });
  });

  it('reports pagination and limit on an action', () => {
    expectOnly(broken({ [mod('reset-sync', 'communication')]: (d) => void (d.pagination = { qs: { page: '{{pagination.page}}' } }) }), {
      rule: 'undocumented-directive',
      severity: 'error',
      file: mod('reset-sync', 'communication'),
      path: '$.pagination',
      message: /"An action module should never contain pagination or the iterate directive"/,
    });
    expectOnly(broken({ [mod('reset-sync', 'communication')]: (d) => void (d.response.limit = 1) }), {
      rule: 'undocumented-directive',
      severity: 'error',
      file: mod('reset-sync', 'communication'),
      path: '$.response.limit',
      hint: /exactly one bundle/,
    });
  });

  it("reports a connection's directive on a module, and a module's directive on the connection", () => {
    expectOnly(broken({ [mod('test-connection', 'communication')]: (d) => void (d.response.data = { nom: '{{body.name}}' }) }), {
      rule: 'undocumented-directive',
      severity: 'error',
      file: mod('test-connection', 'communication'),
      path: '$.response.data',
      hint: /only a connection saves data/,
    });
    expectOnly(broken({ [`${CONNECTION}.communication.iml.json`]: (d) => void (d.response.output = '{{body}}') }), {
      rule: 'undocumented-directive',
      severity: 'error',
      file: `${CONNECTION}.communication.iml.json`,
      path: '$.response.output',
      message: /^connection 'campusSkills' has response\.output, which Make does not document for a connection/,
    });
  });
});

describe('undocumented-keyword', () => {
  it('reports a scenario keyword (ignore) in app IML, suggesting undefined', () => {
    expectOnly(broken({ [mod('sync-contracts', 'communication')]: (d) => void (d.body.contrats = '{{ifempty(parameters.contrats, ignore)}}') }), {
      rule: 'undocumented-keyword',
      severity: 'error',
      file: mod('sync-contracts', 'communication'),
      path: '$.body.contrats',
      message: /^'ignore' \(offset 31 of .*\) is not a word Make documents in app IML \(a keyword of scenario mappings\)$/,
      hint: /undefined/,
    });
  });

  it('reports erase and newline anywhere IML is read, parameters included', () => {
    const withErase = broken({ [mod('sync-contracts', 'mappable-params')]: (d) => void (d[0].default = '{{erase}}') });
    expectOnly(withErase, {
      rule: 'undocumented-keyword',
      severity: 'error',
      file: mod('sync-contracts', 'mappable-params'),
      path: '$[0].default',
      message: /'erase'.*users' mappings/,
    });
    expectOnly(broken({ [BASE]: (d) => void (d.headers['x-note'] = 'a{{newline}}b') }), {
      rule: 'undocumented-keyword',
      severity: 'error',
      file: BASE,
      path: '$.headers.x-note',
      hint: /\\n in the JSON text/,
    });
  });

  it('accepts undefined, emptystring, emptyarray, now, true, false and null', () => {
    const documented = '{{if(now, ifempty(emptystring, undefined), if(true, emptyarray, if(false, null, 1)))}}';
    const emitted = broken({ [mod('test-connection', 'communication')]: (d) => void (d.qs = { a: documented }) });
    expect(checkApp(emitted)).toEqual([]);
  });
});

describe('undocumented-variable', () => {
  it('reports item read where the request does not iterate', () => {
    expectOnly(broken({ [mod('test-connection', 'communication')]: (d) => void (d.response.output.message = '{{item.value}}') }), {
      rule: 'undocumented-variable',
      severity: 'error',
      file: mod('test-connection', 'communication'),
      path: '$.response.output.message',
      message: /^action 'testConnection' reads 'item' \(offset 2 of .*\) in response\.output, but the request has no response\.iterate/,
    });
  });

  it('reports pagination.page in the first request (only the pagination block has it)', () => {
    expectOnly(broken({ [mod('list-transmitted-contracts', 'communication')]: (d) => void (d.qs.page = '{{pagination.page}}') }), {
      rule: 'undocumented-variable',
      severity: 'error',
      file: mod('list-transmitted-contracts', 'communication'),
      path: '$.qs.page',
      message: /reads 'pagination' .* in the request's qs \(evaluated before its response\), where Make does not document it \(documented in: pagination\)/,
      hint: /literal/,
    });
  });

  it('reports output outside wrapper, body in a request, item outside output and iterate.condition', () => {
    expectOnly(broken({ [mod('test-connection', 'communication')]: (d) => void (d.response.output.message = '{{output.value}}') }), {
      rule: 'undocumented-variable',
      severity: 'error',
      file: mod('test-connection', 'communication'),
      path: '$.response.output.message',
      message: /'output'.*documented in: response\.wrapper/,
    });
    expectOnly(broken({ [mod('sync-contracts', 'communication')]: (d) => void (d.headers = { 'x-id': '{{body.id}}' }) }), {
      rule: 'undocumented-variable',
      severity: 'error',
      file: mod('sync-contracts', 'communication'),
      path: '$.headers.x-id',
      hint: /response\.temp/,
    });
    expectOnly(broken({ [mod('list-integrated-contracts', 'communication')]: (d) => void (d.response.limit = '{{item.limite}}') }), {
      rule: 'undocumented-variable',
      severity: 'error',
      file: mod('list-integrated-contracts', 'communication'),
      path: '$.response.limit',
      message: /'item'.*in response\.limit, where Make does not document it/,
    });
  });

  it('reports a root Make does not document, with the likely name', () => {
    expectOnly(broken({ [mod('test-connection', 'communication')]: (d) => void (d.response.output.message = '{{bodi.value}}') }), {
      rule: 'undocumented-variable',
      severity: 'error',
      file: mod('test-connection', 'communication'),
      path: '$.response.output.message',
      hint: /did you mean 'body'\?/,
    });
    expectOnly(broken({ [mod('test-connection', 'communication')]: (d) => void (d.response.output.message = '{{constructor}}') }), {
      rule: 'undocumented-variable',
      severity: 'error',
      file: mod('test-connection', 'communication'),
      path: '$.response.output.message',
      message: /reads 'constructor'.*not an IML variable Make documents here/,
    });
  });

  it("reports connection.* in the connection's own communication (a connection reads its parameters)", () => {
    const url = '{{connection.baseUrl}}/api/sync/v1/test';
    expectOnly(broken({ [`${CONNECTION}.communication.iml.json`]: (d) => void (d.url = url) }), {
      rule: 'undocumented-variable',
      severity: 'error',
      file: `${CONNECTION}.communication.iml.json`,
      path: '$.url',
      message: /^connection 'campusSkills' reads 'connection' .* in the request's url/,
    });
  });

  it('accepts what Make documents where it documents it', () => {
    const file = mod('list-transmitted-contracts', 'communication');
    const documented = (d: Json): void => {
      d.response.iterate = { container: '{{body.contrats}}', condition: '{{item.codeContrat != emptystring}}' };
      d.pagination.condition = '{{length(body.contrats) > 0 && iterate.container.last.codeContrat != temp.dernier}}';
      d.pagination.headers = { 'x-page': '{{pagination.page}}', 'x-de': '{{headers.`x-total`}}' };
    };
    const undocumentedAt = (emitted: EmittedApp): string[] =>
      checkApp(emitted)
        .filter((f) => f.rule.startsWith('undocumented-') && f.file === file && /^\$\.(response\.iterate|pagination)/.test(f.path))
        .map(formatFinding);
    expect(undocumentedAt(broken({ [file]: documented }))).toEqual([]);
  });
});

describe('label-missing and description-missing', () => {
  it('reports a module without a label', () => {
    expectOnly(broken({ [MANIFEST]: (d) => void (d.components.module.resetSync.label = ' ') }), {
      rule: 'label-missing',
      severity: 'error',
      file: MANIFEST,
      path: '$.components.module.resetSync.label',
    });
  });

  it('reports a connection without a label', () => {
    expectOnly(broken({ [MANIFEST]: (d) => void delete d.components.connection.campusSkills.label }), {
      rule: 'label-missing',
      severity: 'error',
      file: MANIFEST,
      path: '$.components.connection.campusSkills.label',
    });
  });

  it('reports a module without a description', () => {
    expectOnly(broken({ [MANIFEST]: (d) => void delete d.components.module.getStudentValidations.description }), {
      rule: 'description-missing',
      severity: 'error',
      file: MANIFEST,
      path: '$.components.module.getStudentValidations.description',
    });
  });
});

describe('text-french', () => {
  it('warns about an English help text', () => {
    expectOnly(broken({ [mod('sync-contracts', 'mappable-params')]: (d) => void (d[0].help = 'All your active contracts, in the Campus Skills format.') }), {
      rule: 'text-french',
      severity: 'warning',
      file: mod('sync-contracts', 'mappable-params'),
      path: '$[0].help',
      message: /reads as English \('all', 'your', 'contracts', 'in', 'the'\)/,
    });
  });

  it('warns about an English module description and an English error message', () => {
    expectOnly(broken({ [MANIFEST]: (d) => void (d.components.module.getStudentValidations.description = 'Get the grades of a student.') }), {
      rule: 'text-french',
      severity: 'warning',
      file: MANIFEST,
      path: '$.components.module.getStudentValidations.description',
    });
    expectOnly(broken({ [BASE]: (d) => void (d.response.error['429'].message = 'Too many requests: please retry later ({{statusCode}})') }), {
      rule: 'text-french',
      severity: 'warning',
      file: BASE,
      path: '$.response.error.429.message',
    });
  });

  it('keeps "API Key", the label the seed asks for, as a technical name', () => {
    const apiKey = clean.connections.campusSkills.codes.params as Json[];
    expect(apiKey[0].label).toBe('API Key');
    expect(checkApp(clean).filter((f) => f.rule === 'text-french')).toEqual([]);
  });
});

describe('action-label-verb', () => {
  it('warns about an action whose label does not start with a French infinitive', () => {
    expectOnly(broken({ [MANIFEST]: (d) => void (d.components.module.testConnection.label = 'Test de la connexion') }), {
      rule: 'action-label-verb',
      severity: 'warning',
      file: MANIFEST,
      path: '$.components.module.testConnection.label',
      message: /starts with 'Test'/,
    });
  });
});

describe('input-help', () => {
  it('reports a field of an array input (spec) without help', () => {
    expectOnly(broken({ [mod('sync-contracts', 'mappable-params')]: (d) => void delete d[0].spec[3].help }), {
      rule: 'input-help',
      severity: 'error',
      file: mod('sync-contracts', 'mappable-params'),
      path: '$[0].spec[3]',
      message: /input 'nomEntreprise' \('Nom de l'entreprise'\) of module 'syncContracts' has no help/,
    });
  });

  it('reports a nested connection input without help', () => {
    expectOnly(broken({ [`${CONNECTION}.params.iml.json`]: (d) => void (d[1].options[2].nested[0].help = '') }), {
      rule: 'input-help',
      severity: 'error',
      file: `${CONNECTION}.params.iml.json`,
      path: '$[1].options[2].nested[0]',
      message: /input 'customBaseUrl'/,
    });
  });
});

describe('search-limit-last', () => {
  it('reports a maximum count that is not the last input of a search', () => {
    const statut = { name: 'statut', type: 'text', label: 'Statut', help: 'Le statut des contrats à récupérer.' };
    expectOnly(broken({ [mod('list-transmitted-contracts', 'mappable-params')]: (d) => void d.push(statut) }), {
      rule: 'search-limit-last',
      severity: 'error',
      file: mod('list-transmitted-contracts', 'mappable-params'),
      path: '$[0]',
      message: /'limit' of search 'listTransmittedContracts' is input 1 of 2 \(followed by 'statut'\)/,
    });
  });
});

describe('rate-limit-mapped', () => {
  it('reports a base that maps 429 to another type', () => {
    expectOnly(broken({ [BASE]: (d) => void (d.response.error['429'].type = 'RuntimeError') }), {
      rule: 'rate-limit-mapped',
      severity: 'error',
      file: BASE,
      path: '$.response.error.429.type',
      message: /maps HTTP 429 to 'RuntimeError'/,
    });
  });

  it('reports a base that does not map 429 at all', () => {
    expectOnly(broken({ [BASE]: (d) => void delete d.response.error['429'] }), {
      rule: 'rate-limit-mapped',
      severity: 'error',
      file: BASE,
      path: '$.response.error',
    });
  });

  it('reports a module that overrides the mapping', () => {
    expectOnly(
      broken({ [mod('sync-contracts', 'communication')]: (d) => void (d.response.error = { '429': { message: 'Trop de requêtes.', type: 'DataError' } }) }),
      { rule: 'rate-limit-mapped', severity: 'error', file: mod('sync-contracts', 'communication'), path: '$.response.error.429.type' },
    );
  });
});

describe('auth-sanitized', () => {
  it('reports a base that sends Authorization without sanitising it', () => {
    expectOnly(broken({ [BASE]: (d) => void (d.log.sanitize = []) }), {
      rule: 'auth-sanitized',
      severity: 'error',
      file: BASE,
      path: '$.headers.authorization',
      hint: /add "request\.headers\.authorization" to log\.sanitize/,
    });
  });

  it('reports a connection that does not sanitise its own Authorization header', () => {
    expectOnly(broken({ [`${CONNECTION}.communication.iml.json`]: (d) => void delete d.log }), {
      rule: 'auth-sanitized',
      severity: 'error',
      file: `${CONNECTION}.communication.iml.json`,
      path: '$.headers.authorization',
    });
  });
});

describe('no-secret-in-dist', () => {
  it('reports a literal bearer token, without printing it', () => {
    const token = 'cs_live_9a8b7c6d5e4f3a2b1c0d9e8f';
    const finding = expectOnly(broken({ [BASE]: (d) => void (d.headers.authorization = `Bearer ${token}`) }), {
      rule: 'no-secret-in-dist',
      severity: 'error',
      file: BASE,
      path: '$.headers.authorization',
      message: /looks like a bearer token: 'Bear…'/,
    });
    expect(formatFinding(finding)).not.toContain(token);
  });

  it('reports a literal default for the API key', () => {
    expectOnly(broken({ [`${CONNECTION}.params.iml.json`]: (d) => void (d[0].default = 'demo') }), {
      rule: 'no-secret-in-dist',
      severity: 'error',
      file: `${CONNECTION}.params.iml.json`,
      path: '$[0].default',
    });
  });

  it('reports "apiKey": "<literal>" anywhere, and a long hex literal in the README', () => {
    const hardCoded = (d: Json): void => {
      d.qs = { apiKey: 'abc123' };
      d.log = { sanitize: ['request.qs.apiKey'] };
    };
    expectOnly(broken({ [mod('test-connection', 'communication')]: hardCoded }), {
      rule: 'no-secret-in-dist',
      severity: 'error',
      file: mod('test-connection', 'communication'),
      path: '$.qs.apiKey',
    });
    expectOnly(broken({ 'README.md': (text: string) => `${text}\nclé : 3f9a1c2b7d4e8f603f9a1c2b7d4e8f60\n` }), {
      rule: 'no-secret-in-dist',
      severity: 'error',
      file: 'README.md',
      path: '$',
      message: /^line \d+ contains what looks like a long hexadecimal literal/,
    });
  });
});

describe('secret-param-password', () => {
  it('reports a key input that is not of type password', () => {
    expectOnly(broken({ [`${CONNECTION}.params.iml.json`]: (d) => void (d[0].type = 'text') }), {
      rule: 'secret-param-password',
      severity: 'error',
      file: `${CONNECTION}.params.iml.json`,
      path: '$[0].type',
      message: /input 'apiKey' of connection 'campusSkills' looks like a credential but has type 'text'/,
    });
  });
});

describe('checkApp as a whole', () => {
  it('sorts findings by file, path and rule, the same way every run', () => {
    const app2 = broken({
      [BASE]: (d) => void (d.log.sanitize = []),
      [GROUPS]: (d) => void d[0].modules.splice(3, 1),
      [mod('test-connection', 'samples')]: (d) => void (d.valide = 'oui'),
    });
    const first = checkApp(app2);
    expect(first.map((f) => `${f.file} ${f.rule}`)).toEqual([
      'general/base.iml.json auth-sanitized',
      'modules/groups.json groups-missing-module',
      'modules/test-connection/test-connection.samples.iml.json samples-interface',
    ]);
    expect(checkApp(app2)).toEqual(first);
  });

  it('does not throw on malformed files: wrong shapes are reported by format-schema, not crashes', () => {
    const mangled = broken({
      [mod('sync-contracts', 'mappable-params')]: () => 42,
      [mod('sync-contracts', 'interface')]: () => ({ not: 'a list' }),
      [mod('sync-contracts', 'samples')]: () => [1, 2],
      [mod('test-connection', 'communication')]: () => [null, 'x', { response: 'no' }],
      [BASE]: () => null,
      [GROUPS]: () => [null, { label: 'x', modules: 'all' }],
      [`${CONNECTION}.params.iml.json`]: () => [null, { name: 7, options: 'rpc://' }],
      [MANIFEST]: (d) => void (d.components.module.resetSync.label = 12),
    });
    const findings = checkApp(mangled);
    expect(findings.filter((f) => f.rule === 'check-crashed')).toEqual([]);
    expect(findings.some((f) => f.rule === 'format-schema' && f.file === mod('sync-contracts', 'mappable-params'))).toBe(true);
    expect(findings.some((f) => f.rule === 'rate-limit-mapped' && f.file === BASE && f.path === '$')).toBe(true);
  });

  it('reports a code file that makecomapp.json does not list (codeFiles null) without crashing', () => {
    const partial = broken({ [MANIFEST]: (d) => void (d.components.module.resetSync.codeFiles.communication = null) });
    expect(() => checkApp(partial)).not.toThrow();
    expect(checkApp(partial).filter((f) => f.rule === 'check-crashed')).toEqual([]);
  });

  it('never crashes, whatever value replaces whatever node of whatever file (property)', () => {
    const nodes: Array<{ path: string; segments: Array<string | number> }> = [];
    const collect = (path: string, value: Json, segments: Array<string | number>): void => {
      nodes.push({ path, segments });
      if (Array.isArray(value)) value.forEach((item, i) => collect(path, item, [...segments, i]));
      else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(path, v, [...segments, k]);
    };
    for (const file of files) if (file.path.endsWith('.json')) collect(file.path, JSON.parse(file.content), []);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: nodes.length - 1 }), fc.jsonValue({ maxDepth: 3 }), (at, replacement) => {
        const { path, segments } = nodes[at];
        let emitted: EmittedApp;
        try {
          emitted = broken({
            [path]: (d) => {
              if (segments.length === 0) return replacement;
              const parent = segments.slice(0, -1).reduce((node: Json, key) => node[key], d);
              parent[segments[segments.length - 1]] = replacement;
              return d;
            },
          });
        } catch (error) {
          if (error instanceof EmittedAppError) return; // makecomapp.json too broken to read: validate exits 2
          throw error;
        }
        const crashed = checkApp(emitted).filter((f) => f.rule === 'check-crashed');
        expect(crashed.map(formatFinding), `${path} ${JSON.stringify(segments)} := ${JSON.stringify(replacement)}`).toEqual([]);
      }),
      { numRuns: 120, seed: 5 },
    );
  });

  it('turns a rule that throws into a check-crashed finding instead of stopping', () => {
    const hostile = broken({});
    Object.defineProperty(hostile, 'rpcs', { get: () => { throw new Error('boom'); } });
    const findings = checkApp(hostile);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.rule === 'check-crashed' && /crashed: boom/.test(f.message))).toBe(true);
  });
});
