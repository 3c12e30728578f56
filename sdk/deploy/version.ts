// The app's version as a deploy reads it, and the rules of a release origin (production): the version is raised
// at every deploy there, the changelog has an entry for it, and a breaking change comes with a new major version.
//
// A version is an integer (`version: 2` in the app's definition: every raise is a new major version) or a text
// "MAJOR", "MAJOR.MINOR" or "MAJOR.MINOR.PATCH" (a minor raise is then possible, and only a major raise may
// break). The major a breaking change is measured against is the one last deployed to the origin (its recorded
// `lastDeployedVersion`), or, before any recorded deploy, the version of the app in Make (the origin's
// `appVersion`, 1 for a new app): a breaking change needs a major above it.

export type AppVersion = number | string;

/** [major, minor, patch] */
export type VersionParts = [number, number, number];

const VERSION_TEXT = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?$/;

export function parseVersion(version: AppVersion): VersionParts {
  if (typeof version === 'number') {
    if (!Number.isInteger(version) || version < 0) throw new Error(`version ${version} is not a whole number from 0`);
    return [version, 0, 0];
  }
  const match = typeof version === 'string' ? VERSION_TEXT.exec(version.trim()) : null;
  if (!match) throw new Error(`version ${JSON.stringify(version)} is not a whole number nor MAJOR.MINOR.PATCH`);
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

export function compareVersions(a: AppVersion, b: AppVersion): number {
  const [x, y] = [parseVersion(a), parseVersion(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

export function majorOf(version: AppVersion): number {
  return parseVersion(version)[0];
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a changelog (Markdown) has an entry for `version`: a heading whose text starts with it, bare, `v2`,
 * `[2]` or `[v2]`, then the end of the line or a space or dash (`## 2 — 2025-03-14`, `## [1.2.0] - 2025-03-14`).
 */
export function changelogHasEntry(changelog: string, version: AppVersion): boolean {
  const written = String(version).trim();
  const heading = new RegExp(`^#{1,6}\\s+\\[?v?${escape(written)}\\]?(?=\\s|$|[-—–(:])`, 'mi');
  return heading.test(changelog);
}

export interface ReleaseContext {
  /** The version being deployed. */
  version: AppVersion;
  /** Where it is written, for the messages (e.g. `app/index.ts`). */
  versionSource: string;
  /** The origin's recorded last deployed version (null: none yet). */
  lastDeployedVersion: AppVersion | null;
  /** The version of the app in Make (the origin's appVersion). */
  appVersion: number;
  /** The changelog's text, undefined when there is none; and its name for the messages. */
  changelog: string | undefined;
  changelogName: string;
  originLabel: string;
}

/** Why a release origin refuses this deploy (empty: it may go). */
export function releaseProblems(context: ReleaseContext): string[] {
  const problems: string[] = [];
  const { version, lastDeployedVersion, originLabel, versionSource } = context;
  if (lastDeployedVersion !== null && compareVersions(version, lastDeployedVersion) <= 0) {
    problems.push(
      `version ${version} was not raised since the last deploy to '${originLabel}' (version ${lastDeployedVersion}, recorded in its lastDeployedVersion): raise the version in ${versionSource} and add its entry to ${context.changelogName}`,
    );
  }
  if (context.changelog === undefined) {
    problems.push(`there is no ${context.changelogName}: write one with an entry '## ${version}' saying what changed`);
  } else if (!changelogHasEntry(context.changelog, version)) {
    problems.push(`${context.changelogName} has no entry for version ${version}: add a heading '## ${version}' saying what changed`);
  }
  return problems;
}

/** The major a breaking change must exceed (see the file's header). */
export function deployedMajor(context: Pick<ReleaseContext, 'lastDeployedVersion' | 'appVersion'>): number {
  return context.lastDeployedVersion === null ? context.appVersion : majorOf(context.lastDeployedVersion);
}

/** Why a breaking change may not go to a release origin with this version (undefined: it may, with --allow-breaking). */
export function breakingVersionProblem(context: Pick<ReleaseContext, 'version' | 'versionSource' | 'lastDeployedVersion' | 'appVersion' | 'originLabel'>): string | undefined {
  const deployed = deployedMajor(context);
  if (majorOf(context.version) > deployed) return undefined;
  const since = context.lastDeployedVersion === null ? `the app's version in Make (appVersion ${context.appVersion})` : `the last deploy (version ${context.lastDeployedVersion})`;
  return `a breaking change needs a new major version on '${context.originLabel}': version ${context.version} has major ${majorOf(context.version)}, not above ${deployed} of ${since}; raise the major in ${context.versionSource}`;
}
