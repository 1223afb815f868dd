import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { documentPath } from '../registry/documents';
import { submittedAccountPdf } from './pdf';
import { eq } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import * as table from '../db/schema';
import { accountYear } from '../test-support/account';
import { useTempFilesDir } from '../test-support/files-dir';
import { readAccount, saveAccount } from './store';
import { immediately } from '../db/immediate';
import { extendAccountDeadline, reopenAccount, submitAccount } from './submit';
import { entryAccountState } from './state';
import { eligibilityRows } from '../eligibility/rows';
import { canonicalAccount } from '$lib/domain/account';

let y: ReturnType<typeof accountYear>;
useTempFilesDir('account-files-');
beforeEach(() => {
	y = accountYear();
});

const audit = (action: string) => y.db.select().from(table.auditLog).where(eq(table.auditLog.action, action)).all();
const mail = () => y.db.select().from(table.outbox).all();

describe('saving the account', () => {
	it('keeps every version as a revision and reads back what was saved', () => {
		const first = saveAccount(y.access(), y.contact, 0, y.filled('Ett'), y.shape);
		expect(first).toMatchObject({ ok: true, version: 1 });
		const second = saveAccount(y.access(), y.colleague, 1, y.filled('Två'), y.shape);
		expect(second).toMatchObject({ ok: true, version: 2 });
		expect(readAccount(y.access(), y.shape)?.doc).toEqual(y.filled('Två'));
		expect(y.db.select().from(table.accountRevision).all().map((r) => r.version)).toEqual([1, 2]);
		expect(entryAccountState(y.entryId)).toEqual({ state: 'draft', submittedAt: null });
	});

	it('refuses a save on an old version and answers with what is saved, never overwriting it', () => {
		saveAccount(y.access(), y.contact, 0, y.filled('Min'), y.shape);
		saveAccount(y.access(), y.colleague, 1, y.filled('Kollegans'), y.shape);
		const stale = saveAccount(y.access(), y.contact, 1, y.filled('Min nya'), y.shape);
		expect(stale).toMatchObject({ ok: false, reason: 'conflict' });
		expect(!stale.ok && stale.current?.doc).toEqual(y.filled('Kollegans'));
		expect(readAccount(y.access(), y.shape)?.version).toBe(2);
		// Two first saves at once: the second one meets the first, too.
		expect(saveAccount(y.access(), y.colleague, 0, y.filled('Ny'), y.shape)).toMatchObject({ ok: false, reason: 'conflict' });
	});

	it('writes every answer again when the version moved without a save of this process, and then only what changed', () => {
		const doc = y.filled('Ett');
		doc.criteria[1].self = { band: 3, reason: 'Vi mäter.' };
		saveAccount(y.access(), y.contact, 0, doc, y.shape);
		// Another writer (another process, a restore) moves the version and changes rows.
		const id = readAccount(y.access(), y.shape)!.id;
		y.db.update(table.account).set({ version: 2 }).where(eq(table.account.id, id)).run();
		y.db.update(table.accountAnswer).set({ text: 'Ändrat utifrån' }).where(eq(table.accountAnswer.accountId, id)).run();
		y.db.delete(table.accountSelfAssessment).where(eq(table.accountSelfAssessment.accountId, id)).run();
		expect(saveAccount(y.access(), y.contact, 2, doc, y.shape)).toMatchObject({ ok: true, version: 3 });
		expect(readAccount(y.access(), y.shape)?.doc).toEqual(doc);
		// On top of its own version: one answer changed, a self-assessment removed and one added.
		doc.criteria[0].answers[0] = 'Nytt svar';
		delete doc.criteria[1].self;
		doc.criteria[2].self = { band: 1, reason: '' };
		expect(saveAccount(y.access(), y.contact, 3, doc, y.shape)).toMatchObject({ ok: true, version: 4 });
		expect(readAccount(y.access(), y.shape)?.doc).toEqual(doc);
	});

	it('forgets a save whose request transaction is rolled back after it, so the next save writes every answer', () => {
		const doc = y.filled('Ett');
		let id = 0;
		expect(() =>
			immediately(() => {
				const saved = saveAccount(y.access(), y.contact, 0, doc, y.shape);
				if (saved.ok) id = saved.id;
				throw new Error('after the save');
			})
		).toThrow('after the save');
		expect(readAccount(y.access(), y.shape)).toBeNull();
		// Another writer's first version, with other answers, gets the id the rolled-back one had.
		const other = y.db.insert(table.account).values({ entryId: y.entryId, introduction: 'Ett', updatedBy: y.colleague, updatedAt: new Date() }).returning().get();
		expect(other.id).toBe(id);
		for (const c of y.shape)
			for (let question = 0; question < c.questions; question++)
				y.db.insert(table.accountAnswer).values({ accountId: id, criterionId: c.criterionId, question, text: 'Utifrån' }).run();
		expect(saveAccount(y.access(), y.contact, 1, doc, y.shape)).toMatchObject({ ok: true, version: 2 });
		expect(readAccount(y.access(), y.shape)?.doc).toEqual(doc);
	});
});

