/**
 * Long work off the request thread: a job runs one task of `tasks.ts` in a worker thread of its
 * own (background tasks at the lowest priority) while the server keeps answering requests. The
 * server keeps each job's state in memory under a key (one proposal per cycle, one package per
 * cycle): running with its progress, done with its result, or failed with the reason. Starting a
 * key that is running joins the job when the input is the same and is refused when it differs, so
 * the same work never runs twice at once. The job's output is written by `finish` in the server's
 * thread, in one step (one transaction, one rename), once the thread has answered: a job that
 * stops halfway, or a server that restarts meanwhile, leaves nothing half-written, only no result.
 */
import { Worker } from 'node:worker_threads';
import type { TaskInput, TaskName, TaskOutput, TaskProgress } from './tasks';
import type { ThreadMessage } from './thread';

/** A job as it stands, with what `start` was told beside its input (`context`). */
export type JobState<P, R, C = unknown> = { context: C; startedAt: Date } & (
	| { state: 'running'; progress: P | null }
	| { state: 'done'; result: R; endedAt: Date }
	| { state: 'failed'; message: string; endedAt: Date }
);

/** What starting a key did: a new job, the running one with the same input, or nothing. */
export type Started = 'started' | 'joined' | 'busy';

export interface JobKind<N extends TaskName, C, R> {
	start(key: string, input: TaskInput<N>, context: C): Started;
	state(key: string): JobState<TaskProgress<N>, R, C> | null;
	/** Resolves once the key's job, if any, has ended (tests, benches). */
	settled(key: string): Promise<void>;
}

interface Job {
	input: string;
	state: JobState<unknown, unknown>;
	settled: Promise<void>;
	stop: () => Promise<unknown>;
}

const jobs = new Map<string, Job>();

// The thread's start-up, as plain CommonJS: under `vite dev`, the tests and the scripts the entry is
// TypeScript, which the thread learns to read from tsx (present wherever the sources are run);
// the built entry is JavaScript and needs nothing.
const BOOT = `
const { workerData } = require('node:worker_threads');
const ready = workerData.entry.endsWith('.ts') ? import('tsx/esm/api').then(({ register }) => register()) : Promise.resolve();
ready.then(() => import(workerData.entry));
`;

/**
 * A kind of job: the task its thread runs, and `finish`, which turns the task's output into the
 * job's result in the server's thread (where the writing happens), given what `start` was told.
 */
export function jobKind<N extends TaskName, C, R>(task: N, finish: (output: TaskOutput<N>, context: C) => R): JobKind<N, C, R> {
	const id = (key: string) => `${task}:${key}`;
	return {
		start(key, input, context) {
			const running = jobs.get(id(key));
			const sameInput = JSON.stringify(input);
			if (running?.state.state === 'running') return running.input === sameInput ? 'joined' : 'busy';
			jobs.set(id(key), launch(task, input, sameInput, context, (output) => finish(output as TaskOutput<N>, context)));
			return 'started';
		},
		state: (key) => (jobs.get(id(key))?.state as JobState<TaskProgress<N>, R, C> | undefined) ?? null,
		settled: (key) => jobs.get(id(key))?.settled ?? Promise.resolve()
	};
}

function launch(task: TaskName, input: unknown, inputKey: string, context: unknown, finish: (output: unknown) => unknown): Job {
	const startedAt = new Date();
	const job: Job = { input: inputKey, state: { state: 'running', progress: null, startedAt, context }, settled: Promise.resolve(), stop: async () => {} };
	let worker: Worker | null = null;
	let end!: () => void;
	job.settled = new Promise((resolve) => (end = resolve));
	const settle = (outcome: { result: unknown } | { message: string }) => {
		if (job.state.state !== 'running') return;
		const endedAt = new Date();
		job.state =
			'result' in outcome
				? { state: 'done', result: outcome.result, startedAt, endedAt, context }
				: { state: 'failed', message: outcome.message, startedAt, endedAt, context };
		if ('message' in outcome) console.error(`Ett bakgrundsjobb (${task}) misslyckades: ${outcome.message}`);
		void worker?.terminate();
		end();
	};
	job.stop = async () => {
		settle({ message: 'Arbetet avbröts.' });
		await worker?.terminate();
	};
	// Imported for its address only; the build makes a file of its own of what is imported so.
	import('./thread')
		.then(({ threadEntry }) => {
			if (job.state.state !== 'running') return;
			worker = new Worker(BOOT, { eval: true, workerData: { entry: threadEntry, task, input } });
			worker.on('message', (message: ThreadMessage) => {
				if ('progress' in message) {
					if (job.state.state === 'running') job.state = { ...job.state, progress: message.progress };
				} else if ('failure' in message) settle({ message: message.failure });
				else {
					try {
						settle({ result: finish(message.output) });
					} catch (e) {
						settle({ message: (e as Error).message });
					}
				}
			});
			worker.once('error', (e) => settle({ message: e.message }));
			worker.once('exit', (code) => settle({ message: `Arbetet avbröts (kod ${code}).` }));
		})
		.catch((e: Error) => settle({ message: e.message }));
	return job;
}

/** Stops every running job, as a server that shuts down does (tests of what a restart leaves). */
export async function stopJobs(): Promise<void> {
	await Promise.all([...jobs.values()].map((job) => job.stop()));
}
