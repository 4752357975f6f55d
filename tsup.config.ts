import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  // The core is browser-safe: runtime dependencies stay external and are resolved by the user's bundler.
  external: ['zod', 'decimal.js', 'date-fns'],
  treeshake: true,
});
