import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { PDFParse } from 'pdf-parse';
import { demoCalendarToday, expectAccessible, signIn, signOut } from './helpers';
import { waitForMail } from './eml';

/** The demo year in the feedback phase, on its own server (playwright.config.ts), e-mail as .eml files. */
const BASE = 'http://localhost:4178';
const OUTBOX = 'data/e2e-feedback/outbox';
const CONTACT = 'enhet9@demo.test';
const STRENGTH = 'Barnen väljer själva vilka rum som ska förändras – ett exempel för andra förskolor.';
const SUMMARY = 'Förskolan Ekorren har ett tydligt och lärande kvalitetsarbete där barnens röster väger tungt.';

test.use({ baseURL: BASE });
test.describe.configure({ mode: 'serial' });

const seen = new Set<string>();
let reportPath = '';

test.beforeAll(() => {
	// Messages from an earlier run of the journey would only confuse the search for this run's.
	rmSync(OUTBOX, { recursive: true, force: true });
});

const status = (page: Page) => page.getByRole('status').filter({ hasText: /Sparat|Sparar|Ändringar|Inte sparat/ });

async function openEditor(page: Page) {
	await page.goto('/examiner');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Skriv återkopplingsrapporterna' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Återkopplingsrapporter' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Öppna rapporten för Förskolan Ekorren' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Återkopplingsrapport för Förskolan Ekorren' })).toBeVisible();
	await expect(status(page)).toContainText('Sparat');
}

test('the lead edits the report; it saves by itself, survives a reload, and a second tab gets the conflict', async ({ page, context }) => {
	await signIn(page, 'examinator1@demo.test');
	await openEditor(page);
	await expectAccessible(page);

	await page.getByLabel('Sammanfattning').fill(SUMMARY);
	const dialog = page.getByRole('region', { name: 'Stockholmarnas synpunkter och dialog' });
	// The demo writes one or two strengths, by the score; the new point comes after them.
	const added = `Styrkor, punkt ${(await dialog.getByRole('textbox', { name: /^Styrkor, punkt/ }).count()) + 1}`;
	await dialog.getByRole('button', { name: 'Lägg till punkt under styrkor' }).click();
	await page.keyboard.type(STRENGTH);
	await expect(status(page)).toContainText('Ändringar som inte är sparade');
	await expect(status(page)).toContainText('Sparat');
	await expectAccessible(page);

	await page.reload();
	await expect(page.getByLabel('Sammanfattning')).toHaveValue(SUMMARY);
	await expect(dialog.getByRole('textbox', { name: added })).toHaveValue(STRENGTH);

	// A second tab saves first; the first tab's next save is refused and shows both texts.
	const other = await context.newPage();
	await other.goto(page.url());
	await other.getByLabel('Sammanfattning').fill(`${SUMMARY} Skrivet i den andra fliken.`);
	await expect(status(other)).toContainText('Sparat');
	await other.close();

	await page.getByLabel('Sammanfattning').fill(`${SUMMARY} Skrivet i den första fliken.`);
	await expect(page.getByRole('heading', { name: 'Någon annan har sparat en nyare version' })).toBeVisible();
	await expect(page.getByText('Skrivet i den andra fliken.')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Använd den sparade texten' }).click();
	await expect(page.getByLabel('Sammanfattning')).toHaveValue(`${SUMMARY} Skrivet i den andra fliken.`);
	await page.getByLabel('Sammanfattning').fill(SUMMARY);
	await expect(status(page)).toContainText('Sparat');

	await page.getByRole('link', { name: 'Återkopplingsrapport', exact: true }).click();
	await expect(page.getByText(STRENGTH)).toBeVisible();
	await expect(page.getByText('Utkast: rapporten är inte godkänd')).toBeVisible();
	reportPath = new URL(page.url()).pathname;
	await expectAccessible(page);
	await signOut(page);
});

test('the admin reads, approves and releases the report; the e-mail goes out', async ({ page }) => {
	await signIn(page, 'admin@demo.test');
	await page.goto('/admin');
	await page.getByRole('link', { name: 'Återkoppling' }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Återkoppling' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Läs rapporten för Förskolan Ekorren' }).click();
	await expect(page).toHaveURL(reportPath);
	await expect(page.getByText(STRENGTH)).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('button', { name: 'Godkänn rapporten' }).click();
	await expect(page.getByRole('status')).toHaveText('Rapporten är godkänd.');
	await expect(page.getByText('Godkänd men ännu inte publicerad för enheten.')).toBeVisible();
	await expectAccessible(page);

	// Before the day after the ceremony the rule blocks the release; the admin then gives a reason.
	const reason = page.getByLabel('Motivering för att publicera före regeln');
	if (await reason.isVisible()) {
		await page.getByRole('button', { name: 'Publicera rapporten' }).click();
		await expect(page.getByText('Regeln för publicering är inte uppfylld')).toBeVisible();
		await expectAccessible(page);
		await reason.fill('Enheten behöver rapporten till sin planeringsdag i december.');
	}
	await page.getByRole('button', { name: 'Publicera rapporten' }).click();
	await expect(page.getByRole('status')).toContainText('Rapporten är publicerad');
	await expect(page.getByText('Godkänd men ännu inte publicerad för enheten.')).toHaveCount(0);
	await expectAccessible(page);

	await waitForMail(OUTBOX, CONTACT, /^Återkopplingsrapport för Förskolan Ekorren/, new Set(seen));
	await page.goto('/admin/feedback');
	const row = page.getByRole('row').filter({ hasText: CONTACT });
	await expect(row.getByText('Skickad')).toBeVisible();
	await expect(page.getByRole('row').filter({ hasText: 'Förskolan Ekorren' }).first().getByText('Publicerad')).toBeVisible();
	await expectAccessible(page);
	await signOut(page);
});

