// Runs a command to completion, keeping its output for the error message when it fails.
import { spawn } from 'node:child_process';

export function run(command, args, { cwd, env, input } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => reject(Object.assign(error, { details: output })));
    child.on('close', (code, signal) => {
      if (code === 0) return resolve(output);
      const error = new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}`);
      error.details = output.split('\n').slice(-40).join('\n');
      reject(error);
    });
    child.stdin.end(input ?? '');
  });
}
