import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import * as table from '../db/schema';
import { ballotSummary, castBallot, openTally, parseBallotForm, withdrawBallot } from './ballots';
import { juryYear } from '../test-support/jury';
import { conflictedEntryIds } from '../access/entry-facts';

let y: ReturnType<typeof juryYear>;
beforeEach(() => {
	y = juryYear('jury');
});

/** Who reads a tally: their user id and the entries they are barred from. */
const reader = (email: string) => ({ userId: y.userId(email), barred: conflictedEntryIds(y.userId(email), y.cycle.id) });
const voter = (email: string, classIdx = 0) => ({ userId: y.userId(email), cycleId: y.cycle.id, classId: y.classes[classIdx].id });
const form = (fields: [string, string][]) => {
	const f = new FormData();
	for (const [k, v] of fields) f.append(k, v);
	return f;
};

describe('parseBallotForm', () => {
	it('turns places into tiers, ties sharing a tier and gaps closing up', () => {
		const parsed = parseBallotForm(form([['rank-7', '3'], ['rank-5', '1'], ['rank-9', '1'], ['rank-2', ''], ['other', '1']]), 4);
		expect(parsed).toEqual({ ok: true, ranking: [['5', '9'], ['7']] });
	});

	it('refuses a place outside 1..n or not a whole number', () => {
		expect(parseBallotForm(form([['rank-5', '5']]), 4).ok).toBe(false);
		expect(parseBallotForm(form([['rank-5', '0']]), 4).ok).toBe(false);
		expect(parseBallotForm(form([['rank-5', '1.5']]), 4).ok).toBe(false);
		expect(parseBallotForm(form([['rank-5', 'första']]), 4).ok).toBe(false);
	});

	it('keeps a field sent twice as the same candidate twice, for the duplicate check', () => {
		expect(parseBallotForm(form([['rank-5', '1'], ['rank-5', '2']]), 4)).toEqual({ ok: true, ranking: [['5'], ['5']] });
	});
});

