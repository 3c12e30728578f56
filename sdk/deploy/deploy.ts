// A deploy: the built app, checked, against the app as Make has it; the diff printed; the breaking changes (as
// sdk/compare sees them, Make's app before, the build after) and the release rules applied; then only what differs
// written, in an order Make accepts, each component's Make name recorded as soon as Make gives it. A deploy that
// stops says what it wrote; run again, it reads Make afresh and writes only what is still missing.
import { checkApp } from '../check';
import { formatFinding, hasErrors } from '../check/findings';
import { compareApps, formatChanges, type AppChange } from '../compare/appChanges';
import { EmittedAppError, readEmittedApp, type EmittedApp, type FileReader } from '../emitted';
import { describeFailure, type FailureContext } from './errors';
import { redact } from './key';
import { MAPPED_TYPES, noPending, type Origin } from './origins';
import { metadataBody, planDeploy, type Plan, type Step } from './plan';
import { MakeRemote } from './remote';
import { countSteps, describeStep, formatPlan } from './report';
import { TYPE_NAMES } from './sections';
import { breakingVersionProblem, releaseProblems, type AppVersion } from './version';

export interface DeployOptions {
  /** The origin, as read from the origins file; its idMapping and lastDeployedVersion are updated in place. */
  origin: Origin;
  /** The origins file's name, for messages. */
  originsFile: string;
  /** The built app's files (dist/, or the build in memory). */
  read: FileReader;
  /** The app's language, told to the checks (makecomapp.json has no place for it). */
  language: string;
  /** The app's version, and where it is written (for messages). */
  version: AppVersion;
  versionSource: string;
  /** The changelog's text (undefined: there is none) and its name. */
  changelog: string | undefined;
  changelogName: string;
  apiKey: string;
  /** Where the key came from (`MAKE_API_KEY`, or the key file): named in messages instead of the key. */
  keySource: string;
  dryRun?: boolean;
  allowBreaking?: boolean;
  prune?: boolean;
  /** Writes the origin back to the origins file (its id mapping, its last deployed version). */
  saveOrigin: (origin: Origin) => void;
  /** One line of output (already free of the key). */
  log: (line: string) => void;
}

export type DeployOutcome = 'deployed' | 'up-to-date' | 'dry-run' | 'refused' | 'failed';

export interface DeployResult {
  outcome: DeployOutcome;
  exitCode: 0 | 1;
  /** The writes done in Make, in order (as describeStep words them). */
  written: string[];
  /** The comparison of Make's app with the build (empty when it was not reached). */
  changes: AppChange[];
}

