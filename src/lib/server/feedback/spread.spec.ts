import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as table from '../db/schema';
import { feedbackYear } from '../test-support/feedback';
import { cycleSpread, spreadTable } from './spread';
import { writeCsv } from '../imports/write-table';
import { messages } from '$lib/i18n';

describe('the spread of the units’ own views over the demo year', () => {
	it('counts only entries with a done consensus, and of those the ones with a self-assessment', () => {
		const year = feedbackYear();
		const done = year.db
			.select()
			.from(table.consensus)
			.innerJoin(table.entry, eq(table.entry.id, table.consensus.entryId))
			.where(and(eq(table.entry.cycleId, year.cycle.id), eq(table.consensus.status, 'done')))
			.all();
		const data = cycleSpread(year.cycle.id);
		expect(data.done).toBe(done.length);
		expect(data.entries.length).toBeGreaterThan(data.done / 2);
		expect(data.entries.length).toBeLessThan(data.done);
		expect(data.criteria).toHaveLength(7);
		// Every assessed entry placed itself on every criterion, so every criterion counts each of them.
		expect(data.spread.every((s) => s.n === data.entries.length && s.counts.higher + s.counts.same + s.counts.lower === s.n)).toBe(true);

		const hemlosa = year.entryOf('Enheten för hemlösa');
		const row = data.entries.find((e) => e.entryId === hemlosa.id)!;
		expect(row.views.every((v) => v.self!.band >= v.team!)).toBe(true);

		// A consensus opened again leaves the spread until it is done once more.
		year.db.update(table.consensus).set({ status: 'draft' }).where(eq(table.consensus.entryId, hemlosa.id)).run();
		const after = cycleSpread(year.cycle.id);
		expect(after.done).toBe(done.length - 1);
		expect(after.entries.some((e) => e.entryId === hemlosa.id)).toBe(false);
	});

	it('exports one row per entry and criterion, with both levels, the signed gap and the reason', () => {
		const year = feedbackYear();
		const data = cycleSpread(year.cycle.id);
		const out = spreadTable(data, messages('sv'), 'sv');
		expect(out.rows).toHaveLength(data.entries.length * 7);
		const first = data.entries[0];
		const v = first.views[0];
		expect(out.rows[0]).toEqual([first.unitName, first.organisation, first.className, data.criteria[0].titleSv, v.self!.band + 1, v.team! + 1, v.self!.band - v.team!, v.self!.reason]);
		const csv = writeCsv(out);
		expect(csv.split('\r\n')[0]).toBe('\ufeffEnhet;Förvaltning eller bolag;Tävlingsklass;Område;Egen nivå (1–6);Konsensusnivå (1–6);Skillnad (nivåer);Enhetens motivering');
	});
});
