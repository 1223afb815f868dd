import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { PDFParse } from 'pdf-parse';
import { demoCalendarToday, expectAccessible, signIn, signOut } from './helpers';
import { EXAMINER_NAMES } from '../../src/lib/server/demo/data';

/**
 * The self-assessment's whole path through one year (docs/unit-side.md#5-self-assessment,
 * docs/feedback.md#6-the-units-own-view-and-its-change), on a registration year of its own (port
 * 4253), since it moves the year on: the unit places itself above the examiners on one criterion
 * and below them on another and hands in its account; the award office forms and publishes the
 * teams and opens the assessment; the entry's team scores and its lead completes the consensus
 * without the unit's view on any page, data or PDF they open; the lead's report is approved and
 * released; the unit reads its view beside the team's on the page and in the PDF.
 */
const APP = 'http://localhost:4253';
test.use({ baseURL: APP });
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const UNIT = 'Enheten för hemlösa';
const CONTACT = 'enhet1@demo.test';
const YEAR = demoCalendarToday('registration').year;
/** Every examiner and the consensus give 50 on every criterion: "Nivå 4 av 6 (50–65 poäng)". */
const TEAM_SCORE = '50';
const OWN = [
	{ criterion: 'Stockholmarnas synpunkter och dialog', band: 'Nivå 6 av 6 (90–100 poäng)', reason: 'Brukarrådet styr hela vår verksamhetsplan, och det kan alla se.', gap: 'Ni bedömde er två nivåer högre än examinatorerna.' },
	{ criterion: 'Ledarskap', band: 'Nivå 2 av 6 (10–25 poäng)', reason: 'Chefsgruppen är ny och har ännu inte hittat sitt sätt att leda.', gap: 'Ni bedömde er två nivåer lägre än examinatorerna.' }
];

let entryId = 0;
let team: { email: string; lead: boolean }[] = [];

const emailOf = (name: string) => `examinator${EXAMINER_NAMES.indexOf(name) + 1}@demo.test`;

/** The text of a PDF, with its white space made single spaces. */
async function pdfText(bytes: Buffer): Promise<string> {
	const parser = new PDFParse({ data: new Uint8Array(bytes) });
	const text = (await parser.getText()).text.replace(/\s+/g, ' ');
	await parser.destroy();
	return text;
}

/** Nothing of the unit's own view: neither its reasons, its bands in its words, nor the heading they stand under. */
function expectNoSelfAssessment(text: string, where: string) {
	const shown = [...OWN.flatMap((own) => [own.reason, `${own.band} –`]), 'Enhetens egen bedömning', 'Egen bedömning:'].filter((s) => text.includes(s));
	expect(shown, `the unit's own view in ${where}`).toEqual([]);
}

/** The page as sent, with the data it holds, and the data endpoint client-side navigation reads. */
async function expectHiddenOnPage(page: Page) {
	expectNoSelfAssessment(await page.content(), page.url());
	const data = await page.request.get(`${new URL(page.url()).pathname}/__data.json`);
	expect(data.ok()).toBe(true);
	expectNoSelfAssessment(await data.text(), `${page.url()} data`);
}

/** The page, its data and the account's PDF that "open the account" gives. */
async function expectHiddenEverywhere(page: Page) {
	await expectHiddenOnPage(page);
	const pdf = await page.request.get(`/entries/${entryId}/account`);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	const text = await pdfText(await pdf.body());
	// The typeset account itself, not an error or another document.
	expect(text).toContain(`Skriftlig redovisning från ${UNIT}`);
	expectNoSelfAssessment(text, 'the account PDF');
}

