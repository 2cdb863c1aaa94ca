import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { projectFixture } from './helpers.js';

// A validator that crashes stands in for a bug: the CLI must turn it into exit code 2 and one
// line, not a stack trace (unless OCP_IMAGE_DEBUG asks for it).
vi.mock('@ocp-image/validator', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@ocp-image/validator')>()),
  validate: () => {
    throw new TypeError('cannot read properties of undefined (reading "kind")');
  },
}));

const { main } = await import('../src/main.js');

async function runMain(argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await main(argv), stderr };
  } finally {
    spy.mockRestore();
  }
}

describe('an internal error', () => {
  afterEach(() => {
    delete process.env.OCP_IMAGE_DEBUG;
  });

  const file = path.join(projectFixture, 'legacy.yaml');
  const shown = path.relative(process.cwd(), file);

  it('exits 2 with a one-line message naming the file, and no stack trace', async () => {
    const { code, stderr } = await runMain(['validate', '--jobs', '1', file]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `ocp-image: internal error while checking ${shown}: cannot read properties of undefined (reading "kind")\n` +
        'ocp-image: this is a bug; set OCP_IMAGE_DEBUG=1 to see where it happened.\n',
    );
  });

  it('shows the stack trace with OCP_IMAGE_DEBUG=1', async () => {
    process.env.OCP_IMAGE_DEBUG = '1';
    const { code, stderr } = await runMain(['validate', '--jobs', '1', file]);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe(`ocp-image: internal error while checking ${shown}: cannot read properties of undefined (reading "kind")`);
    expect(stderr).toMatch(/\n {4}at /);
  });
});
