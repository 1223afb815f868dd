import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as table from '../db/schema';
import { accountYear } from '../test-support/account';
import { readAccount, saveAccount } from './store';
import { submitAccount } from './submit';
import { accountRevision, listAccountRevisions, restoreAccount } from './revisions';

let y: ReturnType<typeof accountYear>;
beforeEach(() => {
	y = accountYear();
	saveAccount(y.access(), y.contact, 0, y.filled('Första'), y.shape);
	saveAccount(y.access(y.colleague), y.colleague, 1, y.filled('Andra'), y.shape);
});

const audit = () => y.db.select().from(table.auditLog).where(eq(table.auditLog.action, 'account.restore')).all();
const first = () => accountRevision(y.entryId, listAccountRevisions(y.entryId).at(-1)!.id, y.shape)!;

describe('the account’s earlier versions', () => {
	it('are listed newest first with the time and who saved each', () => {
		const list = listAccountRevisions(y.entryId);
		expect(list.map((r) => [r.version, r.savedBy])).toEqual([
			[2, 'Karin Kollega'],
			[1, y.db.select().from(table.user).where(eq(table.user.id, y.contact)).get()!.name]
		]);
		expect(list.every((r) => r.savedAt > 0)).toBe(true);
		expect(first()).toEqual({ version: 1, doc: y.filled('Första') });
	});

	it('reach back past a long run of saves: the latest ten, then older ones thinned by their age', () => {
		// A morning's typing two days ago, and an hour's typing now, one save a second.
		const account = y.db.select().from(table.account).where(eq(table.account.entryId, y.entryId)).get()!;
		const now = Date.now();
		const rows = [
			...Array.from({ length: 600 }, (_, i) => now - 2 * 86_400_000 - i * 1000),
			...Array.from({ length: 3600 }, (_, i) => now - i * 1000)
		]
			.sort((a, b) => a - b)
			.map((at, i) => ({ accountId: account.id, version: 10 + i, snapshot: y.filled(`Version ${10 + i}`), savedBy: y.contact, createdAt: new Date(at) }));
		for (let i = 0; i < rows.length; i += 500) y.db.insert(table.accountRevision).values(rows.slice(i, i + 500)).run();
		const list = listAccountRevisions(y.entryId, now);
		// The ten, one per five minutes of the hour (twelve spans, the newest among the ten), the morning.
		expect(list.length).toBeGreaterThanOrEqual(10 + 11 + 1);
		expect(list.length).toBeLessThanOrEqual(30);
		expect(list.slice(0, 10).map((r) => r.version)).toEqual(Array.from({ length: 10 }, (_, i) => 10 + rows.length - 1 - i));
		// Two days back is still in reach, as the newest save of that morning.
		expect(list.some((r) => r.savedAt === now - 2 * 86_400_000)).toBe(true);
	});

	it('restores one as a new version on top of the current, audited; a colleague on the version before meets the conflict', () => {
		expect(restoreAccount(y.access(), first(), 2, y.shape)).toEqual({ ok: true, version: 3 });
		expect(readAccount(y.access(), y.shape)).toMatchObject({ version: 3, doc: y.filled('Första') });
		expect(listAccountRevisions(y.entryId).map((r) => r.version)).toEqual([3, 2, 1]);
		expect(audit()).toMatchObject([{ actorId: y.contact, before: { version: 2 }, after: { version: 3, restored: 1 } }]);
		const stale = saveAccount(y.access(y.colleague), y.colleague, 2, y.filled('Kollegans nya'), y.shape);
		expect(stale).toMatchObject({ ok: false, reason: 'conflict', current: { version: 3 } });
	});

	it('refuses a restore on an old version and answers with what is saved, writing nothing', () => {
		const out = restoreAccount(y.access(), first(), 1, y.shape);
		expect(out).toMatchObject({ ok: false, reason: 'conflict', current: { version: 2, doc: y.filled('Andra') } });
		expect(readAccount(y.access(), y.shape)?.version).toBe(2);
		expect(audit()).toEqual([]);
	});

	it('refuses a restore once the account is submitted or its last day has passed, writing nothing', () => {
		const revision = first();
		expect(restoreAccount(y.access(), revision, 2, y.shape, new Date('2099-05-21T08:00:00Z'))).toEqual({ ok: false, reason: 'deadline' });
		expect(submitAccount(y.access(), 2, y.filled('Inlämnad'), y.shape).ok).toBe(true);
		expect(restoreAccount(y.access(), revision, 3, y.shape)).toMatchObject({ ok: false, reason: 'submitted' });
		expect(readAccount(y.access(), y.shape)).toMatchObject({ version: 3, status: 'submitted', doc: y.filled('Inlämnad') });
		expect(audit()).toEqual([]);
	});

	it('finds no version of another entry’s account', () => {
		const id = listAccountRevisions(y.entryId)[0].id;
		const other = y.db.select().from(table.entry).all().find((e) => e.id !== y.entryId)!.id;
		expect(accountRevision(other, id, y.shape)).toBeNull();
		expect(accountRevision(y.entryId, 99_999, y.shape)).toBeNull();
	});
});
