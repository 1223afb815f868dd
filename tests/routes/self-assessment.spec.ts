/**
 * The unit's self-assessment is hidden from everyone but the unit until the entry's consensus is
 * done (docs/unit-side.md#5-self-assessment): what each role's pages and the account's PDF
 * hand them, as a request reaches them, before and after, swept over every place an account is read.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { PDFParse } from 'pdf-parse';
import * as table from '../../src/lib/server/db/schema';
import { outcome, scoringEvent, scoringYear } from '../../src/lib/server/test-support/scoring';
import * as unitPage from '../../src/routes/(app)/unit/entries/[entryId]/account/+page.server';
import * as entryPage from '../../src/routes/(app)/entries/[entryId]/+page.server';
import * as accountPdf from '../../src/routes/(app)/entries/[entryId]/account/+server';
import * as scoringPage from '../../src/routes/(app)/examiner/entries/[entryId]/+page.server';
import * as consensusPage from '../../src/routes/(app)/examiner/entries/[entryId]/consensus/+page.server';

const REASON = 'Vi har mätt varje månad i fem år och jämför oss med hela staden.';
/** Anything of the self-assessment a page or PDF could carry: its reason, its heading, its data's key, a band in words. */
const TRACES = [REASON, 'Egen bedömning', '"self"', 'Nivå 6 av 6', 'Nivå 1 av 6'];

let s: ReturnType<typeof scoringYear>;
let files: string;
let contact: number;
let coordinator: number;
let juror: number;

beforeEach(() => {
	files = mkdtempSync(join(tmpdir(), 'self-assessment-'));
	process.env.FILES_DIR = files;
	s = scoringYear('assessment');
	const entry = s.db.select().from(table.entry).where(eq(table.entry.id, s.entryId)).get()!;
	const unit = s.db.select().from(table.unit).where(eq(table.unit.id, entry.unitId)).get()!;
	const user = (email: string) => s.db.insert(table.user).values({ email, name: email, passwordHash: 'x' }).returning().get().id;
	contact = user('kontakt@demo.test');
	s.db.insert(table.unitContact).values({ unitId: unit.id, userId: contact, name: 'Kontakt', email: 'kontakt@demo.test' }).run();
	coordinator = user('samordnare@demo.test');
	s.db.insert(table.coordinator).values({ cycleId: s.cycle.id, organisationId: unit.organisationId, userId: coordinator }).run();
	juror = s.db.select().from(table.cycleRole).where(eq(table.cycleRole.role, 'juror')).all().find((r) => r.cycleId === s.cycle.id && r.organisationId !== unit.organisationId)!.userId;
	// The demo's submitted account of the entry, with the unit's own view of its first two criteria.
	const account = s.db.select().from(table.account).where(eq(table.account.entryId, s.entryId)).get()!;
	expect(account.status).toBe('submitted');
	s.db.insert(table.accountSelfAssessment).values([
		{ accountId: account.id, criterionId: s.criterionIds[0], band: 5, reason: REASON },
		{ accountId: account.id, criterionId: s.criterionIds[1], band: 0, reason: '' }
	]).run();
});
afterEach(() => {
	rmSync(files, { recursive: true, force: true });
	delete process.env.FILES_DIR;
});

function finishConsensus() {
	s.db.insert(table.consensus)
		.values({ entryId: s.entryId, status: 'done', recommendFinalist: true, updatedAt: new Date() })
		.onConflictDoUpdate({ target: table.consensus.entryId, set: { status: 'done', recommendFinalist: true } })
		.run();
}

type Handler = (event: never) => unknown;

