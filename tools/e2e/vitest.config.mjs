import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'e2e',
    include: ['*.test.mjs'],
    // Publishing, installing from the registry (and, the first time, fetching Node binaries)
    // takes minutes on a busy 2-core machine; the commands themselves time out at 300 s.
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
