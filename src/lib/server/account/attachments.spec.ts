import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as table from '../db/schema';
import { accountYear } from '../test-support/account';
import { useTempFilesDir } from '../test-support/files-dir';
import { readAccount, saveAccount } from './store';
import { addAttachment, removeAttachment } from './attachments';

let y: ReturnType<typeof accountYear>;
useTempFilesDir('account-attachments-');
beforeEach(() => {
	y = accountYear();
});

const pdf = () => new Blob([new TextEncoder().encode('%PDF-1.4\nbilaga\n%%EOF\n')]).stream();

describe('an attachment added or removed', () => {
	it('is a new version of the account: a colleague saving on the version before meets a conflict', async () => {
		expect(saveAccount(y.access(), y.contact, 0, y.filled('Först'), y.shape)).toMatchObject({ ok: true, version: 1 });
		const added = await addAttachment(y.entryId, y.contact, y.cycle.id, 'plan.pdf', pdf());
		expect(added).toMatchObject({ ok: true, version: 2 });
		expect(readAccount(y.access(), y.shape)?.version).toBe(2);
		// The colleague's page still holds version 1: their save changes nothing and shows what is saved.
		const stale = saveAccount(y.access(y.colleague), y.colleague, 1, y.filled('Kollegans'), y.shape);
		expect(stale).toMatchObject({ ok: false, reason: 'conflict', current: { version: 2 } });
		expect(readAccount(y.access(), y.shape)?.doc).toEqual(y.filled('Först'));
		// The uploader's page continues on the version the upload returned.
		expect(saveAccount(y.access(), y.contact, 2, y.filled('Sedan'), y.shape)).toMatchObject({ ok: true, version: 3 });

		const removed = removeAttachment(y.entryId, y.contact, y.cycle.id, added.ok ? added.attachment.id : 0);
		expect(removed).toEqual({ ok: true, version: 4 });
		expect(saveAccount(y.access(y.colleague), y.colleague, 3, y.filled('Kollegans'), y.shape)).toMatchObject({ ok: false, reason: 'conflict', current: { version: 4 } });
		expect(y.db.select().from(table.auditLog).where(eq(table.auditLog.action, 'account.detach')).all()[0]).toMatchObject({ after: { version: 4 } });
	});

	it('on an account not begun, begins it at version 1, so the page continues on top of it', async () => {
		expect(await addAttachment(y.entryId, y.contact, y.cycle.id, 'plan.pdf', pdf())).toMatchObject({ ok: true, version: 1 });
		expect(saveAccount(y.access(), y.contact, 1, y.filled('Först'), y.shape)).toMatchObject({ ok: true, version: 2 });
		expect(saveAccount(y.access(y.colleague), y.colleague, 0, y.filled('Kollegans'), y.shape)).toMatchObject({ ok: false, reason: 'conflict' });
	});

	it('changes nothing when it is not the account’s', async () => {
		await saveAccount(y.access(), y.contact, 0, y.filled(), y.shape);
		expect(removeAttachment(y.entryId, y.contact, y.cycle.id, 9999)).toEqual({ ok: false });
		expect(readAccount(y.access(), y.shape)?.version).toBe(1);
	});
});
