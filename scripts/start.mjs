// `npm start`: build the app and the simulators (production), then run the demo server.
// The build always runs, so the demo never serves a stale or missing dist/.

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// tsx's own CLI (not through npx, whose npm wrapper does not pass signals on): it relays
// SIGINT/SIGTERM to the server process.
const tsxCli = createRequire(path.join(root, 'package.json')).resolve('tsx/cli');

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: process.env });
    const forward = (signal) => {
      if (child.exitCode === null) child.kill(signal);
    };
    const onInt = () => forward('SIGINT');
    const onTerm = () => forward('SIGTERM');
    // While building, Ctrl-C reaches webpack through the terminal's process group anyway;
    // forwarding keeps `kill <pid>` of this script working for the server too.
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    child.on('error', (err) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      reject(err);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve({ code, signal });
    });
  });
}

try {
  console.log('Building Justera (webpack --mode production)…');
  const build = await run('npx', ['webpack', '--mode', 'production']);
  if (build.code !== 0) {
    console.error(`The build failed (${build.signal ?? `exit code ${build.code}`}); not starting the demo.`);
    process.exit(build.code ?? 1);
  }
  const server = await run(process.execPath, [tsxCli, 'scripts/demo-server.ts']);
  process.exit(server.code ?? (server.signal === 'SIGINT' || server.signal === 'SIGTERM' ? 0 : 1));
} catch (err) {
  console.error(`Could not run ${err?.path ?? 'a command'}: ${err?.message ?? err}`);
  process.exit(1);
}
