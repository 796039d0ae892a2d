import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const alias = {
  '@': root,
  'server-only': path.join(root, 'tests/support/server-only-stub.ts'),
};

// Unit tests are pure. Integration tests run twice: against a real Postgres (a fresh database per
// run) and against embedded PGlite, because both modes ship.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/fakes/**/*.test.ts'],
          exclude: ['**/*.integration.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration-postgres',
          include: ['lib/**/*.integration.test.ts', 'tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup-postgres.ts'],
          setupFiles: ['tests/support/integration-setup.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration-pglite',
          include: ['lib/**/*.integration.test.ts', 'tests/integration/**/*.test.ts'],
          // What only a networked database has (a pool of connections that can drop).
          exclude: ['tests/integration/**/*.postgres.test.ts', 'node_modules/**'],
          globalSetup: ['tests/support/global-setup-pglite.ts'],
          setupFiles: ['tests/support/integration-setup.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
