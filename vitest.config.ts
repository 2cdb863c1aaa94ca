import { defineConfig } from 'vitest/config';

// One vitest project per package; `npm test` runs them all in one process so the
// summary covers the whole repository.
export default defineConfig({
  test: {
    projects: ['packages/*', 'tools/e2e'],
    reporters: ['default', './tools/vitest-summary-reporter.ts'],
  },
});
