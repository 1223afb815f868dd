/**
 * The written account as a form (docs/unit-side.md#4-the-written-account-as-a-form), on its own
 * demo year in registration (port 4223): two colleagues meet a conflict, one restores the version
 * the other's text replaced, a contact submits and gets the receipt by e-mail, a late unit is
 * refused until the admin extends its deadline; and an examiner reads the answers beside each
 * criterion on the read-only year of port 4173.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from './helpers';
import { readMails, waitForMail } from './eml';

const APP = 'http://localhost:4223';
const OUTBOX = 'data/e2e-4223/outbox';
const seen = new Set<string>();

test.describe.configure({ mode: 'serial' });
// The demo starts a fresh database but keeps its outbox folder: mails of an earlier run are not this run's.
test.beforeAll(() => {
	for (const mail of readMails(OUTBOX)) seen.add(mail.file);
});

async function openAccount(page: Page) {
	await page.goto('/unit');
	await page.getByRole('link', { name: 'Skriftlig redovisning' }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Skriftlig redovisning' })).toBeVisible();
	await expectAccessible(page);
}

const saved = (page: Page) => page.waitForResponse((r) => r.url().endsWith('/account/save') && r.request().method() === 'POST');

/** Fills every empty answer, waits for the autosave, and submits. */
async function fillAndSubmit(page: Page, mark: string) {
	for (const area of await page.locator('form#account textarea:not([name^="self."])').all()) if ((await area.inputValue()) === '') await area.fill(`${mark}: vi arbetar systematiskt.\n\n- ett exempel\n- ett till`);
	await page.locator('#submit summary').click();
	await page.locator('#submit').getByRole('button', { name: 'Lämna in redovisningen' }).click();
	await expect(page.getByRole('heading', { name: 'Kvitto' })).toBeVisible();
	await expectAccessible(page);
	return (await page.locator('.receipt code').innerText()).trim();
}

