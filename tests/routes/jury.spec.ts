/**
 * The jury's routes as a request reaches them: every load and action checks its right on the
 * server, and after closing every write is refused with a message and changes nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as decisionsPage from '../../src/routes/(app)/jury/decisions/+page.server';
import * as ballotPage from '../../src/routes/(app)/jury/classes/[classId]/ballot/+page.server';
import * as classPage from '../../src/routes/(app)/jury/classes/[classId]/+page.server';
import * as comparePage from '../../src/routes/(app)/jury/classes/[classId]/compare/+page.server';
import * as minutesPage from '../../src/routes/(app)/jury/minutes/+page.server';
import * as minutesPdf from '../../src/routes/(app)/jury/minutes.pdf/+server';
import * as presentPage from '../../src/routes/(app)/jury/present/+page.server';
import * as juryHome from '../../src/routes/(app)/jury/+page.server';
import { classDecisions, decisionsVersion, meetingOf, meetingVersion } from '../../src/lib/server/jury/decisions';
import { fakeEvent, juryYear } from '../../src/lib/server/test-support/jury';
import { NONE_BARRED } from '../../src/lib/domain/entry-state';
import * as table from '../../src/lib/server/db/schema';

let y: ReturnType<typeof juryYear>;
beforeEach(() => {
	y = juryYear('jury');
});

type Handler = (event: never) => unknown;

async function statusOf(run: () => unknown): Promise<number> {
	try {
		const result = (await run()) as { status?: number } | undefined;
		return result && typeof result.status === 'number' ? result.status : 200;
	} catch (e) {
		return (e as { status?: number }).status ?? 500;
	}
}

function post(email: string, path: string, fields: [string, string][], params: Record<string, string> = {}) {
	const form = new FormData();
	for (const [k, v] of fields) form.append(k, v);
	return fakeEvent(y.userId(email), `http://localhost${path}`, { form, params });
}

function decisionForm(classId: number): [string, string][] {
	const [a] = y.finalists(classId);
	return [
		['classId', String(classId)],
		['version', decisionsVersion(classDecisions(y.db, classId, NONE_BARRED))],
		[`outcome-${a}`, 'award'],
		[`citation-${a}`, 'En motivering.']
	];
}

const OUTSIDERS = ['jury1@demo.test', 'examinator1@demo.test', 'enhet1@demo.test'];

describe('the decision routes', () => {
	it('refuse every load and action to a juror, an examiner and a unit contact (403), writing nothing', async () => {
		const classId = y.classes[0].id;
		const before = y.snapshot();
		for (const email of OUTSIDERS) {
			const load = decisionsPage.load as unknown as Handler;
			expect(await statusOf(() => load(fakeEvent(y.userId(email), 'http://localhost/jury/decisions')))).toBe(403);
			const actions = decisionsPage.actions as Record<string, Handler>;
			expect(await statusOf(() => actions.record(post(email, '/jury/decisions?/record', decisionForm(classId))))).toBe(403);
			const meeting: [string, string][] = [['version', meetingVersion(meetingOf(y.db, y.cycle.id))], ['meetingDate', '2026-10-29'], ['present', String(y.userId(email))]];
			expect(await statusOf(() => actions.meeting(post(email, '/jury/decisions?/meeting', meeting)))).toBe(403);
			expect(await statusOf(() => actions.close(post(email, '/jury/decisions?/close', [['confirm', 'on']])))).toBe(403);
		}
		expect(y.snapshot()).toEqual(before);
	});

	it('let the chair record a decision, and refuse a bad one with the message at the field', async () => {
		const classId = y.classes[0].id;
		const actions = decisionsPage.actions as Record<string, Handler>;
		const [a] = y.finalists(classId);
		const bad = (await actions.record(post('ordforande@demo.test', '/jury/decisions?/record', decisionForm(classId).filter(([k]) => !k.startsWith('citation'))))) as {
			status: number;
			data: { errors: Record<string, string> };
		};
		expect(bad.status).toBe(400);
		expect(bad.data.errors[`citation-${a}`]).toBe('Skriv en motivering.');
		expect(classDecisions(y.db, classId, NONE_BARRED)).toEqual([]);
		expect(await actions.record(post('ordforande@demo.test', '/jury/decisions?/record', decisionForm(classId)))).toEqual({ savedClassId: classId });
		expect(classDecisions(y.db, classId, NONE_BARRED)).toHaveLength(1);
	});
});

describe('the jury’s reading routes', () => {
	it('refuse examiners and unit contacts everywhere, and hide a conflicted entry from comparison', async () => {
		const classId = String(y.classes[0].id);
		const params = { classId };
		const reads: [Handler, string][] = [
			[classPage.load as unknown as Handler, `/jury/classes/${classId}`],
			[comparePage.load as unknown as Handler, `/jury/classes/${classId}/compare`],
			[ballotPage.load as unknown as Handler, `/jury/classes/${classId}/ballot`],
			[minutesPage.load as unknown as Handler, '/jury/minutes'],
			[presentPage.load as unknown as Handler, '/jury/present'],
			[minutesPdf.GET as unknown as Handler, '/jury/minutes.pdf']
		];
		for (const email of ['examinator1@demo.test', 'enhet1@demo.test']) {
			for (const [handler, path] of reads) {
				expect(await statusOf(() => handler(fakeEvent(y.userId(email), `http://localhost${path}`, { params })))).toBe(403);
			}
			const actions = ballotPage.actions as Record<string, Handler>;
			const [a] = y.finalists(y.classes[0].id);
			expect(await statusOf(() => actions.cast(post(email, `/jury/classes/${classId}/ballot?/cast`, [[`rank-${a}`, '1']], params)))).toBe(403);
			expect(await statusOf(() => actions.withdraw(post(email, `/jury/classes/${classId}/ballot?/withdraw`, [], params)))).toBe(403);
		}
		for (const [handler, path] of reads) {
			expect(await statusOf(() => handler(fakeEvent(y.userId('jury1@demo.test'), `http://localhost${path}`, { params })))).toBe(200);
		}
		expect(await statusOf(() => (classPage.load as unknown as Handler)(fakeEvent(y.userId('jury1@demo.test'), 'http://localhost/jury/classes/999999', { params: { classId: '999999' } })))).toBe(404);
	});
});

describe('the ballot tally', () => {
	const chair = 'ordforande@demo.test';
	const load = (email: string) => {
		const classId = String(y.classes[0].id);
		const run = ballotPage.load as unknown as Handler;
		return run(fakeEvent(y.userId(email), `http://localhost/jury/classes/${classId}/ballot`, { params: { classId } })) as {
			summary: { tally: unknown };
		};
	};
	// What SvelteKit serialises into the page and its __data.json is the load's result, whole.
	const serialised = (email: string) => JSON.stringify(load(email));

	it('is left out of the page’s data for a member who has not voted, until the chair opens it', async () => {
		for (const email of ['jury3@demo.test', chair]) {
			expect(serialised(email)).not.toContain('pairwise');
			expect(serialised(email)).not.toContain('notVoted');
			expect(load(email).summary.tally).toBeNull();
		}
		expect(load('jury1@demo.test').summary.tally).not.toBeNull();

		const classId = String(y.classes[0].id);
		const actions = ballotPage.actions as Record<string, Handler>;
		const before = y.snapshot();
		expect(await statusOf(() => actions.openTally(post('jury3@demo.test', `/jury/classes/${classId}/ballot?/openTally`, [], { classId })))).toBe(403);
		expect(y.snapshot()).toEqual(before);
		expect(await actions.openTally(post(chair, `/jury/classes/${classId}/ballot?/openTally`, [], { classId }))).toEqual({ tallyOpened: true });
		expect(serialised('jury3@demo.test')).toContain('pairwise');
	});

	it('is shown to a member right after they cast their ballot', async () => {
		const classId = String(y.classes[0].id);
		const actions = ballotPage.actions as Record<string, Handler>;
		const fields = y.finalists(y.classes[0].id).map((id, i): [string, string] => [`rank-${id}`, String(i + 1)]);
		expect(await actions.cast(post('jury3@demo.test', `/jury/classes/${classId}/ballot?/cast`, fields, { classId }))).toEqual({ saved: true });
		expect(serialised('jury3@demo.test')).toContain('pairwise');
	});
});

describe('the class page', () => {
	const chair = 'ordforande@demo.test';
	type ClassData = {
		standing: { rows: { entryId: number; rank: number | null; ballotPlace: number | null; finalist: boolean }[]; tallyShown: boolean };
		decision: { version: string; candidates: { entryId: number }[]; outcomes: { entryId: number; outcome: string }[] } | null;
	};
	const load = (email: string, classId = y.classes[0].id) =>
		(classPage.load as unknown as Handler)(fakeEvent(y.userId(email), `http://localhost/jury/classes/${classId}`, { params: { classId: String(classId) } })) as ClassData;

	it('ranks the candidates, and gives the ballot place only to a member who may see the tally', () => {
		const voted = load('jury1@demo.test');
		expect(voted.standing.rows.map((r) => r.rank)).toEqual([...voted.standing.rows.map((r) => r.rank)].sort());
		expect(voted.standing.tallyShown).toBe(true);
		expect(voted.standing.rows.filter((r) => r.finalist).every((r) => r.ballotPlace !== null)).toBe(true);
		const notVoted = load('jury3@demo.test');
		expect(notVoted.standing.tallyShown).toBe(false);
		expect(notVoted.standing.rows.every((r) => r.ballotPlace === null)).toBe(true);
		expect(notVoted.decision).toBeNull();
	});

	it('lets the chair decide from it, lists the award before the mention, and refuses a stale form as a conflict', async () => {
		const classId = y.classes[3].id;
		const params = { classId: String(classId) };
		y.db.update(table.consensus).set({ status: 'done', recommendFinalist: true }).run();
		const page = load(chair, classId);
		const [first, second] = page.decision!.candidates.map((c) => c.entryId);
		const fields: [string, string][] = [
			['classId', String(classId)],
			['version', page.decision!.version],
			[`outcome-${first}`, 'mention'],
			[`citation-${first}`, 'Ett gott exempel.'],
			[`outcome-${second}`, 'award'],
			[`citation-${second}`, 'Årets vinnare.']
		];
		const actions = classPage.actions as Record<string, Handler>;
		expect(await actions.record(post(chair, `/jury/classes/${classId}?/record`, fields, params))).toEqual({ savedClassId: classId });
		expect(load(chair, classId).decision!.outcomes.map((o) => [o.entryId, o.outcome])).toEqual([[second, 'award'], [first, 'mention']]);
		// The same form again was based on decisions that have since changed.
		const stale = (await actions.record(post(chair, `/jury/classes/${classId}?/record`, fields, params))) as { status: number; data: { errors: { _form: string } } };
		expect(stale.status).toBe(409);
		expect(stale.data.errors._form).toContain('Någon har ändrat');
		expect(await statusOf(() => actions.record(post('jury1@demo.test', `/jury/classes/${classId}?/record`, fields, params)))).toBe(403);
	});
});

describe('the jury’s home', () => {
	type Home = {
		leaders: Record<number, { unitName: string; total: number }[]>;
		ballots: Record<number, { voted: number; members: number; first: string[] }>;
	};
	const home = (email: string) => (juryHome.load as unknown as Handler)(fakeEvent(y.userId(email), 'http://localhost/jury')) as Home;

	it('names who leads each class, how many have voted, and who is first in the ballot only to a member who may see the tally', () => {
		const classId = y.classes[0].id;
		const standing = (email: string) =>
			(classPage.load as unknown as Handler)(fakeEvent(y.userId(email), `http://localhost/jury/classes/${classId}`, { params: { classId: String(classId) } })) as {
				standing: { rows: { unitName: string; rank: number | null; ballotPlace: number | null }[]; voted: number; members: number };
			};
		const voted = standing('jury1@demo.test').standing;
		const seen = home('jury1@demo.test');
		expect(seen.leaders[classId].map((l) => l.unitName)).toEqual(voted.rows.filter((r) => r.rank === 1).map((r) => r.unitName));
		expect(seen.ballots[classId]).toEqual({
			voted: voted.voted,
			members: voted.members,
			first: voted.rows.filter((r) => r.ballotPlace === 1).map((r) => r.unitName)
		});
		expect(seen.ballots[classId].voted).toBeGreaterThan(0);
		expect(seen.ballots[classId].first).not.toEqual([]);
		// jury3 has not voted: the count, but not the order.
		expect(home('jury3@demo.test').ballots[classId]).toEqual({ voted: voted.voted, members: voted.members, first: [] });
	});
});

describe('the meeting screen', () => {
	type Screen = {
		index: number;
		candidates: { entryId: number; rank: number | null }[];
		range: { first: number; last: number; count: number } | null;
		previous: { href: string; sameClass: boolean } | null;
		next: { href: string; sameClass: boolean } | null;
	};
	const show = (query: string) => (presentPage.load as unknown as Handler)(fakeEvent(y.userId('ordforande@demo.test'), `http://localhost/jury/present${query}`)) as Screen;

	it('shows a large class a screenful at a time, in ranked order, and steps on to the next class after its last screen', () => {
		const [large, ...others] = y.classes;
		// Every entry of the demo in one class: those the chair sees ranked are the candidates.
		for (const other of others) y.db.update(table.entry).set({ classId: large.id }).where(eq(table.entry.classId, other.id)).run();
		const first = show('?c=1');
		const count = first.range!.count;
		expect(count).toBeGreaterThanOrEqual(12);
		expect(count).toBeLessThanOrEqual(16);
		expect(first.candidates).toHaveLength(8);
		expect(first.range).toEqual({ first: 1, last: 8, count });
		expect(first.previous).toBeNull();
		expect(first.next).toEqual({ href: '?c=1&s=2', sameClass: true });

		const screens = [first, show('?c=1&s=2')];
		expect(screens[1].range).toEqual({ first: 9, last: count, count });
		expect(screens[1].next).toEqual({ href: '?c=2', sameClass: false });
		expect(screens[1].previous).toEqual({ href: '?c=1', sameClass: true });
		const shown = screens.flatMap((s) => s.candidates);
		expect(new Set(shown.map((c) => c.entryId)).size).toBe(count);
		const ranks = shown.map((c) => c.rank ?? Infinity);
		expect(ranks).toEqual([...ranks].sort((a, b) => a - b));

		// A class that fits one screen says nothing of screens; a screen that does not exist is the first.
		expect(show('?c=2').range).toBeNull();
		expect(show('?c=2').previous).toEqual({ href: '?c=1', sameClass: false });
		expect(show('?c=1&s=9').range).toEqual(first.range);
	});
});

describe('after closing', () => {
	it('every write route answers with a message and nothing changes', async () => {
		const chair = 'ordforande@demo.test';
		const actions = decisionsPage.actions as Record<string, Handler>;
		for (const c of y.classes) {
			const form: [string, string][] = [['classId', String(c.id)], ['version', decisionsVersion(classDecisions(y.db, c.id, NONE_BARRED))], ['noAward', 'on'], ['noAwardReason', 'Ingen når nivån.']];
			expect(await actions.record(post(chair, '/jury/decisions?/record', form))).toEqual({ savedClassId: c.id });
		}
		expect(await actions.close(post(chair, '/jury/decisions?/close', [['confirm', 'on']]))).toEqual({ closed: true });

		const before = y.snapshot();
		const classId = y.classes[0].id;
		const params = { classId: String(classId) };
		const [a] = y.finalists(classId);
		const refused = async (run: () => unknown) => {
			const result = (await run()) as { status: number; data: Record<string, unknown> };
			expect(result.status).toBe(409);
			expect(JSON.stringify(result.data)).toContain('Besluten är justerade');
		};
		await refused(() => actions.record(post(chair, '/jury/decisions?/record', decisionForm(classId))));
		const meeting: [string, string][] = [['version', meetingVersion(meetingOf(y.db, y.cycle.id))], ['meetingDate', '2026-10-29'], ['present', String(y.userId(chair))]];
		await refused(() => actions.meeting(post(chair, '/jury/decisions?/meeting', meeting)));
		await refused(() => actions.close(post(chair, '/jury/decisions?/close', [['confirm', 'on']])));
		const ballot = ballotPage.actions as Record<string, Handler>;
		for (const voter of ['jury1@demo.test', 'jury4@demo.test', chair]) {
			await refused(() => ballot.cast(post(voter, `/jury/classes/${classId}/ballot?/cast`, [[`rank-${a}`, '1']], params)));
		}
		await refused(() => ballot.withdraw(post('jury1@demo.test', `/jury/classes/${classId}/ballot?/withdraw`, [], params)));
		expect(y.snapshot()).toEqual(before);
	});
});
