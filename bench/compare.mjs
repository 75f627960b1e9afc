#!/usr/bin/env node
// Before and after: the main figures of two runs of the submissions, cases and sleeping benchmarks
// side by side (issue 18's list), from bench/results/<before>/ and bench/results/ (or <after>/),
// written to bench/results/comparison.md.
//   node bench/compare.mjs baseline-2026-12-06 [after-dir]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const results = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
const [beforeDir, afterDir = '.'] = process.argv.slice(2);
if (!beforeDir) {
  process.stderr.write('usage: node bench/compare.mjs <before dir under bench/results> [after dir]\n');
  process.exit(2);
}

function load(dir, name) {
  const file = path.join(results, dir, `${name}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

const rows = [];
const machines = [];
const runs = { before: beforeDir, after: afterDir };
const names = ['submissions', 'cases', 'sleeping'];
// A benchmark only one of the runs has is left out: the other's figures would be of another day.
const kept = names.filter((name) => Object.values(runs).every((dir) => load(dir, name)));
const data = Object.fromEntries(
  Object.entries(runs).map(([when, dir]) => [when, Object.fromEntries(kept.map((name) => [name, load(dir, name)]))]),
);
for (const [when, d] of Object.entries(data)) {
  for (const [name, r] of Object.entries(d)) {
    if (r)
      machines.push(
        `- ${when}, ${name}: commit ${r.machine.commit}, ${r.machine.startedAt}, load average at start ${r.machine.loadAverageAtStart.join(' ')}`,
      );
  }
}

function row(label, pick) {
  const value = (d) => {
    try {
      const v = pick(d);
      return v === undefined || Number.isNaN(v) ? '–' : v;
    } catch {
      return '–';
    }
  };
  const [before, after] = [value(data.before), value(data.after)];
  // Neither run has it (a benchmark left out, a level not run): no row.
  if (before !== '–' || after !== '–') rows.push([label, before, after]);
}

const httpRun = (d, c) => d.submissions.figures.runs.find((r) => r.target === 'http' && r.concurrency === c);
const ratio = (d, c) => d.submissions.figures.ratios.find((r) => r.concurrency === c).httpToClient;
const levels = (d) => d.submissions?.figures.runs.map((r) => r.concurrency) ?? [];
for (const c of [1, 8, 32].filter((c) => levels(data.before).includes(c) || levels(data.after).includes(c))) {
  row(`submissions/s over HTTP, concurrency ${c}`, (d) => httpRun(d, c).perSecond);
  row(`  p50 / p99 ms`, (d) => `${httpRun(d, c).p50} / ${httpRun(d, c).p99}`);
  row(`  HTTP / client %`, (d) => ratio(d, c));
  row(`  CPU ms per submission: api / worker / temporal / postgres`, (d) => {
    const cpu = httpRun(d, c).cpuMsPerSubmission;
    return `${cpu.api} / ${cpu.worker} / ${cpu.temporal} / ${cpu.postgres ?? '–'}`;
  });
}
row('workflow tasks per submission (HTTP), of them before the receipt', (d) => {
  const w = d.submissions.figures.workflowTasks.http;
  return `${w.workflowTasks.mean} / ${w.beforeReceipt.mean}`;
});
row('paced submissions: target /s', (d) => d.submissions.figures.paced.targetPerSecond);
row(
  '  p50 / p99 ms (goal p99 ≤ 3 × p50)',
  (d) => `${d.submissions.figures.paced.p50} / ${d.submissions.figures.paced.p99}`,
);
const byPath = (d, p) => d.cases.figures.results.find((r) => r.path === p);
row('history events per whole case (HTTP)', (d) => byPath(d, 'http').historyEvents.mean);
row(
  'whole cases per minute: HTTP / client',
  (d) => `${byPath(d, 'http').casesPerMinute} / ${byPath(d, 'client').casesPerMinute}`,
);
row('  slowest step over HTTP', (d) => byPath(d, 'http').slowestStep);
const points = (d) => d.sleeping.figures.points;
row('sleeping: open cases at the points', (d) =>
  points(d)
    .map((p) => p.openCases)
    .join(' / '),
);
row('  submissions/s at the points', (d) =>
  points(d)
    .map((p) => p.submit.perSecond)
    .join(' / '),
);
row('  rate with the most open cases vs empty %', (d) => d.sleeping.figures.rateVsEmptyPercent);
row('  worker RSS MiB at the points', (d) =>
  points(d)
    .map((p) => p.workerRssMiB)
    .join(' / '),
);
row('  worker RSS growth first → last % (goal ≤ 20)', (d) => d.sleeping.figures.workerRssGrowthPercent);

const line = (cells) => `| ${cells.join(' | ')} |`;
const markdown = [
  '# Before and after',
  '',
  `Before: \`bench/results/${beforeDir}/\`; after: \`bench/results/${afterDir === '.' ? '' : `${afterDir}/`}\`. ` +
    'The machine is shared: compare ratios within a run first, absolute figures with the load averages in mind.',
  '',
  ...machines,
  '',
  line(['figure', 'before', 'after']),
  line(['---', '---', '---']),
  ...rows.map(line),
  '',
].join('\n');
writeFileSync(path.join(results, 'comparison.md'), markdown);
process.stdout.write(`${markdown}\nWritten: bench/results/comparison.md\n`);
