// Types of the bootstrap's database helpers, for the TypeScript tests that reuse them.

/** Generates the Prisma client unless the schema and Prisma are unchanged since the last time. */
export function generateClient(root: string, databaseUrl: string): Promise<{ note: string }>;
/** Applies pending migrations with `prisma migrate deploy` (skipped when none is pending). */
export function applyMigrations(root: string, databaseUrl: string): Promise<{ note: string }>;
/** Runs prisma/seed.ts with the given environment. */
export function seed(root: string, env: NodeJS.ProcessEnv): Promise<{ note: string }>;
