import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { PDFParse } from 'pdf-parse';
import * as table from '../db/schema';
import { classFinalists, compareFinalists, requireChair, requireJury } from './jury';
import { conflictedEntryIds } from '../access/entry-facts';
import { NONE_BARRED } from '$lib/domain/entry-state';
import { minutesOf, minutesPdf, meetingSlides } from './minutes';
import { closeDecisions, recordClassDecision, decisionsVersion, classDecisions } from './decisions';
import { fakeEvent, juryYear } from '../test-support/jury';

let y: ReturnType<typeof juryYear>;
beforeEach(() => {
	y = juryYear('jury');
});

const access = (email: string) => ({ cycle: y.cycle, barred: conflictedEntryIds(y.userId(email), y.cycle.id) });
const status = (fn: () => unknown) => {
	try {
		fn();
	} catch (e) {
		return (e as { status?: number }).status;
	}
	return 200;
};

describe('the jury’s guards', () => {
	it('let jurors and the chair in from the jury phase; refuse everyone else', () => {
		expect(status(() => requireJury(fakeEvent(y.userId('jury1@demo.test'))))).toBe(200);
		expect(status(() => requireJury(fakeEvent(y.userId('ordforande@demo.test'))))).toBe(200);
		for (const email of ['examinator1@demo.test', 'enhet1@demo.test', 'admin@demo.test']) {
			expect(status(() => requireJury(fakeEvent(y.userId(email))))).toBe(403);
		}
		expect(status(() => requireChair(fakeEvent(y.userId('jury1@demo.test'))))).toBe(403);
		expect(status(() => requireChair(fakeEvent(y.userId('ordforande@demo.test'))))).toBe(200);
	});

	it('hide the jury’s pages before the jury phase', () => {
		y.db.update(table.cycle).set({ phase: 'consensus' }).where(eq(table.cycle.id, y.cycle.id)).run();
		expect(status(() => requireJury(fakeEvent(y.userId('jury1@demo.test'))))).toBe(404);
	});
});

describe('classFinalists', () => {
	it('gives each finalist’s consensus summary, site visit and total from the consensus scores, best first', () => {
		const views = classFinalists(access('jury1@demo.test'), y.classes[0].id);
		expect(views.map((v) => v.entryId).sort()).toEqual(y.finalists(y.classes[0].id).sort());
		for (const v of views) {
			expect(v.summary).toContain(v.unitName);
			expect(v.siteVisit?.findings).toBeTruthy();
			expect(v.scores).toHaveLength(7);
			const weights = y.db.select().from(table.criterion).where(eq(table.criterion.cycleId, y.cycle.id)).all();
			const expected = v.scores.reduce((sum, s) => sum + s.score! * weights.find((w) => w.id === s.criterionId)!.weight, 0) / 100;
			expect(v.total).toBeCloseTo(expected, 9);
		}
		const totals = views.map((v) => v.total!);
		expect(totals).toEqual([...totals].sort((a, b) => b - a));
	});

	it('leaves a finalist the member is conflicted on out of their list altogether', () => {
		const views = classFinalists(access('jury3@demo.test'), y.classes[3].id);
		expect(views.map((v) => v.unitName)).toEqual(['Resursenheten']);
		expect(classFinalists(access('jury1@demo.test'), y.classes[3].id).map((v) => v.unitName).sort()).toEqual(['Enheten för hemlösa', 'Resursenheten']);
	});
});

