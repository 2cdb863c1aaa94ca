import { parentPort, workerData } from 'node:worker_threads';
import type { ValidationConfig } from '@ocp-image/validator';
import { checkFile, type FileTask, type FixOptions } from './check-file.js';

/** Worker thread: checks the files the main thread hands out, one message per file. */
const { config, fix } = workerData as { config: ValidationConfig; fix?: FixOptions };
const port = parentPort;
if (!port) throw new Error('worker.js must run as a worker thread');

port.on('message', (message: { index: number; task: FileTask }) => {
  checkFile(message.task, config, fix).then(
    (checked) => port.postMessage({ index: message.index, checked }),
    (error: unknown) => {
      const failure = error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) };
      port.postMessage({ index: message.index, failure });
    },
  );
});