async function advancePhase(page: Page, to: string) {
	await page.goto('/admin/cycles');
	await page.getByRole('link', { name: `Kvalitetsutmärkelsen ${YEAR}` }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Kvalitetsutmärkelsen ${YEAR}` })).toBeVisible();
	await expectAccessible(page);
	const plain = page.getByRole('button', { name: `Gå vidare till ${to}`, exact: true });
	if (await plain.isEnabled()) await plain.click();
	else {
		// The other entries' teams have not scored: the award office moves on with a logged reason.
		await page.getByLabel('Skäl').fill('Resten av lagen lämnar in under konsensusveckan.');
		await page.getByRole('button', { name: `Gå vidare till ${to} ändå` }).click();
	}
	await expect(page.locator('.notice[role="status"]')).toHaveText(`Omgången är nu i fasen ${to}.`);
}

test('the unit places itself above the examiners on one criterion and below on another, and hands in', async ({ page }) => {
	await signIn(page, CONTACT);
	await page.goto('/unit');
	await page.getByRole('link', { name: 'Skriftlig redovisning' }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Skriftlig redovisning' })).toBeVisible();
	await expectAccessible(page);
	for (const [i, own] of OWN.entries()) {
		const section = page.locator('form#account section.block').nth(i + 1);
		await expect(section.getByRole('heading', { name: own.criterion })).toBeVisible();
		await section.getByRole('radio', { name: new RegExp(`^${own.band.replace(/[()]/g, '\\$&')}`) }).check();
		await section.getByLabel('Varför, kort (frivilligt)').fill(own.reason);
	}
	for (const area of await page.locator('form#account textarea').all()) {
		const name = (await area.getAttribute('name')) ?? '';
		if (!name.startsWith('self.') && (await area.inputValue()) === '') await area.fill('Vi arbetar systematiskt med detta och följer upp det varje kvartal.');
	}
	await expect(page.locator('.save-status p')).toHaveAttribute('data-state', 'saved');
	await page.locator('#submit summary').click();
	await page.locator('#submit').getByRole('button', { name: 'Lämna in redovisningen' }).click();
	const receipt = page.locator('.receipt');
	await expect(receipt.getByRole('heading', { name: 'Kvitto' })).toBeVisible();
	for (const own of OWN) await expect(receipt.getByText(`${own.band} – ${own.reason}`)).toBeVisible();
	entryId = Number(new URL(page.url()).pathname.match(/entries\/(\d+)/)![1]);
	await expectAccessible(page);
	await signOut(page);
});

test('the award office forms and publishes the teams and opens the assessment', async ({ page }) => {
	await signIn(page, 'admin@demo.test');
	await page.goto('/admin/assignment');
	await page.getByRole('button', { name: 'Kör förslag' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Förslaget är klart' })).toBeVisible({ timeout: 60_000 });
	const card = page.locator('section.team').filter({ has: page.locator('ul.entries .unit', { hasText: UNIT }) });
	const rows = card.locator('tbody tr');
	await expect(rows).toHaveCount(3);
	team = await Promise.all(
		(await rows.all()).map(async (row) => ({
			email: emailOf((await row.getByRole('rowheader').innerText()).trim()),
			lead: (await row.getByText('Utvärderingsledare').count()) > 0
		}))
	);
	expect(team.filter((m) => m.lead)).toHaveLength(1);
	await page.getByRole('button', { name: 'Publicera lagen' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'publicerade' })).toHaveText(/^\d+ lag är publicerade\.$/);
	await expectAccessible(page);
	await advancePhase(page, 'individuell bedömning');
	await expectAccessible(page);
	await signOut(page);
});

test('the team scores without seeing the unit’s own view', async ({ page }) => {
	// The lead last, so that the consensus follows.
	for (const member of [...team].sort((a, b) => Number(a.lead) - Number(b.lead))) {
		await signIn(page, member.email);
		await page.goto('/examiner');
		await page.getByRole('link', { name: UNIT, exact: true }).click();
		await expect(page.getByRole('heading', { level: 1, name: `Bedömning av ${UNIT}` })).toBeVisible();
		await expect(page.locator('details.answers')).toHaveCount(7);
		await expectHiddenEverywhere(page);
		await expectAccessible(page);
		const scores = page.getByRole('combobox', { name: /^Poäng:/ });
		for (let i = 0; i < 7; i++) await scores.nth(i).selectOption(TEAM_SCORE);
		await page.locator('summary', { hasText: 'Lämna in…' }).click();
		await page.getByRole('button', { name: 'Lämna in nu' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Din bedömning är inlämnad.' })).toBeVisible();
		// The teammates' assessments are now on the page: still nothing of the unit's view.
		await expectHiddenOnPage(page);
		await signOut(page);
	}
});

test('the lead completes the consensus without it, and sees it once the consensus is done', async ({ page }) => {
	await signIn(page, team.find((m) => m.lead)!.email);
	await page.goto('/examiner');
	await page.getByRole('link', { name: `Konsensus: ${UNIT}` }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Konsensus för ${UNIT}` })).toBeVisible();
	await expect(page.getByText('3 av 3 i laget har lämnat in.')).toBeVisible();
	await expectHiddenEverywhere(page);
	await expectAccessible(page);
	const agreed = page.getByRole('combobox', { name: /^Överenskommen poäng:/ });
	for (let i = 0; i < 7; i++) await agreed.nth(i).selectOption(TEAM_SCORE);
	await page.getByRole('textbox', { name: 'Sammanfattning' }).fill('Ett tydligt arbete med brukarnas röst, där ledningen behöver ta ett större ansvar.');
	await expect(page.getByRole('status').filter({ hasText: /^Sparat \d\d\.\d\d$/ })).toBeVisible();
	await page.locator('summary', { hasText: 'Markera konsensus som klar' }).click();
	await page.getByRole('button', { name: 'Markera konsensus som klar' }).click();
	await expect(page.getByText('Konsensus är markerad som klar.')).toBeVisible();
	// Now, and only now, the team reads the unit's view beside its answers and in the account.
	const first = page.locator('details.answers').first();
	await first.locator('summary').click();
	await expect(first.getByText('Enhetens egen bedömning')).toBeVisible();
	await expect(first.getByText(`${OWN[0].band} – ${OWN[0].reason}`)).toBeVisible();
	await expectAccessible(page);
	const pdf = await pdfText(await (await page.request.get(`/entries/${entryId}/account`)).body());
	expect(pdf).toContain(`Egen bedömning: ${OWN[1].band} – ${OWN[1].reason}`);
	await signOut(page);
});