/** Every page and download that reads the entry's account, as text, for one person; a refusal as its status. */
async function everything(userId: number): Promise<Record<string, string>> {
	const params = { entryId: String(s.entryId) };
	const run = async (handler: unknown, path: string) => {
		const out = await outcome(async () => (handler as Handler)(scoringEvent(userId, path, { params })));
		return out && typeof out === 'object' && 'thrown' in out ? { refused: out.thrown } : out;
	};
	const data = async (handler: unknown, path: string) => JSON.stringify(await run(handler, path));
	const pdf = async () => {
		const out = await run(accountPdf.GET, `/entries/${s.entryId}/account`);
		if (!(out instanceof Response)) return JSON.stringify(out);
		const parser = new PDFParse({ data: new Uint8Array(await out.arrayBuffer()) });
		const text = (await parser.getText()).text;
		await parser.destroy();
		return text;
	};
	return {
		'/unit/entries/…/account': await data(unitPage.load, `/unit/entries/${s.entryId}/account`),
		'/entries/…': await data(entryPage.load, `/entries/${s.entryId}`),
		'/entries/…/account (PDF)': await pdf(),
		'/examiner/entries/…': await data(scoringPage.load, `/examiner/entries/${s.entryId}`),
		'/examiner/entries/…/consensus': await data(consensusPage.load, `/examiner/entries/${s.entryId}/consensus`)
	};
}

/** The places whose text carries any trace of the self-assessment. */
async function showing(userId: number): Promise<string[]> {
	const pages = await everything(userId);
	return Object.entries(pages)
		.filter(([, text]) => TRACES.some((t) => text.includes(t)))
		.map(([path]) => path);
}

/** The places that read the account at all for the person: those not refused. */
async function reading(userId: number): Promise<string[]> {
	const pages = await everything(userId);
	return Object.entries(pages)
		.filter(([, text]) => !text.startsWith('{"refused"'))
		.map(([path]) => path);
}

describe('the self-assessment, before the entry’s consensus is done', () => {
	it('is shown to the unit’s own contact on the account page and in the PDF', async () => {
		expect(await showing(contact)).toEqual(['/unit/entries/…/account', '/entries/…/account (PDF)']);
		const pdf = (await everything(contact))['/entries/…/account (PDF)'];
		expect(pdf.replace(/\s+/g, ' ')).toContain(`Egen bedömning: Nivå 6 av 6 (90–100 poäng) – ${REASON}`);
	});

	it('is on no page and in no PDF of the team, the lead or the admin, who read the account', async () => {
		for (const [who, userId] of [['team member', s.drafter], ['lead', s.lead], ['admin', s.admin]] as const) {
			expect.soft(await reading(userId), who).toContain('/entries/…/account (PDF)');
			expect.soft(await showing(userId), who).toEqual([]);
		}
		// The team still reads the answers beside each criterion.
		expect((await everything(s.drafter))['/examiner/entries/…']).toContain('"answers"');
	});

	it('is never the coordinator’s, who reads no account, nor a juror’s before there are finalists', async () => {
		expect(await reading(coordinator)).toEqual([]);
		expect(await reading(juror)).toEqual([]);
	});
});

describe('the self-assessment, once the entry’s consensus is done', () => {
	it('is shown to the team, the lead and the admin beside the answers and in the PDF', async () => {
		// The PDF typeset for them before stays theirs; the one with the self-assessment is made apart.
		await everything(s.drafter);
		finishConsensus();
		expect(await showing(s.drafter)).toEqual(['/entries/…/account (PDF)', '/examiner/entries/…']);
		expect(await showing(s.lead)).toEqual(['/entries/…/account (PDF)', '/examiner/entries/…', '/examiner/entries/…/consensus']);
		expect(await showing(s.admin)).toEqual(['/entries/…/account (PDF)']);
		expect(await showing(contact)).toEqual(['/unit/entries/…/account', '/entries/…/account (PDF)']);
	});

	it('is shown to a juror reading a finalist’s account in the jury’s phase, and not to the coordinator', async () => {
		finishConsensus();
		expect(await reading(juror)).toEqual([]);
		s.setPhase('jury');
		expect(await showing(juror)).toEqual(['/entries/…/account (PDF)']);
		expect(await reading(coordinator)).toEqual([]);
	});

	it('goes again from the others’ view when the consensus is reopened', async () => {
		finishConsensus();
		expect(await showing(s.lead)).not.toEqual([]);
		s.db.update(table.consensus).set({ status: 'draft' }).where(eq(table.consensus.entryId, s.entryId)).run();
		expect(await showing(s.lead)).toEqual([]);
	});
});
