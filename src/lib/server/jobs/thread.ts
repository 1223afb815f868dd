/**
 * The entry point of a job's thread. The server finds it by its own address (`import.meta.url`),
 * which is this file under `vite dev`, the tests and the scripts, and the chunk the build made of
 * it under `node build`: the build keeps it a file of its own because `run.ts` only imports it
 * dynamically. So the thread runs the same code as the server, and needs nothing at run time that a
 * production install lacks.
 */
import { setPriority } from 'node:os';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { BACKGROUND_TASKS, tasks, type TaskName } from './tasks';

export const threadEntry = import.meta.url;

/** What a job's thread says to the server: progress, then the output or the reason it failed. */
export type ThreadMessage = { progress: unknown } | { output: unknown } | { failure: string };

// Run on import inside a job's thread; the server imports this file only for its address. (A
// function for the start-up code to call would be dropped by the build as unused.)
if (!isMainThread && (workerData as { task?: unknown } | null)?.task) void runInThread();

/** Runs the task named in the thread's data and reports back. */
async function runInThread(): Promise<void> {
	const { task, input } = workerData as { task: TaskName; input: never };
	const say = (message: ThreadMessage) => parentPort!.postMessage(message);
	try {
		// On Linux a thread's nice value is its own: background work gives way to the requests.
		if (BACKGROUND_TASKS.includes(task)) setPriority(19);
	} catch {
		// Not allowed here: the job runs at the server's priority.
	}
	try {
		const run = (await tasks[task]()) as (input: never, report: (progress: unknown) => void) => unknown;
		say({ output: await run(input, (progress) => say({ progress })) });
	} catch (e) {
		say({ failure: e instanceof Error ? e.message : String(e) });
	}
}