export async function deploy(options: DeployOptions): Promise<DeployResult> {
  const log = (line: string): void => options.log(redact(line, [options.apiKey]));
  const { origin } = options;
  const written: string[] = [];
  let changes: AppChange[] = [];
  const result = (outcome: DeployOutcome, exitCode: 0 | 1): DeployResult => ({ outcome, exitCode, written, changes });
  const context: FailureContext = {
    originLabel: origin.label,
    baseUrl: origin.baseUrl,
    appId: origin.appId,
    appVersion: origin.appVersion,
    keySource: options.keySource,
    originsFile: options.originsFile,
  };

  // 1. The build, checked: nothing reaches Make from a build the checks refuse.
  let local: EmittedApp;
  try {
    local = readEmittedApp(options.read);
  } catch (error) {
    if (!(error instanceof EmittedAppError)) throw error;
    log(`refused: the build cannot be read: ${error.message} (run npm run build)`);
    return result('refused', 1);
  }
  const findings = checkApp(local, { language: options.language });
  if (hasErrors(findings)) {
    for (const finding of findings.filter((f) => f.severity === 'error')) log(formatFinding(finding));
    log(`refused: the checks found ${findings.filter((f) => f.severity === 'error').length} error(s) in the build; nothing was sent to Make`);
    return result('refused', 1);
  }

  // 2. Make's app, every section of it.
  const make = new MakeRemote(options.apiKey, origin);
  log(`Deploying version ${options.version} to origin '${origin.label}': app ${origin.appId} version ${origin.appVersion} at ${origin.baseUrl}${options.dryRun ? ' (dry run: nothing is written)' : ''}`);
  let plan: Plan;
  try {
    await make.getApp();
    const connectionsWithCommon = new Set(
      Object.entries(local.connections)
        .filter(([, c]) => c.paths.common !== undefined)
        .map(([id]) => origin.idMapping.connection[id] ?? ''),
    );
    const remote = await make.read({ appCommon: Boolean(local.generalPaths.common), connectionCommon: (name) => connectionsWithCommon.has(name) });
    plan = planDeploy({ local, read: options.read, remote, mapping: origin.idMapping, pending: origin.pending, prune: options.prune === true });
  } catch (error) {
    log(`failed: ${describeFailure(error, context)}`);
    log('Nothing was written to Make.');
    return result('failed', 1);
  }

  for (const note of plan.notes) log(`note: ${note}`);
  /** Components found in Make unmapped: their names recorded, and pending until a deploy completes. */
  const recordAdoptions = (): boolean => {
    if (options.dryRun || MAPPED_TYPES.every((type) => plan.adopted[type].length === 0)) return false;
    origin.idMapping = plan.mapping;
    for (const type of MAPPED_TYPES) for (const id of plan.adopted[type]) if (!origin.pending[type].includes(id)) origin.pending[type].push(id);
    return true;
  };

  // 3. Nothing differs: nothing is written to Make. The origins file is brought up to date if a deploy stopped
  //    after its last write (its version recorded, nothing pending).
  if (plan.steps.length === 0 && plan.problems.length === 0) {
    log(`Make already has this build: nothing to write.`);
    if (!options.dryRun) {
      let changed = recordAdoptions();
      if (MAPPED_TYPES.some((type) => origin.pending[type].length > 0)) {
        origin.pending = noPending();
        changed = true;
      }
      const releaseBlocked = origin.release && releaseProblems(releaseContext(options)).length > 0;
      if (origin.lastDeployedVersion !== options.version && !releaseBlocked) {
        origin.lastDeployedVersion = options.version;
        changed = true;
        log(`Recorded version ${options.version} as deployed to '${origin.label}' in ${options.originsFile}.`);
      }
      if (changed) options.saveOrigin(origin);
    }
    return result('up-to-date', 0);
  }

  // 4. The diff, then the comparison and the rules.
  log(`Changes to write (${countSteps(plan.steps)}):`);
  for (const line of formatPlan(plan.steps)) log(line);
  changes = compareApps(plan.remoteApp, local);
  log('Compared with what Make has:');
  for (const line of formatChanges(changes).split('\n')) log(`  ${line}`);

  const refusals = [...plan.problems];
  const breaking = changes.filter((c) => c.breaking);
  if (breaking.length > 0 && !options.allowBreaking) {
    refusals.push(
      `${breaking.length} breaking change(s) (above): scenarios built on the app in Make may stop working. ` +
        'If that is intended (and users are told), run again with --allow-breaking.',
    );
  }
  if (origin.release) {
    refusals.push(...releaseProblems(releaseContext(options)));
    if (breaking.length > 0) {
      const problem = breakingVersionProblem(releaseContext(options));
      if (problem) refusals.push(problem);
    }
  }

  if (options.dryRun) {
    if (refusals.length > 0) {
      log('A real deploy would refuse:');
      for (const refusal of refusals) log(`  - ${refusal}`);
    }
    log('Dry run: nothing was written.');
    return result('dry-run', refusals.length > 0 ? 1 : 0);
  }
  if (refusals.length > 0) {
    for (const refusal of refusals) log(`refused: ${refusal}`);
    log('Nothing was written to Make.');
    return result('refused', 1);
  }

  // 5. The writes, one at a time, in order.
  if (recordAdoptions()) options.saveOrigin(origin);
  let current: Step | undefined;
  try {
    for (const step of plan.steps) {
      current = step;
      await applyStep(make, step, origin, options.saveOrigin);
      written.push(describeStep(step));
    }
  } catch (error) {
    const remaining = plan.steps.slice(current ? plan.steps.indexOf(current) : 0);
    log(`failed: ${describeFailure(error, context)}`);
    log(written.length === 0 ? 'Nothing was written to Make.' : `Already written to Make (${written.length}):`);
    for (const line of written) log(`  ✓ ${line}`);
    log(`Not written (${remaining.length}):`);
    for (const step of remaining) log(`  ✗ ${describeStep(step)}`);
    log(
      `Run the same command again to finish: it reads Make afresh and writes only what is still missing` +
        (written.some((w) => w.includes(': create')) ? ` (the names of the components created are recorded in ${options.originsFile}).` : '.'),
    );
    return result('failed', 1);
  }
  origin.lastDeployedVersion = options.version;
  origin.pending = noPending();
  options.saveOrigin(origin);
  log(`Deployed version ${options.version} to '${origin.label}': ${countSteps(plan.steps)}. Recorded in ${options.originsFile}.`);
  return result('deployed', 0);
}

function releaseContext(options: DeployOptions) {
  return {
    version: options.version,
    versionSource: options.versionSource,
    lastDeployedVersion: options.origin.lastDeployedVersion,
    appVersion: options.origin.appVersion,
    changelog: options.changelog,
    changelogName: options.changelogName,
    originLabel: options.origin.label,
  };
}

/** One write; a created or deleted component's mapping is saved at once, so a rerun knows it. */
async function applyStep(make: MakeRemote, step: Step, origin: Origin, saveOrigin: (origin: Origin) => void): Promise<void> {
  const connectionName = (localId: string): string => {
    const name = origin.idMapping.connection[localId];
    if (typeof name !== 'string') throw new Error(`connection ${localId} has no name in Make yet`);
    return name;
  };
  switch (step.kind) {
    case 'create': {
      const body = metadataBody(step.type, step.desired, 'all', connectionName);
      if (step.type === 'connection') body.type = step.desired.type;
      else body.name = step.localId;
      if (step.type === 'module') {
        body.moduleInitMode = 'blank';
        // Make requires a universal module's subtype; its sections are all written next.
        if (step.desired.type === 'universal') body.subtype = 'Universal';
      }
      const name = await make.create(step.type, step.desired.label, body);
      origin.idMapping[step.type][step.localId] = name;
      if (!origin.pending[step.type].includes(step.localId)) origin.pending[step.type].push(step.localId);
      saveOrigin(origin);
      return;
    }
    case 'metadata': {
      const name = remoteName(origin, step.type, step.localId);
      await make.update(step.type, name, metadataBody(step.type, step.desired, step.changes.map((c) => c.field), connectionName));
      return;
    }
    case 'section':
      if (step.type === 'app') await make.setGeneral(step.section.api, step.text);
      else await make.setSection(step.type, remoteName(origin, step.type, step.localId), step.section.api, step.text);
      return;
    case 'delete':
      await make.remove(step.type, step.remoteName);
      for (const [localId, name] of Object.entries(origin.idMapping[step.type])) {
        if (name === step.remoteName) delete origin.idMapping[step.type][localId];
      }
      saveOrigin(origin);
      return;
  }
}

function remoteName(origin: Origin, type: (typeof MAPPED_TYPES)[number], localId: string): string {
  const name = origin.idMapping[type][localId];
  if (typeof name !== 'string') throw new Error(`${TYPE_NAMES[type]} ${localId} has no name in Make yet`);
  return name;
}
