#!/usr/bin/env node
// Where a process's CPU went, from the V8 profiles `node --cpu-prof` wrote (one per thread):
// the functions with the most self time, and that time by part of the platform (the workflow
// sandbox, the payload codec, Prisma, JSON, logging, ...). Usage:
//   node bench/profile-top.mjs <dir or .cpuprofile files> [--top 30] [--per <submissions>]
// `--per n` also divides each figure by n (e.g. the submissions the run made).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Parts of the platform, by the script a function comes from (first match wins). */
const PARTS = [
  ['workflow sandbox (vm, bundle)', /workflow-bundle|\/workflow\/lib|\/worker\/lib\/workflow|evalmachine|vm-shared|reusable-vm/],
  ['payload codec / encryption', /payload-codec|payload-keys|node:crypto|internal\/crypto/],
  ['protobuf / Temporal proto', /@temporalio\/proto|protobufjs/],
  ['Temporal core bridge', /@temporalio\/core-bridge|@temporalio\/worker/],
  ['Temporal common (converters)', /@temporalio\/common/],
  ['Prisma', /@prisma|\.prisma/],
  ['PostgreSQL driver', /node_modules\/pg/],
  ['logging (pino)', /pino|sonic-boom|thread-stream/],
  ['activities (platform code)', /\/activities\//],
  ['platform code', /\/(platform|domain|notifications|worker)\//],
  ['tsx / module loading', /tsx|node:internal\/modules|esbuild/],
  ['Node internals', /^node:|internal\//],
];

function partOf(url, name) {
  if (!url) return name === '(garbage collector)' ? 'garbage collector' : name === '(program)' ? 'program (native, idle work)' : name === '(idle)' ? 'idle' : 'native / builtins (JSON, RegExp, ...)';
  for (const [part, pattern] of PARTS) if (pattern.test(url)) return part;
  return 'other JavaScript';
}

function profilesIn(args) {
  const files = [];
  for (const arg of args) {
    if (statSync(arg).isDirectory()) {
      for (const f of readdirSync(arg)) if (f.endsWith('.cpuprofile')) files.push(path.join(arg, f));
    } else files.push(arg);
  }
  return files;
}

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const [value] = argv.splice(i, 2).slice(1);
  return Number(value);
};
const top = option('--top', 30);
const per = option('--per', 0);
const files = profilesIn(argv);
if (files.length === 0) {
  console.error('usage: node bench/profile-top.mjs <dir or .cpuprofile files> [--top 30] [--per <submissions>]');
  process.exit(2);
}

const byFunction = new Map();
const byPart = new Map();
let total = 0;
for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  // timeDeltas[i] is the time before sample i: the sample's node ran that long (an approximation
  // V8's own tools make too).
  for (let i = 0; i < profile.samples.length; i++) {
    const node = nodes.get(profile.samples[i]);
    const us = profile.timeDeltas[i] ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName || '(anonymous)';
    if (name === '(idle)') continue;
    total += us;
    const key = `${name} ${url ? `${url.replace(/^.*node_modules\//, '~/').replace(/^file:\/\/.*?\/wt-[^/]+\//, '')}:${lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    const part = partOf(url, name);
    byPart.set(part, (byPart.get(part) ?? 0) + us);
  }
}

const ms = (us) => (us / 1000).toFixed(0).padStart(7);
const share = (us) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
const each = (us) => (per ? `${(us / 1000 / per).toFixed(2).padStart(8)} ms each` : '');
console.log(`${files.length} profile(s), ${ms(total)} ms of CPU (idle excluded)${per ? `, ${per} submissions` : ''}\n`);
console.log('By part:');
for (const [part, us] of [...byPart].sort((a, b) => b[1] - a[1])) console.log(`${ms(us)} ms ${share(us)} ${each(us)}  ${part}`);
console.log(`\nTop ${top} functions by self time:`);
for (const [key, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`${ms(us)} ms ${share(us)} ${each(us)}  ${key}`);
