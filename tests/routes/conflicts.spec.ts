import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as table from '../../src/lib/server/db/schema';
import { createTestDatabase } from '../../src/lib/server/test-support/db';
import { outcome, scoringEvent } from '../../src/lib/server/test-support/scoring';
import { seedDemo } from '../../src/lib/server/demo/seed';
import { getCycleByYear } from '../../src/lib/server/cycles/lookup';
import { conflictList } from '../../src/lib/server/conflicts/declarations';
import * as examinerPage from '../../src/routes/(app)/examiner/conflicts/+page.server';
import * as adminPage from '../../src/routes/(app)/admin/examiners/[id]/+page.server';

let examiner: number;
let admin: number;
let entries: number[];

beforeEach(() => {
	const db = createTestDatabase();
	seedDemo(db, { phase: 'registration', passwordHash: 'x' });
	const userId = (email: string) => db.select().from(table.user).where(eq(table.user.email, email)).get()!.id;
	examiner = userId('examinator1@demo.test');
	admin = userId('admin@demo.test');
	entries = conflictList(getCycleByYear(2026)!.id, examiner)
		.filter((e) => !e.sameOrganisation)
		.map((e) => e.entryId);
});

const form = (fields: Record<string, string>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) f.set(k, v);
	return f;
};
const mine = (action: 'declare' | 'withdraw', fields: Record<string, string>) =>
	outcome(() => examinerPage.actions[action](scoringEvent(examiner, `/examiner/conflicts?/${action}`, { form: form(fields) }) as never));
const theirs = (action: 'declare' | 'withdraw', fields: Record<string, string>) =>
	outcome(() =>
		adminPage.actions[action](scoringEvent(admin, `/admin/examiners/${examiner}?/${action}`, { form: form(fields), params: { id: String(examiner) } }) as never)
	);
const conflictId = (entryId: number) => conflictList(getCycleByYear(2026)!.id, examiner).find((e) => e.entryId === entryId)!.declared!.id;

describe('declaring a conflict of interest', () => {
	it('answers the examiner and the admin alike', async () => {
		const [first, second] = entries;
		expect(await mine('declare', { entryId: String(first), reason: 'relative', note: '' })).toEqual({ form: 'declare', entryId: first });
		expect(await theirs('declare', { entryId: String(second), reason: 'relative', note: '' })).toEqual({ form: 'declare', entryId: second });

		const again = { entryId: String(first), reason: 'relative', note: '' };
		for (const refused of [await mine('declare', again), await theirs('declare', again)]) {
			expect(refused).toMatchObject({ status: 409, data: { form: 'declare', errors: { _form: expect.any(String) }, values: again } });
		}
		const bad = { entryId: String(first), reason: 'cousin', note: '' };
		expect(await mine('declare', bad)).toMatchObject({ status: 400, data: { form: 'declare', errors: { reason: expect.any(String) }, values: bad } });

		expect(await mine('withdraw', { conflictId: String(conflictId(first)), entryId: String(first) })).toEqual({ form: 'withdraw', entryId: first });
		expect(await theirs('withdraw', { conflictId: String(conflictId(second)), entryId: String(second) })).toEqual({ form: 'withdraw', entryId: second });
	});
});
