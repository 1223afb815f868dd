import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../src/lib/server/test-support/db';
import * as table from '../../src/lib/server/db/schema';
import type { DB } from '../../src/lib/server/db';
import { seedDemo, type DemoPhase } from '../../src/lib/server/demo/seed';
import { GET } from '../../src/routes/(app)/entries/[entryId]/account/+server';

let db: DB;

function seed(phase: DemoPhase) {
	db = createTestDatabase();
	seedDemo(db, { phase, passwordHash: 'x' });
}
const userId = (email: string) => db.select().from(table.user).where(eq(table.user.email, email)).get()!.id;

/** Calls the real route handler as the given person (null: signed out). */
async function fetchAccount(email: string | null, entryId: number | string, query = ''): Promise<number> {
	const user = email === null ? null : { id: userId(email), email, name: '', isAdmin: false };
	const url = new URL(`http://localhost/entries/${entryId}/account${query}`);
	const event = { locals: { user, session: null }, url, params: { entryId: String(entryId) }, request: new Request(url) };
	try {
		const response = await GET(event as never);
		if (response.status === 200) expect(response.headers.get('content-type')).toBe('application/pdf');
		await response.body?.cancel();
		return response.status;
	} catch (e) {
		return (e as { status: number }).status;
	}
}

/** examinator1's team's first entry, and an entry of another team. */
function teamEntries() {
	const member = userId('examinator1@demo.test');
	const teamId = db.select().from(table.teamMember).where(eq(table.teamMember.userId, member)).get()!.teamId;
	const own = db.select().from(table.teamEntry).where(eq(table.teamEntry.teamId, teamId)).get()!.entryId;
	const other = db.select().from(table.teamEntry).all().find((r) => r.teamId !== teamId)!.entryId;
	return { member, teamId, own, other };
}

describe('who may read a written account', () => {
	it('the admin reads every entry’s; someone signed out is sent to sign in', async () => {
		seed('assessment');
		for (const e of db.select().from(table.entry).all()) expect(await fetchAccount('admin@demo.test', e.id)).toBe(200);
		expect(await fetchAccount('admin@demo.test', 999999)).toBe(404);
		expect(await fetchAccount('admin@demo.test', 'abc')).toBe(404);
		expect(await fetchAccount(null, teamEntries().own)).toBe(303);
	});

	it('a team member reads their team’s entries, inline or as a download; another examiner gets 404', async () => {
		seed('assessment');
		const { own, other, teamId } = teamEntries();
		expect(await fetchAccount('examinator1@demo.test', own)).toBe(200);
		expect(await fetchAccount('examinator1@demo.test', own, '?download=1')).toBe(200);
		expect(await fetchAccount('examinator1@demo.test', other)).toBe(404);
		const outsider = db.select().from(table.teamMember).all().find((t) => t.teamId !== teamId)!.userId;
		const email = db.select().from(table.user).where(eq(table.user.id, outsider)).get()!.email;
		expect(await fetchAccount(email, own)).toBe(404);
	});

	it('a team member with a declared conflict of interest gets 404', async () => {
		seed('assessment');
		const { member, own } = teamEntries();
		db.insert(table.conflict).values({ userId: member, entryId: own, reason: 'former-workplace', declaredBy: member }).run();
		expect(await fetchAccount('examinator1@demo.test', own)).toBe(404);
	});

	it('a juror reads the finalists’ accounts only, and none of a conflicted finalist', async () => {
		seed('jury');
		const consensus = db.select({ entryId: table.consensus.entryId, finalist: table.consensus.recommendFinalist }).from(table.consensus).all();
		const finalist = consensus.find((c) => c.finalist === true)!.entryId;
		const notFinalist = consensus.find((c) => c.finalist === false)!.entryId;
		expect(await fetchAccount('jury1@demo.test', finalist)).toBe(200);
		expect(await fetchAccount('ordforande@demo.test', finalist)).toBe(200);
		expect(await fetchAccount('jury1@demo.test', notFinalist)).toBe(404);
		const juror = userId('jury2@demo.test');
		db.insert(table.conflict).values({ userId: juror, entryId: finalist, reason: 'relative', declaredBy: juror }).run();
		expect(await fetchAccount('jury2@demo.test', finalist)).toBe(404);
	});

	it('a juror reads no finalist’s account in the consensus phase: the jury’s reading opens with its phase', async () => {
		seed('consensus');
		const finalist = db.select().from(table.consensus).all().find((c) => c.status === 'done' && c.recommendFinalist === true)!.entryId;
		expect(await fetchAccount('jury1@demo.test', finalist)).toBe(404);
		expect(await fetchAccount('ordforande@demo.test', finalist)).toBe(404);
		db.update(table.cycle).set({ phase: 'jury' }).run();
		expect(await fetchAccount('jury1@demo.test', finalist)).toBe(200);
	});

	it('a juror reads nothing before there are finalists', async () => {
		seed('assessment');
		expect(await fetchAccount('jury1@demo.test', teamEntries().own)).toBe(404);
	});

	it('a unit contact reads their own unit’s account only', async () => {
		seed('assessment');
		const contact = userId('enhet1@demo.test');
		const unitId = db.select().from(table.unitContact).where(eq(table.unitContact.userId, contact)).get()!.unitId;
		const own = db.select().from(table.entry).where(eq(table.entry.unitId, unitId)).get()!.id;
		const other = db.select().from(table.entry).all().find((e) => e.unitId !== unitId)!.id;
		expect(await fetchAccount('enhet1@demo.test', own)).toBe(200);
		expect(await fetchAccount('enhet1@demo.test', other)).toBe(404);
	});
});
