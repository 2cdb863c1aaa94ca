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
 * Checks the files in order. With more than one file and `jobs` > 1, the main thread and
 * `jobs` - 1 worker threads check them concurrently; results are still returned in task order, so
 * output is the same for any `jobs`. The main thread takes a share rather than only handing out
 * files: one thread fewer to start, to compile the validator in and to hold a heap for.
 * Texts are read inside whoever checks the file and dropped afterwards: only findings are kept.
 */
export async function checkFiles(tasks: readonly FileTask[], config: ValidationConfig, jobs: number, fix?: FixOptions): Promise<CheckedFile[]> {
  const { checkFile } = await import('./check-file.js');
  const checkHere = async (task: FileTask): Promise<CheckedFile> => {
    try {
      // A copy, as a worker's result is: strings in a result (an object's name) can be slices
      // of the file's text, and keeping them would keep every text alive until the end.
      return structuredClone(await checkFile(task, config, fix));
    } catch (error) {
      throw asCheckFailure(task, error);
    }
  };
  if (jobs <= 1 || tasks.length <= 1) {
    const results: CheckedFile[] = [];
    for (const task of tasks) results.push(await checkHere(task));
    return results;
  }
  // Loaded only here: a one-file run should not pay for worker support.
  const { Worker } = await import('node:worker_threads');
  return checkWithWorkers(Worker, tasks, checkHere, { config, fix }, Math.min(jobs, tasks.length) - 1);
}

function asCheckFailure(task: FileTask, error: unknown): CheckFailure {
  if (error instanceof Error) return new CheckFailure(task.filePath, error.message, error.stack);
  return new CheckFailure(task.filePath, String(error));
}

function checkWithWorkers(
  WorkerThread: typeof Worker,
  tasks: readonly FileTask[],
  checkHere: (task: FileTask) => Promise<CheckedFile>,
  workerData: { config: ValidationConfig; fix: FixOptions | undefined },
  workerCount: number,
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
    const store = (index: number, checked: CheckedFile) => {
      results[index] = checked;
      finished += 1;
      if (finished === tasks.length) {
        settled = true;
        void stopAll().then(() => resolve(results), reject);
      }
    };
    const dispatch = (worker: Worker) => {
      if (nextIndex >= tasks.length) return;
      const index = nextIndex++;
      worker.postMessage({ index, task: tasks[index] });
    };

    // With few files, a queued file could leave the main thread with none to check.
    const queueDepth = tasks.length >= 4 * tasksQueuedPerWorker * (workerCount + 1) ? tasksQueuedPerWorker : 1;
    for (let count = 0; count < workerCount; count++) {
      const worker = new WorkerThread(new URL('./worker.js', import.meta.url), { workerData });
      workers.push(worker);
      worker.on('message', (reply: WorkerReply) => {
        if ('failure' in reply) {
          const task = tasks[reply.index];
          fail(new CheckFailure(task?.filePath ?? '?', reply.failure.message, reply.failure.stack));
          return;
        }
        store(reply.index, reply.checked);
        dispatch(worker);
      });
      worker.on('error', (error) => fail(error));
      worker.on('exit', (code) => {
        if (!settled && code !== 0) fail(new Error(`a worker thread exited with code ${code}`));
      });
      for (let queued = 0; queued < queueDepth; queued++) dispatch(worker);
    }

    const checkInMainThread = async () => {
      for (let task = tasks[nextIndex]; !settled && task !== undefined; task = tasks[nextIndex]) {
        const index = nextIndex++;
        store(index, await checkHere(task));
        // Between files, let the workers' replies in, so they get their next file.
        await new Promise((next) => setImmediate(next));
      }
    };
    checkInMainThread().catch(fail);
  });
}

/**
 * A worker holds the next file while it checks one, so it never waits for the main thread to
 * hand out work: the main thread replies only between the files it checks itself.
 */
const tasksQueuedPerWorker = 2;