describe('castBallot', () => {
	it('stores a member’s ranking, replaces it on a second vote and writes both to the audit log', () => {
		const v = voter('jury3@demo.test');
		const [a, b] = y.finalists(v.classId).map(String);
		expect(castBallot(v, [[a], [b]])).toEqual({ ok: true });
		expect(castBallot(v, [[b, a]])).toEqual({ ok: true });
		const rows = y.db.select().from(table.ballot).where(and(eq(table.ballot.classId, v.classId), eq(table.ballot.voterId, v.userId))).all();
		expect(rows.map((r) => r.ranking)).toEqual([[[Number(b), Number(a)]]]);
		const audit = y.db.select().from(table.auditLog).where(eq(table.auditLog.action, 'ballot.cast')).all();
		expect(audit).toHaveLength(2);
		expect(audit[1].before).toEqual({ classId: v.classId, ranking: [[Number(a)], [Number(b)]] });
		expect(audit[1].actorId).toBe(v.userId);
	});

	it('lets the chair vote too', () => {
		const v = voter('ordforande@demo.test', 1);
		expect(castBallot(v, [y.finalists(v.classId).map(String)])).toEqual({ ok: true });
	});

	it('refuses an entry outside the class’s finalists and writes nothing', () => {
		const v = voter('jury3@demo.test', 1);
		const outsider = String(y.nonFinalist(v.classId) ?? y.finalists(y.classes[0].id)[0]);
		const before = y.snapshot();
		const result = castBallot(v, [[String(y.finalists(v.classId)[0])], [outsider]]);
		expect(result).toEqual({ ok: false, errors: [{ code: 'unknown-candidate', candidate: outsider }] });
		// A finalist of another class is just as foreign to this class's ballot.
		const otherClass = String(y.finalists(y.classes[0].id)[0]);
		expect(castBallot(v, [[otherClass]])).toMatchObject({ ok: false, errors: [{ code: 'unknown-candidate' }] });
		expect(y.snapshot()).toEqual(before);
	});

	it('refuses a duplicate candidate and writes nothing', () => {
		const v = voter('jury3@demo.test');
		const [a, b] = y.finalists(v.classId).map(String);
		const before = y.snapshot();
		expect(castBallot(v, [[a], [b, a]])).toEqual({ ok: false, errors: [{ code: 'duplicate-candidate', candidate: a }] });
		expect(castBallot(v, [[a, a]])).toMatchObject({ ok: false, errors: [{ code: 'duplicate-candidate' }] });
		expect(y.snapshot()).toEqual(before);
	});

	it('refuses a vote on an entry the member is conflicted on (own organisation)', () => {
		// jury3 belongs to Socialförvaltningen, whose unit is a finalist in class 4.
		const v = voter('jury3@demo.test', 3);
		const conflicted = y.db
			.select({ id: table.entry.id })
			.from(table.entry)
			.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
			.where(eq(table.unit.name, 'Enheten för hemlösa'))
			.get()!.id;
		expect(y.finalists(v.classId)).toContain(conflicted);
		const before = y.snapshot();
		// The same answer as for an entry that is no finalist: a forged ballot cannot ask what the entry is.
		expect(castBallot(v, [[String(conflicted)]])).toEqual({ ok: false, errors: [{ code: 'unknown-candidate', candidate: String(conflicted) }] });
		expect(y.snapshot()).toEqual(before);
		const others = y.finalists(v.classId).filter((id) => id !== conflicted).map(String);
		expect(castBallot(v, [others])).toEqual({ ok: true });
	});

	it('refuses an empty or malformed ballot', () => {
		const v = voter('jury3@demo.test');
		expect(castBallot(v, [])).toMatchObject({ ok: false, errors: [{ code: 'empty' }] });
		expect(castBallot(v, 'A>B')).toMatchObject({ ok: false, errors: [{ code: 'malformed' }] });
	});

	it('refuses examiners, unit contacts and the admin: only the jury votes', () => {
		const before = y.snapshot();
		for (const email of ['examinator1@demo.test', 'enhet1@demo.test', 'admin@demo.test']) {
			const v = voter(email);
			expect(castBallot(v, [[String(y.finalists(v.classId)[0])]])).toEqual({ ok: false, refusal: 'forbidden' });
			expect(withdrawBallot(voter(email))).toEqual({ ok: false, refusal: 'forbidden' });
		}
		expect(y.snapshot()).toEqual(before);
	});

	it('refuses a class of another cycle', () => {
		const other = y.db.select().from(table.awardClass).all().find((c) => c.cycleId !== y.cycle.id)!;
		expect(castBallot({ ...voter('jury3@demo.test'), classId: other.id }, [['1']])).toEqual({ ok: false, refusal: 'not-found' });
	});

	it('refuses every vote after the decisions are closed, and outside the jury phase', () => {
		const v = voter('jury1@demo.test');
		const [a, b] = y.finalists(v.classId).map(String);
		y.db.update(table.cycle).set({ decisionsClosedAt: new Date() }).where(eq(table.cycle.id, y.cycle.id)).run();
		const before = y.snapshot();
		expect(castBallot(v, [[b], [a]])).toEqual({ ok: false, refusal: 'closed' });
		expect(withdrawBallot(v)).toEqual({ ok: false, refusal: 'closed' });
		expect(y.snapshot()).toEqual(before);

		y.db.update(table.cycle).set({ decisionsClosedAt: null, phase: 'decided' }).where(eq(table.cycle.id, y.cycle.id)).run();
		expect(castBallot(v, [[b], [a]])).toEqual({ ok: false, refusal: 'not-open' });
	});
});

describe('withdrawBallot', () => {
	it('removes the member’s own ballot, logged; a second time there is nothing to remove', () => {
		const v = voter('jury1@demo.test');
		expect(withdrawBallot(v)).toEqual({ ok: true });
		expect(y.db.select().from(table.ballot).where(and(eq(table.ballot.voterId, v.userId), eq(table.ballot.classId, v.classId))).all()).toEqual([]);
		expect(y.db.select().from(table.auditLog).where(eq(table.auditLog.action, 'ballot.withdraw')).all()).toHaveLength(1);
		expect(withdrawBallot(v)).toEqual({ ok: false, refusal: 'no-ballot' });
	});
});

