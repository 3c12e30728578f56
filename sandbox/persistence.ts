// Saving and loading the sandbox state (`--data <file>`). A save is atomic: the state is written to a
// temporary file in the same directory, flushed to disk (fsync), then renamed over the data file, so a
// crash leaves either the old file or the new one, never a partial one (and maybe a temporary file, which
// the next start removes).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { isPlainObject } from '../lib/values';
import type { SandboxState } from './types';

/**
 * A file the sandbox was told to read at start (`--data`, `--config`) cannot be used. The message names
 * the file and says what to do; the command line exits 2, as for bad usage.
 */
export class InputFileError extends Error {}

/** `.<name>.<pid>.<8 hex digits>.tmp`, beside the data file. */
export function temporaryFileName(file: string): string {
  return `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
}

/** The pid that wrote a temporary file of `file` named `name`; undefined when `name` is not one. */
function writerOfTemporaryFile(file: string, name: string): number | undefined {
  const prefix = `.${path.basename(file)}.`;
  if (!name.startsWith(prefix)) return undefined;
  const match = /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length));
  return match ? Number(match[1]) : undefined;
}

/** Writes `content` to `file` atomically. */
export function writeFileAtomic(file: string, content: string): void {
  const directory = path.dirname(path.resolve(file));
  const temporary = path.join(directory, temporaryFileName(file));
  let descriptor: number | undefined;
  try {
    descriptor = fs.openSync(temporary, 'wx', 0o600);
    fs.writeFileSync(descriptor, content);
    fs.fsyncSync(descriptor);
    fs.closeSync(descriptor);
    descriptor = undefined;
    fs.renameSync(temporary, file);
  } catch (error) {
    if (descriptor !== undefined) fs.closeSync(descriptor);
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  // Make the rename itself durable.
  try {
    const dir = fs.openSync(directory, 'r');
    try {
      fs.fsyncSync(dir);
    } finally {
      fs.closeSync(dir);
    }
  } catch {
    // Some file systems refuse to fsync a directory; the rename is done anyway.
  }
}

/**
 * Removes the temporary files a crash left beside `file`, and returns their paths. Their content is never
 * needed: a change is answered only once renamed into the data file, so a leftover holds a change nobody
 * was told about. The temporary file of another sandbox still running on the same file is left alone.
 */
export function removeLeftoverTemporaryFiles(file: string): string[] {
  const directory = path.dirname(path.resolve(file));
  let names: string[];
  try {
    names = fs.readdirSync(directory);
  } catch {
    return []; // no directory yet: nothing left over
  }
  const removed: string[] = [];
  for (const name of names) {
    const writer = writerOfTemporaryFile(file, name);
    if (writer === undefined || isOtherRunningProcess(writer)) continue;
    const leftover = path.join(directory, name);
    fs.rmSync(leftover, { force: true });
    removed.push(leftover);
  }
  return removed;
}

/** Whether `pid` is a live process other than this one (the crashed writer's pid may be ours again). */
function isOtherRunningProcess(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, owned by another user
  }
}

export function saveState(file: string, state: SandboxState): void {
  writeFileAtomic(file, `${JSON.stringify(state)}\n`);
}

/** The first save, at start: a data file that cannot be written is the command line's to fix (exit 2). */
export function saveInitialState(file: string, state: SandboxState): void {
  try {
    saveState(file, state);
  } catch (error) {
    throw new InputFileError(
      `the data file ${file} cannot be written (${failureCode(error)}): check that its directory exists and that you may write there`,
    );
  }
}

/** The state saved in `file`, or undefined when the file does not exist. */
export function loadState(file: string): SandboxState | undefined {
  if (!fs.existsSync(file)) return undefined;
  const advice = 'fix it, or delete it to start from an empty account';
  const state = readJsonFile(file, 'the data file', advice);
  const problem = stateProblem(state);
  if (problem !== undefined) throw new InputFileError(`the data file ${file} is not a sandbox state file (${problem}): ${advice}`);
  return state as SandboxState;
}

const READ_FAILURES: Record<string, string> = {
  ENOENT: 'does not exist',
  EACCES: 'cannot be read (permission denied)',
  EISDIR: 'is a directory, not a file',
};

/**
 * The JSON value in a file given at start. When it cannot be read or parsed, an InputFileError such as
 * `<kind> <file> is not valid JSON (<why>): <advice>`.
 */
export function readJsonFile(file: string, kind: string, advice: string): unknown {
  const unusable = (what: string) => new InputFileError(`${kind} ${file} ${what}: ${advice}`);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = failureCode(error);
    throw unusable(READ_FAILURES[code] ?? `cannot be read (${code})`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')); // a byte order mark, as some Windows editors write
  } catch (error) {
    throw unusable(`is not valid JSON (${(error as Error).message})`);
  }
}

function failureCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

/**
 * What makes `value` unusable as a saved state, if anything. Checks what the server relies on at start
 * (the version, and each account's name, token and contract list), not every field of every contract.
 */
function stateProblem(value: unknown): string | undefined {
  if (!isPlainObject(value) || value.version !== 1) return 'expected {"version": 1, "accounts": [...]}';
  if (!Array.isArray(value.accounts)) return '"accounts" is not an array';
  const broken = value.accounts.findIndex(
    (account) => !isPlainObject(account) || typeof account.id !== 'string' || typeof account.name !== 'string' || typeof account.token !== 'string' || !Array.isArray(account.contrats),
  );
  return broken < 0 ? undefined : `accounts[${broken}] lacks an id, a name, a token or its contrats`;
}