describe('compareFinalists', () => {
	it('compares two to four distinct finalists of the class in the order asked', () => {
		const [a, b] = y.finalists(y.classes[0].id).map(String);
		const result = compareFinalists(access('jury1@demo.test'), y.classes[0].id, [b, a]);
		expect(result.ok && result.entries.map((e) => String(e.entryId))).toEqual([b, a]);
	});

	it('refuses one entry, a repeated entry, an entry of another class and an entry the member is conflicted on', () => {
		const [a, b] = y.finalists(y.classes[0].id).map(String);
		const other = String(y.finalists(y.classes[1].id)[0]);
		const j1 = access('jury1@demo.test');
		expect(compareFinalists(j1, y.classes[0].id, [a])).toEqual({ ok: false, reason: 'count' });
		expect(compareFinalists(j1, y.classes[0].id, [a, a])).toEqual({ ok: false, reason: 'count' });
		expect(compareFinalists(j1, y.classes[0].id, [a, b, other])).toEqual({ ok: false, reason: 'not-finalist' });
		expect(compareFinalists(j1, y.classes[0].id, ['1', '2', '3', '4', '5'])).toEqual({ ok: false, reason: 'count' });
		const ids = y.finalists(y.classes[3].id).map(String);
		// To the conflicted member it is not a finalist of the class at all.
		expect(compareFinalists(access('jury3@demo.test'), y.classes[3].id, ids)).toEqual({ ok: false, reason: 'not-finalist' });
	});
});

describe('the minutes and the meeting screen', () => {
	it('hold date, those present, the decisions with citations and the chair; the PDF text has them too', async () => {
		const chair = { userId: y.userId('ordforande@demo.test'), cycleId: y.cycle.id };
		for (const c of y.classes) {
			const [a] = y.finalists(c.id);
			const input = c === y.classes[0]
				? { items: [{ entryId: String(a), outcome: 'award' as const, citation: 'Förskolan visar vägen för hela staden – ÅÄÖ åäö.' }], noAward: false, reason: '' }
				: { items: [], noAward: true, reason: `Ingen utmärkelse i ${c.nameSv}.` };
			expect(recordClassDecision(chair, c.id, decisionsVersion(classDecisions(y.db, c.id, NONE_BARRED)), input)).toEqual({ ok: true });
		}
		expect(meetingSlides(y.cycle.id, NONE_BARRED).every((s) => s.decisions.length === 0)).toBe(true);
		expect(closeDecisions(chair, true)).toEqual({ ok: true });

		const minutes = minutesOf(y.cycle.id, NONE_BARRED)!;
		expect(minutes.meeting).toEqual({ date: '2026-10-28', place: 'Stadshuset, Rådssalen' });
		expect(minutes.present.map((p) => p.name)).toContain('Malin Ekström');
		expect(minutes.chair).toBe('Malin Ekström');
		expect(minutes.conflicts).toEqual([{ name: 'Carlos Mendes', finalists: ['Enheten för hemlösa'] }]);
		expect(minutes.closedBy).toBe('Malin Ekström');
		expect(minutes.classes[0].decisions[0]).toMatchObject({ outcome: 'award', citation: 'Förskolan visar vägen för hela staden – ÅÄÖ åäö.' });
		expect(meetingSlides(y.cycle.id, NONE_BARRED)[0].decisions[0].citation).toContain('Förskolan visar vägen');

		const pdf = await minutesPdf(minutes, 'sv');
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		const parser = new PDFParse({ data: new Uint8Array(pdf) });
		const text = (await parser.getText()).text.replace(/\s+/g, ' ');
		await parser.destroy();
		expect(text).toContain('Förskolan visar vägen för hela staden – ÅÄÖ åäö.');
		expect(text).toContain(`Ingen utmärkelse i ${y.classes[4].nameSv}.`);
		expect(text).toContain('Malin Ekström');
		expect(text).toContain('Protokoll från juryns sammanträde');
		expect(text).toContain('Carlos Mendes har jäv mot Enheten för hemlösa och deltog inte i behandlingen.');
		// The closing lines of a Swedish protocol, in order, with the chair's name clarified.
		const closing = text.slice(text.indexOf('Underskrifter'));
		expect(closing).toMatch(/Vid protokollet.*Namnförtydligande \(sekreterare\).*Justeras.*Namnförtydligande \(ordförande\): Malin Ekström.*Namnförtydligande \(justerare\)/);
		expect(closing.match(/Datum:/g)).toHaveLength(3);
	});
});
