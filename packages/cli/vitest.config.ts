import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'cli',
    include: ['test/**/*.test.ts'],
    // The tests spawn the built CLI, often several at once; on a busy 2-core CI machine a
    // batch can take a while. Speed itself is measured by the benchmarks, not here.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
