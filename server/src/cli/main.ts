import { version } from '../../../package.json';
import { type Invocation, localeOf, parseCommandLine } from './args';
import { runCheck } from './check';
import { runExport } from './export';
import { runExtract } from './extract';
import { CliError } from './files';
import { runFix } from './fix';
import { runImport } from './import';
import { type Io, processIo } from './io';
import { messagesFor } from './messages';
import { entry, runCheckWorker, WORKER_ARGUMENT } from './workers';

function run(invocation: Invocation, io: Io, argv: string[]): number | Promise<number> {
  switch (invocation.command) {
    case 'help':
      io.out(messagesFor(localeOf(argv)).help(version));
      return 0;
    case 'version':
      io.out(`${version}\n`);
      return 0;
    case 'check':
      return runCheck(invocation.paths, invocation.format, invocation.settings, invocation.run, io);
    case 'fix':
      return runFix(invocation.paths, invocation.dryRun, invocation.settings, invocation.run, io);
    case 'import':
      return runImport(invocation, io);
    case 'export':
      return runExport(invocation.request, invocation.settings, io);
    case 'extract':
      return runExtract(invocation.paths, invocation.format, invocation.settings, invocation.run, io);
  }
}

/** The exit status: 0 no error finding, 1 some, 2 a usage or file error (or a failure of govreport itself). */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  try {
    return await run(parseCommandLine(argv, messagesFor(localeOf(argv))), io, argv);
  } catch (error) {
    if (error instanceof CliError) io.err(`govreport: ${error.message}\n`);
    else io.err(`govreport: ${(error as Error)?.stack ?? String(error)}\n`);
    return 2;
  }
}

if (process.argv[2] === WORKER_ARGUMENT && !require('node:worker_threads').isMainThread) {
  runCheckWorker();
} else {
  entry.script = process.argv[1];
  // A reader that goes away early (`govreport check … | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  void main(process.argv.slice(2)).then((status) => {
    process.exitCode = status;
  });
}
