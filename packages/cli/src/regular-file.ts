import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** Why a file that ocp-image reads for itself (a config, a .gitignore, the cache) was refused. */
export class UnreadableFileError extends Error {
  override readonly name = 'UnreadableFileError';
  constructor(
    reason: string,
    /** The errno code, when the system refused (ENOENT: the file does not exist). */
    readonly code?: string,
  ) {
    super(reason);
  }
}

/**
 * Reads a regular file of at most `maxBytes`. These files can come with the pull request being
 * checked (a symbolic link to /dev/zero, a FIFO): opening a FIFO for reading would wait forever,
 * a device or a huge file would exhaust memory, so only a small regular file is read.
 */
export async function readRegularFile(filePath: string, maxBytes: number): Promise<Buffer> {
  let handle;
  try {
    // Non-blocking: opening a FIFO would otherwise wait for a writer.
    handle = await open(filePath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new UnreadableFileError(code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a directory' : message, code);
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new UnreadableFileError('it is a directory', 'EISDIR');
    if (!stats.isFile()) throw new UnreadableFileError('it is not a regular file (a FIFO, socket or device)');
    if (stats.size > maxBytes) throw new UnreadableFileError(`it is larger than ${maxBytes} bytes`);
    return await handle.readFile();
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    const { code, message } = error as NodeJS.ErrnoException;
    throw new UnreadableFileError(message, code);
  } finally {
    await handle.close();
  }
}
