// npm run diff -- <old dist> <new dist>: every change between two built apps, the breaking ones first.
// Exit 0: nothing breaks; 1: something does; 2: bad usage or a dist that cannot be read (sdk/compare/diffCommand.ts).
import { runDiff } from '../sdk/compare/diffCommand';

const { status, stdout, stderr } = runDiff(process.argv.slice(2));
process.stdout.write(stdout);
process.stderr.write(stderr);
process.exitCode = status;