test('the unit contact follows the e-mailed link, signs in with a one-time link, reads and downloads the report', async ({ page }) => {
	const release = await waitForMail(OUTBOX, CONTACT, /^Återkopplingsrapport för Förskolan Ekorren/, seen);
	const link = release.text.match(/http:\/\/localhost:4178\/reports\/\d+/)?.[0];
	expect(link, release.text).toBeTruthy();
	expect(new URL(link!).pathname).toBe(reportPath);

	await page.goto(link!);
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Freports%2F\d+/);
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Kontaktperson för en enhet? Logga in med en länk via e-post' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Logga in med länk' })).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('E-postadress').fill(CONTACT);
	await page.getByRole('button', { name: 'Skicka inloggningslänk' }).click();
	await expect(page.getByRole('status')).toContainText('Om adressen hör till en kontaktperson');
	await expectAccessible(page);

	const signInMail = await waitForMail(OUTBOX, CONTACT, /inloggningslänk/, seen);
	const signInLink = signInMail.text.match(/http:\/\/localhost:4178\/login\/link\/[a-z2-7]+\S*/)?.[0];
	expect(signInLink, signInMail.text).toBeTruthy();
	await page.goto(signInLink!);
	await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Logga in' }).click();

	await expect(page).toHaveURL(reportPath);
	await expect(page.getByRole('heading', { level: 1, name: 'Återkopplingsrapport för Förskolan Ekorren' })).toBeVisible();
	await expect(page.getByText(STRENGTH)).toBeVisible();
	await expect(page.getByText(SUMMARY)).toBeVisible();
	await expect(page.getByText(/^Utkast|^Godkänd men/)).toHaveCount(0);
	await expectAccessible(page);

	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ladda ner som PDF' }).click()]);
	expect(download.suggestedFilename()).toBe(`aterkoppling-${demoCalendarToday('feedback').year}-forskolan-ekorren.pdf`);
	const pdf = await readFile((await download.path())!);
	const parser = new PDFParse({ data: new Uint8Array(pdf) });
	const text = (await parser.getText()).text.replace(/\s+/g, ' ');
	await parser.destroy();
	expect(text).toContain(STRENGTH);
	expect(text).toContain('Återkopplingsrapport för Förskolan Ekorren');

	await page.goto('/unit');
	await expect(page.getByRole('link', { name: `Läs rapporten för ${demoCalendarToday('feedback').year}` })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: `Läs rapporten för ${demoCalendarToday('feedback').year}` }).click();
	await expect(page).toHaveURL(reportPath);

	// Another unit's report answers like one that does not exist.
	const own = Number(reportPath.split('/')[2]);
	const other = await page.goto(`/reports/${own === 1 ? 2 : 1}`);
	const missing = await page.goto('/reports/999999');
	expect(other?.status()).toBe(404);
	expect(missing?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'Sidan finns inte' })).toBeVisible();
	await expectAccessible(page);
	await signOut(page);

	// The sign-in link worked once; a second use is refused with a clear message.
	await page.goto(signInLink!);
	await expect(page.getByRole('heading', { level: 1, name: 'Länken är redan använd' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Logga in' })).toHaveCount(0);
	await expectAccessible(page);
});
