/**
 * @title Vitest configuration with node environment, coverage and setup files
 * @tags testing, vitest, configuration, coverage, setup
 * @stack vitest, typescript
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    coverage: { provider: 'v8', reporter: ['text', 'html'], thresholds: { lines: 85 } },
  },
});