describe('the tally before one’s own ballot', () => {
	const classId = () => y.classes[0].id;
	const chair = () => voter('ordforande@demo.test');

	it('is withheld from a member who has not voted: no order, no counts, no names of who has not voted', () => {
		const summary = ballotSummary(y.cycle.id, classId(), reader('jury3@demo.test'));
		expect(summary.own).toBeNull();
		expect(summary.tally).toBeNull();
		expect(summary.voted).toBe(2);
		const text = JSON.stringify(summary);
		expect(text).not.toContain('pairwise');
		expect(text).not.toContain('Malin Ekström');
	});

	it('is shown to the member once they vote, and withheld again when they withdraw', () => {
		const v = voter('jury3@demo.test');
		castBallot(v, [y.finalists(v.classId).map(String)]);
		expect(ballotSummary(y.cycle.id, classId(), reader('jury3@demo.test')).tally).not.toBeNull();
		withdrawBallot(v);
		expect(ballotSummary(y.cycle.id, classId(), reader('jury3@demo.test')).tally).toBeNull();
	});

	it('is opened to every member by the chair, once, with the opening in the audit log', () => {
		expect(ballotSummary(y.cycle.id, classId(), reader('ordforande@demo.test')).tally).toBeNull();
		expect(openTally(chair())).toEqual({ ok: true });
		expect(openTally(chair())).toEqual({ ok: true });
		for (const email of ['jury3@demo.test', 'ordforande@demo.test']) {
			const summary = ballotSummary(y.cycle.id, classId(), reader(email));
			expect(summary.tally?.notVoted).toContain('Malin Ekström');
			expect(summary.opened?.by).toBe('Malin Ekström');
		}
		// Another class stays as it was.
		expect(ballotSummary(y.cycle.id, y.classes[1].id, reader('jury3@demo.test')).tally).toBeNull();
		const audit = y.db.select().from(table.auditLog).where(eq(table.auditLog.action, 'ballot.openTally')).all();
		expect(audit).toHaveLength(1);
		expect(audit[0].actorId).toBe(chair().userId);
	});

	it('cannot be opened by a juror, nor after closing, and a refusal writes nothing', () => {
		const before = y.snapshot();
		expect(openTally(voter('jury3@demo.test'))).toEqual({ ok: false, refusal: 'forbidden' });
		y.db.update(table.cycle).set({ decisionsClosedAt: new Date(), decisionsClosedBy: chair().userId }).where(eq(table.cycle.id, y.cycle.id)).run();
		const closed = y.snapshot();
		expect(openTally(chair())).toEqual({ ok: false, refusal: 'closed' });
		expect(y.snapshot()).toEqual(closed);
		expect(before.audit).toBe(closed.audit);
		// Once closed nothing can be voted any more, so the tally is everyone's.
		expect(ballotSummary(y.cycle.id, classId(), reader('jury3@demo.test')).tally).not.toBeNull();
	});
});