test('the award office moves the year on, the lead writes the report, and it is approved and released', async ({ page }) => {
	await signIn(page, 'admin@demo.test');
	await advancePhase(page, 'konsensus och platsbesök');
	await expectAccessible(page);
	await signOut(page);

	await signIn(page, team.find((m) => m.lead)!.email);
	await page.goto('/examiner');
	await page.getByRole('link', { name: 'Skriv återkopplingsrapporterna' }).click();
	await page.getByRole('link', { name: `Öppna rapporten för ${UNIT}` }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Återkopplingsrapport för ${UNIT}` })).toBeVisible();
	await page.getByLabel('Sammanfattning').fill('Enheten lyssnar på brukarna. Nästa steg är att ledningen tar ansvar för att följa upp arbetet.');
	await expect(page.getByRole('status').filter({ hasText: /Sparat/ })).toBeVisible();
	await expectAccessible(page);
	await signOut(page);

	await signIn(page, 'admin@demo.test');
	await page.goto('/admin/feedback');
	await page.getByRole('link', { name: `Läs rapporten för ${UNIT}` }).click();
	await page.getByRole('button', { name: 'Godkänn rapporten' }).click();
	await expect(page.getByText('Godkänd men ännu inte publicerad för enheten.')).toBeVisible();
	// The jury has not met and the ceremony is ahead: the release needs a reason, which is logged.
	await page.getByLabel('Motivering för att publicera före regeln').fill('Enheten vill använda rapporten i sin planering redan nu.');
	await page.getByRole('button', { name: 'Publicera rapporten' }).click();
	await expect(page.getByRole('status')).toContainText('Rapporten är publicerad');
	await expectAccessible(page);
	await signOut(page);
});

test('the unit reads its own view beside the team’s, on the page and in the PDF', async ({ page }) => {
	await signIn(page, CONTACT);
	await page.goto('/unit');
	await page.getByRole('link', { name: `Läs rapporten för ${YEAR}` }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Återkopplingsrapport för ${UNIT}` })).toBeVisible();
	const comparison = page.getByRole('region', { name: 'Er egen bedömning bredvid examinatorernas' });
	await expect(comparison.getByText(/^Av de 2 områden ni bedömde låg er bedömning högre än examinatorernas i 1 och lägre i 1\.$/)).toBeVisible();
	for (const own of OWN) {
		const region = page.getByRole('region', { name: own.criterion, exact: true });
		await expect(region.getByText('Nivå 4 av 6 (50–65 poäng)')).toBeVisible();
		await expect(region.getByText(`Er bedömning: ${own.band}`)).toBeVisible();
		await expect(region.getByText(own.gap)).toBeVisible();
	}
	await expectAccessible(page);

	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ladda ner som PDF' }).click()]);
	const text = await pdfText(await readFile((await download.path())!));
	expect(text).toContain('Er egen bedömning bredvid examinatorernas');
	for (const own of OWN) {
		expect(text).toContain(own.reason);
		expect(text).toContain(own.gap);
	}
});
