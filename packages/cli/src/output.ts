/** Writes to stdout and waits until it is flushed. A reader that went away (`| head`) is not an error. */
export function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (text === '') {
      resolve();
      return;
    }
    process.stdout.write(text, (error) => {
      if (!error || (error as NodeJS.ErrnoException).code === 'EPIPE') resolve();
      else reject(error);
    });
  });
}

/** Keeps a closed pipe from surfacing as an uncaught exception. */
export function ignoreBrokenPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}
