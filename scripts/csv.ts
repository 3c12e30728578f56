// npm run csv -- check <file.csv>
// npm run csv -- to-json <file.csv> [--out <file.json>] [--force]
// A school's nightly CSV export of its contracts (the "FTP route"), checked as the platform would check a sync
// (api/csv), or turned into the {"contrats": [...]} that `npm run invoke -- syncContracts --params @file.json`
// takes. Exit codes: 0 clean (or written), 1 problems in the file, 2 bad usage or a file that cannot be read.
import { readFileSync, writeFileSync } from 'node:fs';
import { checkContractsCsv, formatProblem, separatorName, type CsvCheck } from '../api/csv';
import { parseArgs, UsageError } from './cliArgs';

const USAGE =
  'usage : npm run csv -- check <fichier.csv>\n' +
  '        npm run csv -- to-json <fichier.csv> [--out <fichier.json>] [--force]\n' +
  "  check    vérifie le fichier (en-tête = noms des champs du contrat, séparateur « ; » ou « , », UTF-8)\n" +
  '  to-json  écrit {"contrats": [...]} pour `npm run invoke -- syncContracts --params @fichier.json`\n' +
  '           (sur la sortie standard sans --out) ; refuse un fichier qui a des problèmes, sauf avec --force';

/** A progress line to stderr every this many records (large files only: smaller ones never reach it). */
const PROGRESS_EVERY = 10_000;

/** A file the command cannot read: exit 2, like bad usage, but without the usage text. */
class UnreadableFile extends Error {}

function main(argv: string[]): number {
  const args = parseArgs(argv, ['out'], ['force', 'help']);
  if (args.options.has('help')) {
    console.log(USAGE);
    return 0;
  }
  const [command, file, extra] = args.positionals;
  if (command !== 'check' && command !== 'to-json') throw new UsageError(command ? `commande inconnue « ${command} »` : 'commande manquante');
  if (file === undefined || extra !== undefined) throw new UsageError('indiquez exactement un fichier CSV');
  if (command === 'check' && (args.options.has('out') || args.options.has('force'))) {
    throw new UsageError("--out et --force ne servent qu'à to-json");
  }
  const report = checkContractsCsv(readInput(file), {
    progressEvery: PROGRESS_EVERY,
    onProgress: (records) => console.error(`csv : ${records} lignes lues…`),
  });
  return command === 'check' ? check(report) : toJson(report, args.options.get('out'), args.options.has('force'));
}

function readInput(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'fichier introuvable' : code === 'EISDIR' ? "c'est un dossier" : code === 'EACCES' ? 'accès refusé' : String(code ?? error);
    throw new UnreadableFile(`impossible de lire ${file} (${why})`);
  }
}

/** `120 contrats` / `1 contrat` / `aucun contrat`. */
function contracts(count: number): string {
  return count === 0 ? 'aucun contrat' : `${count} contrat${count > 1 ? 's' : ''}`;
}

function summary(report: CsvCheck): string {
  const count = report.problems.length;
  const problems = count === 0 ? 'aucun problème' : `${count} problème${count > 1 ? 's' : ''}`;
  const separator = report.separator === undefined ? '' : ` (séparateur : ${separatorName(report.separator)})`;
  return `${contracts(report.rows.length)}, ${problems}${separator}.`;
}

function check(report: CsvCheck): number {
  for (const problem of report.problems) console.log(formatProblem(problem));
  console.log(summary(report));
  return report.problems.length === 0 ? 0 : 1;
}

function toJson(report: CsvCheck, out: string | true | undefined, force: boolean): number {
  // stdout may be the JSON itself: everything for people goes to stderr.
  for (const problem of report.problems) console.error(formatProblem(problem));
  if (report.problems.length > 0 && !force) {
    console.error(`${summary(report)} Aucun JSON écrit : corrigez le fichier, ou relancez avec --force.`);
    return 1;
  }
  const json = `${JSON.stringify({ contrats: report.rows.map((row) => row.contract) }, null, 2)}\n`;
  if (typeof out === 'string') {
    try {
      writeFileSync(out, json);
    } catch (error) {
      throw new UnreadableFile(`impossible d'écrire ${out} (${(error as NodeJS.ErrnoException).code ?? error})`);
    }
  } else process.stdout.write(json);
  console.error(`${summary(report)} ${contracts(report.rows.length)} écrit${report.rows.length > 1 ? 's' : ''}${typeof out === 'string' ? ` dans ${out}` : ''}.`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`csv : ${error.message}\n${USAGE}`);
    process.exitCode = 2;
  } else if (error instanceof UnreadableFile) {
    console.error(`csv : ${error.message}`);
    process.exitCode = 2;
  } else {
    console.error(`csv : erreur inattendue : ${error instanceof Error ? error.stack : error}`);
    process.exitCode = 3;
  }
}
