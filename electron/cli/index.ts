/** The `huihan` command line: the same engine as the app, in-process. */
import { runCli } from './run-cli';

const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  env: process.env,
});
process.exitCode = code;
