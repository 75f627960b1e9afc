// Types of the bootstrap's schemathesis finder, for the TypeScript suite that runs it.

/** The pinned version of schemathesis on PyPI. */
export const SCHEMATHESIS_VERSION: string;
/** The schemathesis CLI: SCHEMATHESIS_CLI, else the pinned wheel in .tools/schemathesis-venv (installed when missing). */
export function findSchemathesis(root: string): Promise<{ path: string; note: string }>;
/** What to do when schemathesis cannot be found or installed. */
export const SCHEMATHESIS_HINT: string;
