/**
 * A benchmark's results: bench/results/<name>.json (every figure) and bench/results/<name>.md (a
 * short table), each saying on what they were measured: the machine's cores and memory, the load
 * average when the benchmark started (other work on the machine shifts absolute figures; the
 * ratios to a baseline measured in the same run are what count), the git commit and the date.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './stack';

const started = { at: new Date(), loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100) };

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

export function machine() {
  // The results themselves change while benchmarks run one after the other: not a change of the code.
  const status = git(['status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench/results']);
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    loadAverageAtStart: started.loadAverage,
    loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100),
    commit: `${git(['rev-parse', '--short=12', 'HEAD'])}${status && status !== 'unknown' ? ' (with uncommitted changes)' : ''}`,
    branch: git(['rev-parse', '--abbrev-ref', 'HEAD']),
    startedAt: started.at.toISOString(),
    finishedAt: new Date().toISOString(),
  };
}

/** A markdown table from a header and rows. */
export function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.map((c) => String(c)).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A figure beside its goal: "62 % (goal ≥ 50 %: met)". */
export function goal(value: number, comparison: '≥' | '≤', target: number, unit = ''): string {
  const met = comparison === '≥' ? value >= target : value <= target;
  if (Number.isNaN(value)) return `– (goal ${comparison} ${target}${unit}: NOT met)`;
  return `${value}${unit} (goal ${comparison} ${target}${unit}: ${met ? 'met' : 'NOT met'})`;
}

/** Writes bench/results/<name>.json and .md and prints the markdown. */
export function writeResults(name: string, title: string, sections: string[], figures: unknown): void {
  const dir = path.join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const m = machine();
  writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify({ name, machine: m, figures }, null, 2)}\n`);
  const markdown = [
    `# ${title}`,
    '',
    `Commit ${m.commit} (${m.branch}), ${m.startedAt} → ${m.finishedAt}. ` +
      `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}; ` +
      `load average at start ${m.loadAverageAtStart.join(' ')}, at end ${m.loadAverageAtEnd.join(' ')}.`,
    '',
    ...sections.flatMap((s) => [s, '']),
  ].join('\n');
  writeFileSync(path.join(dir, `${name}.md`), markdown);
  process.stdout.write(`\n${markdown}\nWritten: bench/results/${name}.json, bench/results/${name}.md\n`);
}
