// Runs a command to completion, keeping its output for the error message when it fails.
// `done`: a pattern that, once printed, means the work is complete; the command is then ended
// rather than waited for (the Prisma CLI lingers ~10 s on a timer of its WebAssembly engine).
// Other options (uid, gid) go to spawn, e.g. to run initdb as the `postgres` user.
import { spawn } from 'node:child_process';

export function run(command, args, { cwd, env, input, done, ...spawnOptions } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...spawnOptions, cwd, env: env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let finished = false;
    const collect = (chunk) => {
      output += chunk;
      if (done && !finished && done.test(output)) {
        finished = true;
        child.kill('SIGTERM');
        resolve(output);
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error) => reject(Object.assign(error, { details: output })));
    child.on('close', (code, signal) => {
      if (finished) return;
      if (code === 0) return resolve(output);
      const error = new Error(`${path(command)} ${args.join(' ')} exited with ${signal ?? code}`);
      error.details = output.split('\n').slice(-40).join('\n');
      reject(error);
    });
    child.stdin.end(input ?? '');
  });
}

const path = (command) => command.split('/').at(-1);
