/** The `huihan` command line: the same engine as the app, in-process. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './run-cli';

function existingFile(path: string): string | undefined {
  return existsSync(path) ? path : undefined;
}

// `huihan list | head`: the reader went away; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  errRaw: (text) => process.stderr.write(text),
  isTerminal: process.stderr.isTTY,
  extractWorkerPath: existingFile(join(import.meta.dirname, '..', 'engine', 'extract-worker.js')),
  env: process.env,
});
process.exitCode = code;
