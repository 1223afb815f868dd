import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as table from '../../src/lib/server/db/schema';
import { readAccount } from '../../src/lib/server/account/store';
import { accountYear } from '../../src/lib/server/test-support/account';
import { useTempFilesDir } from '../../src/lib/server/test-support/files-dir';
import { outcome, scoringEvent } from '../../src/lib/server/test-support/scoring';
import * as page from '../../src/routes/(app)/unit/entries/[entryId]/account/+page.server';
import * as saveEndpoint from '../../src/routes/(app)/unit/entries/[entryId]/account/save/+server';
import { accountFieldKey, type AccountDoc } from '../../src/lib/domain/account';

let y: ReturnType<typeof accountYear>;
useTempFilesDir('account-files-');
beforeEach(() => {
	y = accountYear();
});

const path = () => `/unit/entries/${y.entryId}/account`;
const params = () => ({ entryId: String(y.entryId) });

async function post(userId: number | null, json: unknown) {
	const response = await outcome(() => saveEndpoint.POST(scoringEvent(userId, `${path()}/save`, { json, params: params() })));
	if ('thrown' in response) return { status: response.thrown, body: null };
	return { status: response.status, body: await response.json() };
}

function accountForm(doc: AccountDoc, version: number) {
	const form = new FormData();
	form.set('version', String(version));
	form.set('introduction', doc.introduction);
	for (const c of doc.criteria) c.answers.forEach((text, question) => form.set(accountFieldKey({ kind: 'answer', criterionId: c.criterionId, question }), text));
	return form;
}

const act = (name: keyof typeof page.actions, userId: number, form: FormData) =>
	outcome(() => page.actions[name](scoringEvent(userId, `${path()}?/${name}`, { form, params: params() })));
const statusOf = (r: unknown) => (r as { status?: number; thrown?: number }).status ?? (r as { thrown?: number }).thrown;

describe('the account autosave, on the assessment path', () => {
	it('saves on top of a version and answers a colleague on the old one with both texts', async () => {
		expect(await post(y.contact, { baseVersion: 0, doc: y.filled('Min') })).toMatchObject({ status: 200, body: { version: 1 } });
		const stale = await post(y.colleague, { baseVersion: 0, doc: y.filled('Kollegans') });
		expect(stale).toMatchObject({ status: 409, body: { reason: 'conflict', current: { version: 1, doc: y.filled('Min') } } });
		expect(readAccount(y.access(), y.shape)?.doc).toEqual(y.filled('Min'));
	});

	it('refuses an answer over the cycle limit at its field, in Swedish, and saves nothing', async () => {
		y.db.update(table.cycle).set({ accountAnswerLimit: 200 }).where(eq(table.cycle.id, y.cycle.id)).run();
		const doc = y.filled();
		doc.criteria[1].answers[0] = 'å'.repeat(201);
		const out = await post(y.contact, { baseVersion: 0, doc });
		const key = accountFieldKey({ kind: 'answer', criterionId: y.shape[1].criterionId, question: 0 });
		expect(out).toMatchObject({ status: 400, body: { errors: { [key]: 'Svaret är 201 tecken; högst 200 får plats.' } } });
		// Exactly the limit, counted after cleaning, passes.
		doc.criteria[1].answers[0] = `${'å'.repeat(200)}   \n`;
		expect((await post(y.contact, { baseVersion: 0, doc })).status).toBe(200);
	});

	it('refuses a structure the model does not have', async () => {
		const doc = y.filled();
		doc.criteria[0].answers.push('en fråga för mycket');
		expect(await post(y.contact, { baseVersion: 0, doc })).toMatchObject({ status: 400, body: { message: 'Formuläret stämmer inte med omgångens frågor. Ladda om sidan.' } });
	});

	it('is a 404 for anyone but the unit’s contacts, and a 403 once the last day has passed', async () => {
		for (const who of [y.outsider, y.admin]) expect((await post(who, { baseVersion: 0, doc: y.filled() })).status).toBe(404);
		y.db.update(table.cycle).set({ accountDeadline: '2020-05-20' }).where(eq(table.cycle.id, y.cycle.id)).run();
		expect(await post(y.contact, { baseVersion: 0, doc: y.filled() })).toMatchObject({ status: 403, body: { message: expect.stringContaining('sista dagen har passerat') } });
		expect(readAccount(y.access(), y.shape)).toBeNull();
	});
});

