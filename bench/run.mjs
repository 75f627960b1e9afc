#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts, or those named (`npm run bench -- submissions
// cases`), one after the other, each in its own process (tsx) that starts and tears down its own
// throw-away stack and writes bench/results/<name>.json and .md. Not part of `npm test`.
// A benchmark that runs past BENCH_TIMEOUT_MINUTES (default 40) is stopped (SIGTERM: it tears its
// stack down), and the next one runs. Exit code 1 when any failed.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'bench');
const timeoutMs = Number(process.env.BENCH_TIMEOUT_MINUTES ?? 40) * 60_000;

const available = readdirSync(benchDir)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.slice(0, -'.bench.ts'.length))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !available.includes(name));
if (unknown.length) {
  process.stderr.write(`No benchmark named ${unknown.join(', ')}; there are: ${available.join(', ')}\n`);
  process.exit(2);
}
const selected = wanted.length ? available.filter((name) => wanted.includes(name)) : available;

let current;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    // The benchmark tears its own stack down on the signal; wait for it, then stop.
    if (current) current.kill(signal);
    else process.exit(130);
    process.exitCode = 130;
  });
}

function runOne(name) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('bench', `${name}.bench.ts`)], {
      cwd: root,
      stdio: 'inherit',
      env: process.env,
    });
    current = child;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      process.stderr.write(`\n${name}: still running after ${timeoutMs / 60_000} min, stopping it\n`);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 60_000).unref();
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      current = undefined;
      resolve({ name, ok: code === 0 && !timedOut, code: code ?? signal, timedOut });
    });
  });
}

const cores = os.cpus().length;
process.stdout.write(
  `Benchmarks: ${selected.join(', ')} (${cores} cores, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')})\n`,
);
const outcomes = [];
const t0 = Date.now();
for (const name of selected) {
  if (process.exitCode === 130) break;
  const started = Date.now();
  process.stdout.write(`\n=== ${name} ===\n`);
  const outcome = await runOne(name);
  outcomes.push({ ...outcome, seconds: Math.round((Date.now() - started) / 1000) });
}
process.stdout.write('\n');
for (const o of outcomes) {
  const verdict = o.ok ? 'done' : o.timedOut ? 'TIMED OUT' : `FAILED (${o.code})`;
  process.stdout.write(
    `${o.name.padEnd(14)} ${verdict.padEnd(12)} ${o.seconds} s${o.ok ? `  bench/results/${o.name}.md` : ''}\n`,
  );
}
process.stdout.write(`npm run bench: ${Math.round((Date.now() - t0) / 1000)} s\n`);
process.exit(outcomes.every((o) => o.ok) && outcomes.length === selected.length ? 0 : 1);
