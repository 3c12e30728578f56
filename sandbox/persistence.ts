// Saving and loading the sandbox state (`--data <file>`). A save is atomic: the state is written to a
// temporary file in the same directory, flushed to disk (fsync), then renamed over the data file, so a
// crash leaves either the old file or the new one, never a partial one.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { SandboxState } from './types';

/** Writes `content` to `file` atomically. */
export function writeFileAtomic(file: string, content: string): void {
  const directory = path.dirname(path.resolve(file));
  const temporary = path.join(directory, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
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

export function saveState(file: string, state: SandboxState): void {
  writeFileAtomic(file, `${JSON.stringify(state)}\n`);
}

/** The state saved in `file`, or undefined when the file does not exist. */
export function loadState(file: string): SandboxState | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const state = JSON.parse(text) as SandboxState;
  if (state === null || typeof state !== 'object' || state.version !== 1 || !Array.isArray(state.accounts)) {
    throw new Error(`${file} is not a sandbox state file (version 1)`);
  }
  return state;
}
