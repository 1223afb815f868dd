/**
 * The work that runs off the request thread (`run.ts`), by name. Each task is loaded only inside
 * its thread, so the server itself never loads the solver or the archive's writers for it. A task
 * gets its input and a way to report progress, and returns plain data (it crosses a thread).
 */
import type { AssignInput } from '$lib/domain/assign';
import type { ArchiveProgress } from '$lib/domain/archive';

export const tasks = {
	/** The team proposal's exact solve (docs/assignment.md). */
	optimiseAssignment: async () => {
		const { optimiseAssignment } = await import('../assignment/optimise');
		return (input: AssignInput) => optimiseAssignment(input);
	},
	/** A cycle's archive package, written whole or not at all (docs/records.md). */
	buildArchive: async () => {
		const { buildArchive } = await import('../archive/build');
		return async (input: { cycleId: number; target: string }, report: (progress: ArchiveProgress) => void) => {
			const built = await buildArchive({ id: input.cycleId }, input.target, report);
			return { path: built.path, bytes: built.bytes };
		};
	}
};

export type TaskName = keyof typeof tasks;

/**
 * Tasks whose thread runs at the lowest priority, giving way to requests. The solve keeps the
 * server's: its time cap is counted on the clock, so on a busy server a lower priority would buy a
 * worse plan, and it runs on a core of its own beside the request thread anyway.
 */
export const BACKGROUND_TASKS: readonly TaskName[] = ['buildArchive'];
type TaskFunction<N extends TaskName> = Awaited<ReturnType<(typeof tasks)[N]>>;
export type TaskInput<N extends TaskName> = Parameters<TaskFunction<N>>[0];
export type TaskOutput<N extends TaskName> = Awaited<ReturnType<TaskFunction<N>>>;
export type TaskProgress<N extends TaskName> = TaskFunction<N> extends (input: never, report: (progress: infer P) => void) => unknown ? P : never;
