import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Property tests run hundreds of generated ledgers; 2 shared cores can be slow.
    testTimeout: 60_000,
  },
});