describe('the account page', () => {
	it('submits with a receipt, then refuses a second submit and any save', async () => {
		const receipt = await act('submit', y.contact, accountForm(y.filled(), 0));
		expect(receipt).toMatchObject({ receipt: { entryId: y.entryId, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
		const again = await act('submit', y.colleague, accountForm(y.filled('Igen'), 1));
		expect(again).toMatchObject({ status: 409, data: { message: expect.stringContaining('redan inlämnad') } });
		expect(statusOf(await act('save', y.colleague, accountForm(y.filled('Igen'), 1)))).toBe(409);
		expect((await post(y.colleague, { baseVersion: 1, doc: y.filled('Igen') })).status).toBe(409);
	});

	it('refuses a submit with empty answers, naming them, and writes nothing', async () => {
		const doc = y.filled();
		doc.introduction = '';
		const out = await act('submit', y.contact, accountForm(doc, 0));
		expect(out).toMatchObject({ status: 400, data: { message: expect.stringContaining('Om enheten') } });
		expect(readAccount(y.access(), y.shape)).toBeNull();
	});

	it('takes a self-assessment from the form without JavaScript, keeps a reason before its band, and hands in only once it has one', async () => {
		const criterionId = y.shape[0].criterionId;
		const form = accountForm(y.filled(), 0);
		form.set(accountFieldKey({ kind: 'band', criterionId }), '');
		form.set(accountFieldKey({ kind: 'reason', criterionId }), 'Vi tycker att vi är bra.');
		expect(await act('save', y.contact, form)).toMatchObject({ saved: true, version: 1 });
		expect(readAccount(y.access(), y.shape)?.doc.criteria[0].self).toEqual({ band: null, reason: 'Vi tycker att vi är bra.' });
		form.set('version', '1');
		const refused = await act('submit', y.contact, form);
		expect(refused).toMatchObject({
			status: 400,
			data: {
				message: expect.stringMatching(/^Välj en nivå för er egen bedömning innan ni lämnar in, eller ta bort motiveringen\. Motivering utan nivå: [^;]+\.$/),
				errors: { [`self.${criterionId}.reason`]: 'Välj en nivå för er egen bedömning, eller ta bort motiveringen.' }
			}
		});
		expect(readAccount(y.access(), y.shape)).toMatchObject({ version: 1, status: 'draft' });
		form.set(accountFieldKey({ kind: 'band', criterionId }), '3');
		expect(await act('save', y.contact, form)).toMatchObject({ saved: true, version: 2 });
		expect(readAccount(y.access(), y.shape)?.doc.criteria[0].self).toEqual({ band: 3, reason: 'Vi tycker att vi är bra.' });
	});

	it('takes attachments by content and refuses one that only claims to be a PDF', async () => {
		const upload = (bytes: Uint8Array<ArrayBuffer>, name: string) => {
			const form = new FormData();
			form.set('attachment', new File([bytes], name, { type: 'application/pdf' }));
			return act('attach', y.contact, form);
		};
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
		expect(await upload(png, 'diagram.pdf')).toEqual({ attached: 'diagram.png', version: 1 });
		const fake = await upload(new Uint8Array(new TextEncoder().encode('<html>inte en pdf</html>')), 'rapport.pdf');
		expect(fake).toMatchObject({ status: 400, data: { attachError: 'Filen är varken en PDF, en PNG eller en JPEG. Inget har sparats.' } });
		expect(y.db.select().from(table.accountAttachment).all().map((a) => a.fileName)).toEqual(['diagram.png']);
	});

	it('gives the page the version an attachment made, so its autosave goes on; a page on the version before meets the conflict', async () => {
		expect((await post(y.contact, { baseVersion: 0, doc: y.filled('Först') })).status).toBe(200);
		const form = new FormData();
		form.set('attachment', new File([new TextEncoder().encode('%PDF-1.4\nbilaga\n%%EOF\n')], 'plan.pdf'));
		expect(await act('attach', y.contact, form)).toEqual({ attached: 'plan.pdf', version: 2 });
		const colleague = await post(y.colleague, { baseVersion: 1, doc: y.filled('Kollegans') });
		expect(colleague).toMatchObject({ status: 409, body: { reason: 'conflict', current: { version: 2 } } });
		expect(await post(y.contact, { baseVersion: 2, doc: y.filled('Sedan') })).toMatchObject({ status: 200, body: { version: 3 } });
		const detach = new FormData();
		detach.set('attachment', String(y.db.select().from(table.accountAttachment).get()!.id));
		expect(await act('detach', y.contact, detach)).toEqual({ detached: true, version: 4 });
		expect(await post(y.contact, { baseVersion: 4, doc: y.filled('Till sist') })).toMatchObject({ status: 200, body: { version: 5 } });
	});
});

describe('restoring an earlier version', () => {
	const restoreForm = (revision: number, version: number) => {
		const form = new FormData();
		form.set('revision', String(revision));
		form.set('version', String(version));
		return form;
	};

	it('lists the versions on the page and restores one for the unit’s contacts only; a 404 for anyone else', async () => {
		await post(y.contact, { baseVersion: 0, doc: y.filled('Första') });
		await post(y.colleague, { baseVersion: 1, doc: y.filled('Andra') });
		const loaded = (await outcome(() => page.load(scoringEvent(y.contact, path(), { params: params() }) as never))) as { revisions: { id: number; version: number; savedBy: string }[] };
		expect(loaded.revisions.map((r) => [r.version, r.savedBy])).toEqual([
			[2, 'Karin Kollega'],
			[1, expect.any(String)]
		]);
		const oldest = loaded.revisions[1].id;
		for (const who of [y.outsider, y.admin]) expect(statusOf(await act('restore', who, restoreForm(oldest, 2)))).toBe(404);
		expect(await act('restore', y.colleague, restoreForm(99_999, 2))).toMatchObject({ status: 404, data: { message: 'Versionen finns inte. Inget har ändrats.' } });
		expect(await act('restore', y.colleague, restoreForm(oldest, 2))).toEqual({ restored: 1, version: 3 });
		expect(readAccount(y.access(), y.shape)?.doc).toEqual(y.filled('Första'));
		// The restorer's own page on the version before meets the conflict, with what is saved now.
		expect(await act('restore', y.contact, restoreForm(oldest, 2))).toMatchObject({ status: 409, data: { conflict: { theirs: { version: 3 } } } });
	});

	it('is refused with a Swedish message once the last day has passed or the account is submitted', async () => {
		await post(y.contact, { baseVersion: 0, doc: y.filled('Första') });
		const revision = y.db.select().from(table.accountRevision).get()!.id;
		y.db.update(table.cycle).set({ accountDeadline: '2020-05-20' }).where(eq(table.cycle.id, y.cycle.id)).run();
		expect(await act('restore', y.contact, restoreForm(revision, 1))).toMatchObject({ status: 403, data: { message: expect.stringContaining('sista dagen har passerat') } });
		y.db.update(table.cycle).set({ accountDeadline: '2099-05-20' }).where(eq(table.cycle.id, y.cycle.id)).run();
		expect((await act('submit', y.contact, accountForm(y.filled('Inlämnad'), 1))) as object).toHaveProperty('receipt');
		expect(await act('restore', y.contact, restoreForm(revision, 2))).toMatchObject({ status: 409, data: { message: expect.stringContaining('redan inlämnad') } });
		expect(readAccount(y.access(), y.shape)).toMatchObject({ status: 'submitted', doc: y.filled('Inlämnad') });
		expect(y.db.select().from(table.auditLog).where(eq(table.auditLog.action, 'account.restore')).all()).toEqual([]);
	});
});

describe('the answers where examiners score', () => {
	it('shows a submitted form’s answers per criterion on the scoring and consensus pages, and nothing for a PDF-only entry', async () => {
		const { scoringYear } = await import('../../src/lib/server/test-support/scoring');
		const scoring = await import('../../src/routes/(app)/examiner/entries/[entryId]/+page.server');
		const consensus = await import('../../src/routes/(app)/examiner/entries/[entryId]/consensus/+page.server');
		const s = scoringYear();
		const event = (path: string) => scoringEvent(s.lead, path, { params: { entryId: String(s.entryId) } }) as never;
		type Answers = { accountAnswers: { answers: Record<number, string[]> } | null };
		const page = (await scoring.load(event(`/examiner/entries/${s.entryId}`))) as unknown as Answers;
		expect(Object.keys(page.accountAnswers!.answers).map(Number)).toEqual(s.criterionIds);
		expect(page.accountAnswers!.answers[s.criterionIds[0]][0]).toMatch(/synpunkter/);
		const lead = (await consensus.load(event(`/examiner/entries/${s.entryId}/consensus`))) as unknown as Answers;
		expect(lead.accountAnswers).toEqual(page.accountAnswers);
		s.db.delete(table.account).where(eq(table.account.entryId, s.entryId)).run();
		expect(((await scoring.load(event(`/examiner/entries/${s.entryId}`))) as unknown as Answers).accountAnswers).toBeNull();
	});
});
