// Start-up files of the sandbox: leftovers of a crashed save, and data or config files that cannot be used.
import { afterEach, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InputFileError, loadState, removeLeftoverTemporaryFiles, saveInitialState, temporaryFileName } from '../../sandbox/persistence';
import { initialState, readConfigFile } from '../../sandbox/startup';

/** A pid no process has (above every system's maximum). */
const DEAD_PID = 999_999_999;

const temporaryDirs: string[] = [];
afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function temporaryDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-files-'));
  temporaryDirs.push(dir);
  return dir;
}

function write(dir: string, name: string, content: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

function thrown(action: () => unknown): InputFileError {
  try {
    action();
  } catch (error) {
    if (error instanceof InputFileError) return error;
    throw error;
  }
  throw new Error('expected an InputFileError');
}

describe('leftovers of a crashed save', () => {
  it('removes the temporary files of this data file only, and says which', () => {
    const dir = temporaryDir();
    const file = write(dir, 'etat.json', '{}');
    const leftovers = [`.etat.json.${DEAD_PID}.0badcafe.tmp`, `.etat.json.${process.pid}.12345678.tmp`];
    const kept = [
      'etat.json',
      `.autre.json.${DEAD_PID}.0badcafe.tmp`, // another data file's
      `.etat.json.bak.${DEAD_PID}.0badcafe.tmp`,
      `.etat.json.${DEAD_PID}.notahex!.tmp`,
      `etat.json.${DEAD_PID}.0badcafe.tmp`,
      `.etat.json.${process.ppid}.0badcafe.tmp`, // a sandbox still running on the same file
    ];
    for (const name of [...leftovers, ...kept.slice(1)]) write(dir, name, 'partial');
    expect(removeLeftoverTemporaryFiles(file).sort()).toEqual(leftovers.map((name) => path.join(dir, name)).sort());
    expect(fs.readdirSync(dir).sort()).toEqual([...kept].sort());
  });

  it('finds nothing to remove when the directory does not exist yet', () => {
    expect(removeLeftoverTemporaryFiles(path.join(temporaryDir(), 'absent', 'etat.json'))).toEqual([]);
  });

  it('recognises the temporary files this sandbox writes', () => {
    // A crash between the write and the rename would leave one such file beside the data file.
    const dir = temporaryDir();
    const file = path.join(dir, 'etat.json');
    const leftover = write(dir, temporaryFileName(file), 'partial');
    expect(removeLeftoverTemporaryFiles(file)).toEqual([leftover]);
  });
});

describe('a data file that cannot be used', () => {
  const advice = 'fix it, or delete it to start from an empty account';

  it.each([
    ['not JSON', '{"version": 1, "accounts": [', 'is not valid JSON ('],
    ['empty', '', 'is not valid JSON ('],
    ['not a state', '{"hello": 1}', 'is not a sandbox state file (expected {"version": 1, "accounts": [...]})'],
    ['an account without token', '{"version": 1, "accounts": [{"id": "a", "name": "A", "contrats": []}]}', 'is not a sandbox state file (accounts[0] lacks'],
  ])('names the file and says what to do when it is %s', (_, content, what) => {
    const file = write(temporaryDir(), 'etat.json', content);
    const error = thrown(() => loadState(file));
    expect(error.message).toContain(`the data file ${file} ${what}`);
    expect(error.message).toMatch(new RegExp(`: ${advice}$`));
  });

  it('says so when it cannot be read', () => {
    const file = temporaryDir(); // a directory
    expect(thrown(() => loadState(file)).message).toBe(`the data file ${file} is a directory, not a file: ${advice}`);
  });

  it('says so when it cannot be written at start', () => {
    const file = path.join(temporaryDir(), 'absent', 'etat.json');
    expect(thrown(() => saveInitialState(file, { version: 1, accounts: [] })).message).toBe(
      `the data file ${file} cannot be written (ENOENT): check that its directory exists and that you may write there`,
    );
  });

  it('reads a state written with a byte order mark', () => {
    const file = write(temporaryDir(), 'etat.json', '\uFEFF{"version": 1, "accounts": []}');
    expect(loadState(file)).toEqual({ version: 1, accounts: [] });
  });
});

describe('a configuration file that cannot be used', () => {
  it('names a missing file, or one that is not JSON', () => {
    const dir = temporaryDir();
    const missing = path.join(dir, 'absent.json');
    expect(thrown(() => readConfigFile(missing)).message).toBe(
      `the configuration file ${missing} does not exist: correct the file, or the path given to --config`,
    );
    const broken = write(dir, 'config.json', '{accounts: []}');
    expect(thrown(() => readConfigFile(broken)).message).toMatch(
      new RegExp(`^the configuration file ${broken} is not valid JSON \\(.+\\): correct the file, or the path given to --config$`),
    );
  });

  it('names the contracts file a configuration refers to', () => {
    const dir = temporaryDir();
    const config = write(dir, 'config.json', JSON.stringify({ accounts: [{ id: 'a', contratsFile: 'contrats.json' }] }));
    const contracts = path.join(dir, 'contrats.json');
    expect(thrown(() => readConfigFile(config)).message).toBe(
      `the contracts file ${contracts} does not exist: correct it, or the "contratsFile" that names it in ${config}`,
    );
    write(dir, 'contrats.json', '{"liste": []}');
    expect(thrown(() => readConfigFile(config)).message).toMatch(/^the contracts file .* holds neither \{"contrats": \[\.\.\.\]\} nor an array/);
  });

  it('names the file whose configuration is refused, with the reasons', () => {
    const config = write(temporaryDir(), 'config.json', JSON.stringify({ accounts: [{ id: 'a', colour: 'blue' }] }));
    const error = thrown(() => initialState({ config }));
    expect(error.message).toContain(`the configuration file ${config} is refused: correct it and restart.\n`);
    expect(error.message).toContain('colour');
  });
});
