import { defineConfig } from 'vitest/config';

// The suite StrykerJS runs against each mutant: every rule, property and unit
// test, without the slow end-to-end and million-entry tests (they test the
// same code, only bigger) and with fewer property runs.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/cli/**', 'test/integration/**', 'test/bench/**', 'test/adversarial/**', 'test/schemas/**', 'test/purity.test.ts', 'test/docs/**'],
    environment: 'node',
    testTimeout: 60_000,
    env: { FC_RUNS: '40' },
  },
});