describe('submitting the account', () => {
	it('hands it in with a receipt, an audit entry and an e-mail to the contacts; E4 reads the time', () => {
		const now = new Date('2099-05-20T12:00:00Z');
		const out = submitAccount(y.access(), 0, y.filled(), y.shape, now);
		expect(out.ok).toBe(true);
		if (!out.ok) return;
		const expected = createHash('sha256').update(canonicalAccount(y.entryId, y.filled(), [])).digest('hex');
		expect(out.receipt).toEqual({ entryId: y.entryId, submittedAt: now.getTime(), sha256: expected });
		expect(entryAccountState(y.entryId)).toEqual({ state: 'submitted', submittedAt: now });
		expect(audit('account.submit')).toHaveLength(1);
		const mails = mail().filter((m) => m.bodyText.includes(expected));
		expect(mails.map((m) => m.toAddress).sort()).toEqual(['enhet1@demo.test', 'kollega1@demo.test', 'kollega@demo.test']);
		const row = eligibilityRows(y.cycle as never, '2099-06-01').find((r) => r.entryId === y.entryId)!;
		expect(row.input.accountReceivedDate).toBe('2099-05-20');
	});

	it('refuses a second submit, a save after submitting and empty answers, changing nothing', () => {
		const empty = y.filled();
		empty.criteria[2].answers[0] = '   ';
		const refused = submitAccount(y.access(), 0, empty, y.shape);
		expect(refused).toMatchObject({ ok: false, reason: 'empty', fields: [{ kind: 'answer', criterionId: y.shape[2].criterionId, question: 0 }] });
		expect(readAccount(y.access(), y.shape)).toBeNull();

		expect(submitAccount(y.access(), 0, y.filled(), y.shape).ok).toBe(true);
		const before = { audit: y.db.select().from(table.auditLog).all().length, mail: mail().length, account: readAccount(y.access(), y.shape) };
		expect(submitAccount(y.access(y.colleague), 1, y.filled('Igen'), y.shape)).toMatchObject({ ok: false, reason: 'submitted' });
		expect(saveAccount(y.access(), y.colleague, 1, y.filled('Efteråt'), y.shape)).toMatchObject({ ok: false, reason: 'submitted' });
		expect({ audit: y.db.select().from(table.auditLog).all().length, mail: mail().length, account: readAccount(y.access(), y.shape) }).toEqual(before);
	});

	it('refuses a submission after the last day, and lets it through after the admin extends it', () => {
		const late = new Date('2099-05-21T08:00:00Z');
		expect(submitAccount(y.access(), 0, y.filled(), y.shape, late)).toEqual({ ok: false, reason: 'deadline' });
		expect(readAccount(y.access(), y.shape)).toBeNull();
		expect(extendAccountDeadline(y.entryId, y.cycle.id, y.admin, '2099-05-25', 'Sjukdom i ledningen')).toEqual({ ok: true });
		expect(audit('account.extend')[0]).toMatchObject({ reason: 'Sjukdom i ledningen', after: { extendedTo: '2099-05-25' } });
		const version = readAccount(y.access(), y.shape)!.version;
		expect(submitAccount(y.access(), version, y.filled(), y.shape, late).ok).toBe(true);
		// E4 reads the submission by the entry's own, extended, deadline.
		const row = eligibilityRows(y.cycle as never, '2099-06-01').find((r) => r.entryId === y.entryId)!;
		expect(row.input).toMatchObject({ accountReceivedDate: '2099-05-21', accountDeadline: '2099-05-25' });
	});

	it('is written only in registration', () => {
		y.db.update(table.cycle).set({ phase: 'assessment' }).where(eq(table.cycle.id, y.cycle.id)).run();
		expect(submitAccount(y.access(), 0, y.filled(), y.shape)).toEqual({ ok: false, reason: 'phase' });
	});

	it('can be reopened by the admin with a logged reason, and submitted again', () => {
		submitAccount(y.access(), 0, y.filled(), y.shape);
		const head = readAccount(y.access(), y.shape)!;
		expect(reopenAccount(y.entryId, y.cycle.id, y.admin, head.version + 1, 'x')).toEqual({ ok: false, reason: 'version' });
		expect(reopenAccount(y.entryId, y.cycle.id, y.admin, head.version, 'Fel bilaga')).toEqual({ ok: true });
		expect(audit('account.reopen')[0]).toMatchObject({ reason: 'Fel bilaga' });
		expect(entryAccountState(y.entryId).state).toBe('draft');
		expect(reopenAccount(y.entryId, y.cycle.id, y.admin, head.version + 1, 'igen')).toEqual({ ok: false, reason: 'notSubmitted' });
		expect(submitAccount(y.access(), head.version + 1, y.filled('Rättad'), y.shape).ok).toBe(true);
	});

	it('is typeset as the entry’s PDF once submitted, made once and kept', async () => {
		expect(await submittedAccountPdf(y.access(), y.cycle.id)).toBeNull();
		submitAccount(y.access(), 0, y.filled('Typsatt\n\n- punkt ett\n- punkt två'), y.shape);
		const first = await submittedAccountPdf(y.access(), y.cycle.id);
		expect(first?.fileName).toBe('Skriftlig redovisning Enheten för hemlösa.pdf');
		expect(readFileSync(documentPath(first!.sha256)).subarray(0, 5).toString()).toBe('%PDF-');
		expect(await submittedAccountPdf(y.access(), y.cycle.id)).toEqual(first);
		expect(readAccount(y.access(), y.shape)?.pdfSha256).toBe(first!.sha256);
	});
});