describe('ballotSummary', () => {
	it('orders the seeded ballots by Schulze and names who has not voted, not how anyone voted', () => {
		const classId = y.classes[0].id;
		const summary = ballotSummary(y.cycle.id, classId, reader('jury1@demo.test'));
		expect(summary.voted).toBe(2);
		expect(summary.members).toBe(5);
		expect(summary.tally!.notVoted.sort()).toEqual(['Carlos Mendes', 'Dragana Petrović', 'Malin Ekström'].sort());
		expect([...summary.candidates].sort()).toEqual(y.finalists(classId).map(String).sort());
		// jury1 ranks strictly, jury2 ties the two: one vote to none.
		const top = summary.tally!.result.order[0];
		expect(top).toHaveLength(1);
		const [winner] = top;
		const loser = summary.candidates.find((c) => c !== winner)!;
		expect(summary.tally!.result.pairwise[winner][loser]).toBe(1);
		expect(summary.tally!.result.pairwise[loser][winner]).toBe(0);
		expect(summary.own).not.toBeNull();
		expect(JSON.stringify(summary)).not.toContain('"voterId"');
	});

	it('does not count a conflicted member’s pairs that involve the conflicted entry', () => {
		const classId = y.classes[3].id;
		const ids = y.finalists(classId).map(String);
		const conflicted = y.db
			.select({ id: table.entry.id })
			.from(table.entry)
			.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
			.where(eq(table.unit.name, 'Enheten för hemlösa'))
			.get()!.id;
		const other = ids.find((id) => id !== String(conflicted))!;
		const before = ballotSummary(y.cycle.id, classId, reader('jury1@demo.test'));
		// A stored ballot naming the conflicted entry (e.g. from before the conflict was declared) still counts nothing for it.
		y.db.insert(table.ballot).values({ classId, voterId: y.userId('jury3@demo.test'), ranking: [[Number(other)], [conflicted]], updatedAt: new Date() }).run();
		const after = ballotSummary(y.cycle.id, classId, reader('jury1@demo.test'));
		expect(after.voted).toBe(before.voted + 1);
		expect(after.tally!.result.pairwise[other][String(conflicted)]).toBe(before.tally!.result.pairwise[other][String(conflicted)]);
	});

	describe('for a member barred from the 2nd and 3rd of four finalists', () => {
		let ids: string[];
		let barred: string[];

		beforeEach(() => {
			const classId = y.classes[3].id;
			// Every admitted entry of the class a finalist, in the order of the ballots below.
			const entries = y.db.select({ id: table.entry.id }).from(table.entry).where(eq(table.entry.classId, classId)).all().map((e) => e.id);
			y.db.update(table.consensus).set({ status: 'done', recommendFinalist: true }).where(inArray(table.consensus.entryId, entries)).run();
			ids = y.finalists(classId).map(String);
			expect(ids).toHaveLength(4);
			barred = [ids[1], ids[2]];
			const juror = y.userId('jury4@demo.test');
			for (const id of barred) y.db.insert(table.conflict).values({ userId: juror, entryId: Number(id), reason: 'relative', declaredBy: juror }).run();
			y.db.delete(table.ballot).where(eq(table.ballot.classId, classId)).run();
			const cast = (email: string, ranking: string[][]) =>
				y.db.insert(table.ballot).values({ classId, voterId: y.userId(email), ranking: ranking.map((t) => t.map(Number)), updatedAt: new Date() }).run();
			const [a, b, c, d] = ids;
			cast('jury1@demo.test', [[a], [b], [c], [d]]);
			cast('jury2@demo.test', [[b], [d], [a], [c]]);
			cast('jury4@demo.test', [[d], [a]]);
			// A member who ranked only entries the viewer is barred from.
			cast('ordforande@demo.test', [[c], [b]]);
		});

		const tally = (email: string) => {
			const { candidates, tally: shown, voted, members } = ballotSummary(y.cycle.id, y.classes[3].id, reader(email));
			return { candidates, result: shown!.result, voted, notVoted: shown!.notVoted, members };
		};

		it('shows them the tally of the class without those finalists: candidates, counts, order and who voted', () => {
			const seen = tally('jury4@demo.test');
			expect(seen.candidates).toEqual(ids.filter((id) => !barred.includes(id)));
			expect(JSON.stringify(seen)).not.toMatch(new RegExp(`"(${barred.join('|')})"`));
			expect(seen.notVoted).toContain('Malin Ekström');
			// The same tally as once those two are no finalists at all.
			y.db.update(table.consensus).set({ recommendFinalist: false }).where(inArray(table.consensus.entryId, barred.map(Number))).run();
			expect(seen).toEqual(tally('jury1@demo.test'));
		});

		it('leaves the whole tally to a member without conflicts', () => {
			const whole = tally('jury1@demo.test');
			expect(whole.candidates).toEqual(ids);
			expect(whole.voted).toBe(4);
			// a over b: jury1 only, since jury4's pairs with b do not count; b over a: jury2 and the chair.
			const [a, b] = ids;
			expect(whole.result.pairwise[a][b]).toBe(1);
			expect(whole.result.pairwise[b][a]).toBe(2);
		});
	});
});
