import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosave } from './autosave.svelte';

interface Doc {
	text: string;
}

/** A server that answers like the save endpoint: versions, 409 with what is saved, failures on demand. */
function fakeServer() {
	const state = { version: 1, doc: { text: 'a' } as Doc, down: false, calls: [] as { baseVersion: number; doc: Doc }[] };
	const fetchMock = vi.fn(async (_url: string, init: { body: string }) => {
		const body = JSON.parse(init.body) as { baseVersion: number; doc: Doc };
		state.calls.push(body);
		if (state.down) throw new TypeError('network');
		if (body.baseVersion !== state.version) {
			return new Response(JSON.stringify({ reason: 'conflict', current: { version: state.version, status: 'draft', doc: state.doc } }), { status: 409 });
		}
		state.version += 1;
		state.doc = body.doc;
		return new Response(JSON.stringify({ version: state.version, savedAt: 1 }), { status: 200 });
	});
	return { state, fetchMock };
}

let server: ReturnType<typeof fakeServer>;
let doc: Doc;

beforeEach(() => {
	vi.useFakeTimers();
	server = fakeServer();
	vi.stubGlobal('fetch', server.fetchMock);
	doc = { text: 'a' };
});
afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

const make = () => new Autosave<Doc>({ url: '/save', version: 1, read: () => ({ ...doc }), delay: 800 });

describe('autosave', () => {
	it('saves once typing stops, on top of the version each save returns', async () => {
		const save = make();
		doc.text = 'ab';
		save.changed();
		await vi.advanceTimersByTimeAsync(500);
		doc.text = 'abc';
		save.changed();
		expect(save.state).toBe('dirty');
		await vi.advanceTimersByTimeAsync(799);
		expect(server.fetchMock).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(1);
		expect(server.state.calls).toEqual([{ baseVersion: 1, doc: { text: 'abc' } }]);
		expect(save.state).toBe('saved');
		expect(save.version).toBe(2);
		doc.text = 'abcd';
		save.changed();
		await vi.advanceTimersByTimeAsync(800);
		expect(server.state.calls[1]).toEqual({ baseVersion: 2, doc: { text: 'abcd' } });
		expect(save.unsaved).toBe(false);
	});

	it('does nothing when the document is back to what is saved', async () => {
		const save = make();
		doc.text = 'b';
		save.changed();
		doc.text = 'a';
		save.changed();
		expect(save.state).toBe('saved');
		await vi.advanceTimersByTimeAsync(2000);
		expect(server.fetchMock).not.toHaveBeenCalled();
	});

	it('retries with back-off while the network is down, and keeps the text until it is saved', async () => {
		const save = make();
		server.state.down = true;
		doc.text = 'offline';
		save.changed();
		await vi.advanceTimersByTimeAsync(800);
		expect(save.state).toBe('retrying');
		expect(save.retryIn).toBe(1);
		await vi.advanceTimersByTimeAsync(1000);
		expect(server.state.calls).toHaveLength(2);
		expect(save.retryIn).toBe(2);
		doc.text = 'offline, more';
		save.changed();
		server.state.down = false;
		await vi.advanceTimersByTimeAsync(2000);
		expect(save.state).toBe('saved');
		expect(server.state.doc).toEqual({ text: 'offline, more' });
	});

	it('stops at a conflict with what is saved, and goes on from the saved version once resolved', async () => {
		const save = make();
		server.state.version = 5;
		server.state.doc = { text: 'from another tab' };
		doc.text = 'mine';
		save.changed();
		await vi.advanceTimersByTimeAsync(800);
		expect(save.state).toBe('conflict');
		expect(save.conflict?.current).toEqual({ version: 5, status: 'draft', doc: { text: 'from another tab' } });
		doc.text = 'mine, still typing';
		save.changed();
		await vi.advanceTimersByTimeAsync(5000);
		expect(server.state.calls).toHaveLength(1);

		save.resolved(save.conflict!.current!);
		save.changed();
		await vi.advanceTimersByTimeAsync(800);
		expect(server.state.calls[1]).toEqual({ baseVersion: 5, doc: { text: 'mine, still typing' } });
		expect(save.version).toBe(6);
	});

	it('takes a conflict with its own text as saved: the answer to a committed save was lost', async () => {
		const save = make();
		server.state.version = 2;
		server.state.doc = { text: 'mine' };
		doc.text = 'mine';
		save.changed();
		await vi.advanceTimersByTimeAsync(800);
		expect(save.state).toBe('saved');
		expect(save.version).toBe(2);
		expect(save.conflict).toBeNull();
	});

	it('flush saves what is pending at once and says whether all is saved', async () => {
		const save = make();
		doc.text = 'now';
		save.changed();
		await expect(save.flush()).resolves.toBe(true);
		expect(server.state.doc).toEqual({ text: 'now' });
		server.state.down = true;
		doc.text = 'later';
		save.changed();
		await expect(save.flush()).resolves.toBe(false);
		expect(save.unsaved).toBe(true);
		save.stop();
	});
});
