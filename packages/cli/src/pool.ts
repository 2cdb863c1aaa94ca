import type { Worker } from 'node:worker_threads';
import type { ValidationConfig } from '@ocp-image/validator';
import type { CheckedFile, FileTask, FixOptions } from './check-file.js';

/** A failure inside ocp-image itself while checking a file (not a problem of the file). */
export class CheckFailure extends Error {
  constructor(
    readonly filePath: string,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

type WorkerReply = { index: number; checked: CheckedFile } | { index: number; failure: { message: string; stack?: string } };

/**
 * Checks the files in order. With more than one file and `jobs` > 1, worker threads check them
 * concurrently; results are still returned in task order, so output is the same for any `jobs`.
 * Texts are read inside whoever checks the file and dropped afterwards: only findings are kept.
 */
export async function checkFiles(tasks: readonly FileTask[], config: ValidationConfig, jobs: number, fix?: FixOptions): Promise<CheckedFile[]> {
  if (jobs <= 1 || tasks.length <= 1) {
    const { checkFile } = await import('./check-file.js');
    const results: CheckedFile[] = [];
    for (const task of tasks) {
      try {
        // A copy, as a worker's result is: strings in a result (an object's name) can be slices
        // of the file's text, and keeping them would keep every text alive until the end.
        results.push(structuredClone(await checkFile(task, config, fix)));
      } catch (error) {
        throw asCheckFailure(task, error);
      }
    }
    return results;
  }
  // Loaded only here: a one-file run should not pay for worker support.
  const { Worker } = await import('node:worker_threads');
  return checkWithWorkers(Worker, tasks, config, Math.min(jobs, tasks.length), fix);
}

function asCheckFailure(task: FileTask, error: unknown): CheckFailure {
  if (error instanceof Error) return new CheckFailure(task.filePath, error.message, error.stack);
  return new CheckFailure(task.filePath, String(error));
}

function checkWithWorkers(
  WorkerThread: typeof Worker,
  tasks: readonly FileTask[],
  config: ValidationConfig,
  workerCount: number,
  fix: FixOptions | undefined,
): Promise<CheckedFile[]> {
  const results = new Array<CheckedFile>(tasks.length);
  const workers: Worker[] = [];
  let nextIndex = 0;
  let finished = 0;

  return new Promise<CheckedFile[]>((resolve, reject) => {
    let settled = false;
    const stopAll = () => Promise.all(workers.map((worker) => worker.terminate()));
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      void stopAll().finally(() => reject(error));
    };
    const dispatch = (worker: Worker) => {
      if (nextIndex >= tasks.length) return;
      const index = nextIndex++;
      worker.postMessage({ index, task: tasks[index] });
    };

    for (let count = 0; count < workerCount; count++) {
      const worker = new WorkerThread(new URL('./worker.js', import.meta.url), { workerData: { config, fix } });
      workers.push(worker);
      worker.on('message', (reply: WorkerReply) => {
        if ('failure' in reply) {
          const task = tasks[reply.index];
          fail(new CheckFailure(task?.filePath ?? '?', reply.failure.message, reply.failure.stack));
          return;
        }
        results[reply.index] = reply.checked;
        finished += 1;
        if (finished === tasks.length) {
          settled = true;
          void stopAll().then(() => resolve(results), reject);
        } else {
          dispatch(worker);
        }
      });
      worker.on('error', (error) => fail(error));
      worker.on('exit', (code) => {
        if (!settled && code !== 0) fail(new Error(`a worker thread exited with code ${code}`));
      });
      dispatch(worker);
    }
  });
}