test.describe('the account form', () => {
	test.use({ baseURL: APP });

	test('two contacts edit the same answer and meet a conflict with both texts', async ({ browser }) => {
		const sofia = await (await browser.newContext({ baseURL: APP })).newPage();
		const karin = await (await browser.newContext({ baseURL: APP })).newPage();
		await signIn(sofia, 'enhet1@demo.test');
		await signIn(karin, 'kollega1@demo.test');
		await openAccount(sofia);
		await openAccount(karin);
		const answer = (page: Page) => page.locator('form#account textarea[name^="answers."]').last();
		const first = saved(sofia);
		await answer(sofia).fill('Sofias text om jämställdhet.');
		expect((await first).status()).toBe(200);
		const second = saved(karin);
		await answer(karin).fill('Karins text om jämställdhet.');
		expect((await second).status()).toBe(409);
		await expect(karin.getByRole('heading', { name: 'Någon annan har sparat en nyare version' })).toBeVisible();
		await expect(karin.getByText('Sofias text om jämställdhet.')).toBeVisible();
		await expect(karin.getByText('Karins text om jämställdhet.').first()).toBeVisible();
		await expectAccessible(karin);
		// An attachment now would be a new version that replaces her unsaved text on screen: it waits.
		const attachPosts: string[] = [];
		karin.on('request', (r) => r.url().includes('/attach') && attachPosts.push(r.url()));
		await karin.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'vänta.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\nbilaga\n%%EOF\n') });
		await karin.getByRole('button', { name: 'Ladda upp bilagan' }).click();
		await expect(karin.locator('[inert]')).toHaveCount(0);
		await expect(karin.getByText('Karins text om jämställdhet.').first()).toBeVisible();
		expect(attachPosts).toEqual([]);
		const resolved = saved(karin);
		await karin.getByRole('button', { name: 'Behåll mina texter' }).click();
		expect((await resolved).status()).toBe(200);
		await sofia.reload();
		await expect(answer(sofia)).toHaveValue('Karins text om jämställdhet.');
		await expect(sofia.getByRole('link', { name: 'vänta.pdf' })).toHaveCount(0);
	});

	test('a contact restores the version the colleague’s text replaced, and writes on from it', async ({ page }) => {
		await signIn(page, 'enhet1@demo.test');
		await openAccount(page);
		const answer = page.locator('form#account textarea[name^="answers."]').last();
		await expect(answer).toHaveValue('Karins text om jämställdhet.');
		await page.getByText('Visa sparade versioner').click();
		await expect(page.getByRole('table', { name: 'Sparade versioner, senaste först' })).toBeVisible();
		await expectAccessible(page);
		// The newest version is the one on screen; the first button restores the one before it, Sofia's.
		await page.getByRole('button', { name: /^Återställ version \d+$/ }).first().click();
		await expect(page.getByRole('status').filter({ hasText: /Version \d+ är återställd/ })).toBeVisible();
		await expect(answer).toHaveValue('Sofias text om jämställdhet.');
		await expectAccessible(page);
		const after = saved(page);
		await page.locator('form#account textarea[name="introduction"]').fill('Efter återställningen: om enheten.');
		expect((await after).status()).toBe(200);
	});

	test('a contact submits and gets the receipt on screen and by e-mail', async ({ page }) => {
		await signIn(page, 'enhet1@demo.test');
		await openAccount(page);
		// An attachment makes a new version; the page's own autosave goes on from it, with no conflict.
		await page.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'plan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\nbilaga\n%%EOF\n') });
		await page.getByRole('button', { name: 'Ladda upp bilagan' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'plan.pdf är uppladdad.' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'plan.pdf' })).toBeVisible();
		const after = saved(page);
		await page.locator('form#account textarea[name="introduction"]').fill('Efter bilagan: om enheten.');
		expect((await after).status()).toBe(200);
		await expect(page.getByRole('heading', { name: 'Någon annan har sparat en nyare version' })).toHaveCount(0);
		const checksum = await fillAndSubmit(page, 'Enheten för hemlösa');
		expect(checksum).toMatch(/^[0-9a-f]{64}$/);
		const mail = await waitForMail(OUTBOX, 'enhet1@demo.test', /Kvitto: skriftlig redovisning från Enheten för hemlösa/, seen);
		expect(mail.text).toContain(checksum);
		await page.reload();
		await expect(page.locator('form#account')).toHaveCount(0);
		await expect(page.getByText(/Redovisningen kan inte längre ändras/)).toBeVisible();
	});

	test('a late account is refused until the admin extends the entry’s deadline', async ({ browser }) => {
		const unit = await (await browser.newContext({ baseURL: APP })).newPage();
		await signIn(unit, 'enhet3@demo.test');
		await openAccount(unit);
		await expect(unit.getByText(/har passerat\. Redovisningen kan inte längre ändras eller lämnas in/)).toBeVisible();
		await expect(unit.locator('form#account')).toHaveCount(0);

		const admin = await (await browser.newContext({ baseURL: APP })).newPage();
		await signIn(admin, 'admin@demo.test');
		await admin.goto('/admin/entries');
		await admin.getByRole('main').getByRole('link', { name: 'Hvilan', exact: true }).click();
		const later = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
		await admin.getByLabel('Ny sista dag').fill(later);
		await admin.getByLabel('Skäl (sparas i loggboken)').fill('Enhetschefen var sjuk veckan före sista dagen.');
		await admin.getByRole('button', { name: 'Förläng sista dag för bidraget' }).click();
		await expect(admin.getByText(/Sista dag för bidraget är nu/)).toBeVisible();
		await expectAccessible(admin);

		await openAccount(unit);
		expect(await fillAndSubmit(unit, 'Hvilan')).toMatch(/^[0-9a-f]{64}$/);
	});
});

test.describe('examiners', () => {
	test.use({ baseURL: 'http://localhost:4173' });

	test('read the unit’s answers beside each criterion where they score', async ({ page }) => {
		await signIn(page, 'examinator11@demo.test');
		await page.goto('/examiner');
		await page.getByRole('link', { name: /Enheten för hemlösa/ }).first().click();
		const answers = page.locator('details.answers');
		await expect(answers).toHaveCount(7);
		// From the criterion's heading, the next thing to reach is the unit's answer.
		const first = answers.first().locator('summary');
		await expect(first).toHaveText('Enhetens svar om Stockholmarnas synpunkter och dialog');
		await first.focus();
		await page.keyboard.press('Enter');
		await expect(answers.first().getByText(/Vi samlar in synpunkter/)).toBeVisible();
		await expect(answers.first().getByRole('link', { name: 'Hela redovisningen' })).toBeVisible();
		await expectAccessible(page);
	});
});
