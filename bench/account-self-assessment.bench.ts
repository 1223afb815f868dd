/**
 * The account's autosave and read with the unit's self-assessment: what saving and reading a
 * 7-criterion account costs when every criterion carries a band and a reason, against the same
 * account without any (the baseline), measured in the same run, interleaved, in-process against a
 * SQLite file with the real migrations.
 *
 * 1. Seeds the demo year in registration and takes the first unit's entry, its account emptied.
 * 2. Saves the account BENCH_SAVES (2,000) times each way, alternately, each save changing one
 *    answer (and, with self-assessments, one band), as a contact typing does; then reads it as the
 *    contact (self-assessments read) and as a reader who may not see them, alternately.
 *
 * Target: a save with self-assessments at most 1.5 times the baseline's median. Prints medians and
 * ratios; exits non-zero when the target is missed. Run with `npm run bench -- self-assessment`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../src/lib/server/db/open';
import { useDatabase } from '../src/lib/server/db/index';
import * as table from '../src/lib/server/db/schema';
import { seedDemo } from '../src/lib/server/demo/seed';
import { readEntry } from '../src/lib/server/access/entry-facts';
import { accountShape, readAccount, saveAccount } from '../src/lib/server/account/store';
import type { AccountDoc } from '../src/lib/domain/account';
import { median } from './server';

const SAVES = Number(process.env.BENCH_SAVES ?? 2000);
const TARGET_RATIO = 1.5;

const dir = mkdtempSync(join(tmpdir(), 'self-assessment-bench-'));
const db = openDatabase(join(dir, 'bench.db'));
useDatabase(db);
seedDemo(db, { phase: 'registration', passwordHash: 'x' });
const cycle = db.select().from(table.cycle).where(eq(table.cycle.year, 2026)).get()!;
const contact = db.select().from(table.user).where(eq(table.user.email, 'enhet1@demo.test')).get()!.id;
const admin = db.select().from(table.user).where(eq(table.user.email, 'admin@demo.test')).get()!.id;
const unitId = db.select().from(table.unitContact).where(eq(table.unitContact.userId, contact)).get()!.unitId;
const entries = db.select().from(table.entry).where(eq(table.entry.cycleId, cycle.id)).all();
const [plainEntry, selfEntry] = [entries.find((e) => e.unitId === unitId)!.id, entries.find((e) => e.unitId !== unitId)!.id];
for (const id of [plainEntry, selfEntry]) db.delete(table.account).where(eq(table.account.entryId, id)).run();
const shape = accountShape(cycle.id);
// The contact's reader sees self-assessments; for the second entry the same facts, as its own unit's.
const readerOf = (userId: number, entryId: number) => {
	const read = readEntry(userId, entryId)!;
	return userId === contact ? { ...read, viewer: { ...read.viewer, unitIds: [read.entry.unitId] } } : read;
};
const doc = (i: number, withSelf: boolean): AccountDoc => ({
	introduction: 'Om enheten: '.repeat(40),
	criteria: shape.map((c, k) => ({
		criterionId: c.criterionId,
		answers: Array.from({ length: c.questions }, (_, q) => `Svar ${k}.${q} ${'ord '.repeat(200)}${k === i % shape.length && q === 0 ? i : ''}`),
		...(withSelf ? { self: { band: k === i % shape.length ? i % 6 : 3, reason: `Därför ${k}: ${'skäl '.repeat(30)}` } } : {})
	}))
});

const times = { plain: [] as number[], self: [] as number[] };
const versions = { plain: 0, self: 0 };
for (let i = 0; i < SAVES; i++) {
	for (const kind of i % 2 === 0 ? (['plain', 'self'] as const) : (['self', 'plain'] as const)) {
		const entryId = kind === 'plain' ? plainEntry : selfEntry;
		const start = performance.now();
		const out = saveAccount(readerOf(contact, entryId), contact, versions[kind], doc(i, kind === 'self'), shape);
		times[kind].push(performance.now() - start);
		if (!out.ok) throw new Error(`save ${i} refused: ${out.reason}`);
		versions[kind] = out.version;
	}
}
const reads = { sees: [] as number[], notYet: [] as number[] };
for (let i = 0; i < SAVES; i++) {
	for (const [kind, reader] of [['sees', readerOf(contact, selfEntry)], ['notYet', readerOf(admin, selfEntry)]] as const) {
		const start = performance.now();
		const saved = readAccount(reader, shape)!;
		reads[kind].push(performance.now() - start);
		if ((kind === 'notYet') !== saved.doc.criteria.every((c) => !c.self)) throw new Error('the read did not follow the visibility rule');
	}
}
db.$client.close();
rmSync(dir, { recursive: true, force: true });

const ms = (v: number) => `${v.toFixed(3)} ms`;
const ratio = median(times.self) / median(times.plain);
console.log(`save, no self-assessment (baseline): median ${ms(median(times.plain))}`);
console.log(`save, 7 self-assessments:            median ${ms(median(times.self))}  ratio ${ratio.toFixed(2)}`);
console.log(`read, self-assessments left out:     median ${ms(median(reads.notYet))}`);
console.log(`read, self-assessments read:         median ${ms(median(reads.sees))}  ratio ${(median(reads.sees) / median(reads.notYet)).toFixed(2)}`);
if (ratio > TARGET_RATIO) {
	console.error(`A save with self-assessments took ${ratio.toFixed(2)} times the baseline; the target is at most ${TARGET_RATIO}.`);
	process.exit(1);
}
