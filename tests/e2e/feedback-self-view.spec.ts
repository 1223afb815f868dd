import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { PDFParse } from 'pdf-parse';
import { demoCalendarToday, expectAccessible, expectDrawn, signIn, signOut } from './helpers';

/**
 * The unit's own view beside the team's: the award office releases the report of a unit that rated
 * itself far above its team and entered last year too; the unit reads the comparison and its change
 * on the page and in the PDF; the award office opens the spread over the year and downloads it.
 * On the feedback journey's server (playwright.config.ts): releasing this unit's report leaves the
 * report that journey follows alone.
 */
const UNIT = 'Enheten för hemlösa';
const GAP = /^Ni bedömde er (en nivå|två nivåer|tre nivåer|fyra nivåer|fem nivåer) högre än examinatorerna\.$/;

test.use({ baseURL: 'http://localhost:4178' });
test.describe.configure({ mode: 'serial' });

async function fitsPhone(page: Page) {
	await page.setViewportSize({ width: 390, height: 900 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	await page.setViewportSize({ width: 1280, height: 900 });
}

test('the admin releases the report of a unit that rated itself above its team', async ({ page }) => {
	await signIn(page, 'admin@demo.test');
	await page.goto('/admin/feedback');
	await expectAccessible(page);
	await page.getByRole('link', { name: `Läs rapporten för ${UNIT}` }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Återkopplingsrapport för ${UNIT}` })).toBeVisible();
	// The award office reads the comparison before it goes out.
	await expect(page.getByRole('heading', { level: 2, name: 'Er egen bedömning bredvid examinatorernas' })).toBeVisible();
	await expectAccessible(page);
	const reason = page.getByLabel('Motivering för att publicera före regeln');
	if (await reason.isVisible()) await reason.fill('Enheten behöver rapporten till sin planeringsdag i december.');
	await page.getByRole('button', { name: 'Publicera rapporten' }).click();
	await expect(page.getByRole('status')).toContainText('Rapporten är publicerad');
	await expectAccessible(page);
	await signOut(page);
});

test('the unit reads its own view beside the team’s and its change since last year, on the page and in the PDF', async ({ page }) => {
	const year = demoCalendarToday('feedback').year;
	await signIn(page, 'enhet1@demo.test');
	await page.goto('/unit');
	// Last year's report is there too: the unit has entered before.
	await expect(page.getByRole('link', { name: `Läs rapporten för ${year - 1}` })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: `Läs rapporten för ${year}` }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Återkopplingsrapport för ${UNIT}` })).toBeVisible();

	const own = page.getByRole('region', { name: 'Er egen bedömning bredvid examinatorernas' });
	await expect(own.getByText(/^Av de 7 områden ni bedömde låg er bedömning högre än examinatorernas i \d/)).toBeVisible();
	await expectDrawn(own.locator('canvas'));
	await own.getByText('Visa som tabell').click();
	const table = own.getByRole('table', { name: 'Er nivå och examinatorernas, per område' });
	await expect(table.getByRole('row')).toHaveCount(8);
	await expect(table.getByRole('rowheader', { name: 'Ledarskap' })).toBeVisible();

	// Per criterion, the gap in words under the team's band.
	const leadership = page.getByRole('region', { name: 'Ledarskap', exact: true });
	await expect(leadership.getByText('Er bedömning:')).toBeVisible();
	const sentence = (await leadership.getByText(GAP).textContent())!.trim();
	expect(sentence).toMatch(GAP);

	const change = page.getByRole('region', { name: `Förändring sedan ${year - 1}` });
	await expect(change.getByRole('table').getByRole('row')).toHaveCount(8);
	await expect(change.getByText(new RegExp(`(Samma nivå som|En nivå (högre|lägre) än) ${year - 1}\\.`)).first()).toBeVisible();
	await expectAccessible(page);
	await fitsPhone(page);

	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ladda ner som PDF' }).click()]);
	const parser = new PDFParse({ data: new Uint8Array(await readFile((await download.path())!)) });
	const text = (await parser.getText()).text.replace(/\s+/g, ' ');
	await parser.destroy();
	expect(text).toContain('Er egen bedömning bredvid examinatorernas');
	expect(text).toContain(sentence);
	expect(text).toContain(`Förändring sedan ${year - 1}`);
	await signOut(page);
});

test('the admin opens the spread of the units’ own views over the year and downloads its rows', async ({ page }) => {
	await signIn(page, 'admin@demo.test');
	await page.goto('/admin/feedback');
	await page.getByRole('link', { name: 'Egen bedömning mot konsensus' }).click();
	await expect(page.getByRole('heading', { level: 1, name: /^Egen bedömning mot konsensus/ })).toBeVisible();
	await expect(page.getByText(/^\d+ av \d+ bidrag med klar konsensus har en egen bedömning/)).toBeVisible();
	const table = page.getByRole('table', { name: 'Skillnaden mellan egen bedömning och konsensus per område' });
	await expect(table.getByRole('row')).toHaveCount(8);
	await expectDrawn(page.locator('canvas'));
	await expectAccessible(page);
	await fitsPhone(page);

	const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ladda ner raderna (CSV)' }).click()]);
	expect(file.suggestedFilename()).toBe(`egen-bedomning-${demoCalendarToday('feedback').year}.csv`);
	const csv = (await readFile((await file.path())!)).toString('utf8');
	expect(csv.split('\r\n')[0]).toBe('\ufeffEnhet;Förvaltning eller bolag;Tävlingsklass;Område;Egen nivå (1–6);Konsensusnivå (1–6);Skillnad (nivåer);Enhetens motivering');
	expect(csv).toContain(`${UNIT};`);
	await expectAccessible(page);
});
