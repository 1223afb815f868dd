import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectDrawn, signIn, signOut } from './helpers';

/** The demo year in the jury phase, on its own server (playwright.config.ts). */
const BASE = 'http://localhost:4176';
test.use({ baseURL: BASE });
// Eight pages with axe each: more than the default minute on a busy two-core machine.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const CLASS = /^Socialtjänst/;
const rankedTable = (page: Page) => page.getByRole('table', { name: /^Rangordning för Socialtjänst/ });
const bodyRows = (page: Page) => rankedTable(page).locator('tbody tr');

/** The names in the ranked table's row headers, top to bottom. */
async function unitNames(page: Page): Promise<string[]> {
	return (await rankedTable(page).locator('tbody th[scope="row"] a').allTextContents()).map((t) => t.trim());
}

test('a juror opens the ranked view, sorts it, opens an entry and reads a chart’s table', async ({ page }) => {
	await signIn(page, 'jury1@demo.test');
	await page.goto('/jury');
	await expectAccessible(page);
	await page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: CLASS }) })
		.getByRole('link', { name: 'Rangordning' })
		.click();

	// The plain table first: ranked by total, the rank column sorted ascending.
	await expect(page.getByRole('heading', { level: 1, name: /^Rangordning: Socialtjänst/ })).toBeVisible();
	await expect(bodyRows(page)).toHaveCount(4);
	await expect(rankedTable(page).getByRole('columnheader', { name: 'Plats', exact: true })).toHaveAttribute('aria-sort', 'ascending');
	const ranks = (await bodyRows(page).locator('td:first-child').allTextContents()).map((t) => Number(t.trim()));
	expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
	expect(ranks[0]).toBe(1);
	// The decisive columns fit a 1280 px laptop without scrolling; the criteria are one strip per row.
	await page.setViewportSize({ width: 1280, height: 800 });
	for (const name of ['Plats', 'Enhet', 'Total', 'Bedömningsgrunder', 'Konsensus', 'Finalist', 'Behörighet']) {
		const box = (await rankedTable(page).getByRole('columnheader', { name, exact: true }).boundingBox())!;
		expect(box.x + box.width, name).toBeLessThanOrEqual(1280);
	}
	const region = page.getByRole('region', { name: /^Rangordning för Socialtjänst/ });
	expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
	const captionBox = (await rankedTable(page).locator('caption').boundingBox())!;
	expect(captionBox.x + captionBox.width).toBeLessThanOrEqual(1280);
	// The numbers of a strip appear on keyboard focus, and the full table is one link away.
	const strip = rankedTable(page).getByRole('list', { name: /^Poäng per bedömningsgrund/ }).first();
	await strip.focus();
	await expect(strip.locator('.value').first()).toHaveCSS('opacity', '1');
	await expectAccessible(page);
	await page.getByRole('link', { name: /^Visa alla kolumner/ }).click();
	await expect(rankedTable(page).getByRole('columnheader', { name: 'Ledarskap', exact: true })).toBeVisible();
	await expect(rankedTable(page).getByRole('columnheader', { name: 'Justerad total', exact: true })).toBeVisible();
	await page.getByRole('link', { name: 'Visa den kompakta tabellen' }).click();
	await expect(rankedTable(page).getByRole('columnheader', { name: 'Bedömningsgrunder', exact: true })).toBeVisible();
	await expect(page.getByRole('table', { name: /^Total per bidrag med varje examinators egen total/ })).toBeHidden();
	await expectDrawn(page.locator('canvas[aria-label^="Total per bidrag med varje examinators egen total"]'));
	await expectAccessible(page);
	const byRank = await unitNames(page);

	// How robust the ranking is, and the examiners' agreement, on a page of their own.
	await page.getByRole('link', { name: /^Håller rangordningen, och hur överens/ }).click();
	const robustness = page.getByRole('table', { name: /^Plats med olika sätt att räkna/ });
	await expect(robustness.locator('tbody tr')).toHaveCount(4);
	expect((await robustness.locator('tbody th').allTextContents()).map((t) => t.trim())).toEqual(byRank);
	// Four entries are too few for alpha to mean anything: a plain sentence, no red verdict.
	await expect(page.getByText('För få bidrag för att mäta samstämmighet.')).toBeVisible();
	await expect(page.getByRole('table', { name: /^Krippendorffs alfa per bedömningsgrund/ })).toHaveCount(0);
	await expect(page.getByText('För låg', { exact: true })).toHaveCount(0);
	await expect(page.getByText(/^(De 3 främsta är desamma|\d+ bidrag hamnar bland de 3 främsta)/)).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: /^Tillbaka till rangordningen/ }).click();
	await expect(bodyRows(page)).toHaveCount(4);

	// Sort by name with the header link (a plain link: the server sorts).
	await rankedTable(page).getByRole('link', { name: 'Enhet', exact: true }).click();
	await expect(page).toHaveURL(/sort=name&dir=asc/);
	await expect(rankedTable(page).getByRole('columnheader', { name: /^Enhet/ })).toHaveAttribute('aria-sort', 'ascending');
	await expect(rankedTable(page).getByRole('columnheader', { name: 'Plats', exact: true })).not.toHaveAttribute('aria-sort');
	const byName = await unitNames(page);
	expect(byName).toEqual([...byRank].sort((a, b) => a.localeCompare(b, 'sv')));
	await expectAccessible(page);

	// Again: descending.
	await rankedTable(page).getByRole('link', { name: 'Enhet', exact: true }).click();
	await expect(page).toHaveURL(/sort=name&dir=desc/);
	expect(await unitNames(page)).toEqual([...byName].reverse());

	// Sort by total, then keep only the finalists.
	await rankedTable(page).getByRole('link', { name: 'Total', exact: true }).click();
	await expect(rankedTable(page).getByRole('columnheader', { name: /^Total/ })).toHaveAttribute('aria-sort', 'descending');
	const totals = (await bodyRows(page).locator('td.total').allTextContents()).map((t) => Number(t.trim().replace(',', '.')));
	expect(totals).toEqual([...totals].sort((a, b) => b - a));
	await page.getByRole('checkbox', { name: /Bara finalister/ }).check();
	await page.getByRole('button', { name: 'Uppdatera tabellen' }).click();
	await expect(page).toHaveURL(/finalists=1/);
	await expect(page).toHaveURL(/sort=total/);
	const finalists = await bodyRows(page).count();
	expect(finalists).toBeGreaterThan(0);
	for (let i = 0; i < finalists; i++) await expect(bodyRows(page).nth(i).getByText('Rekommenderas', { exact: true })).toBeVisible();
	await expectAccessible(page);

	// Open the top entry's details.
	const top = byRank[0];
	await page.goto(page.url().replace(/\?.*$/, ''));
	await rankedTable(page).getByRole('link', { name: top }).click();
	await expect(page.getByRole('heading', { level: 1, name: top })).toBeVisible();
	const stats = page.getByRole('table', { name: `Statistik per bedömningsgrund för ${top}` });
	await expect(stats.locator('tbody tr')).toHaveCount(7);
	await expect(page.getByRole('table', { name: `Inskickade poäng per examinator för ${top}` }).locator('tbody tr')).toHaveCount(3);
	await expectAccessible(page);

	// The radar chart: a canvas with a name, and its numbers in a table behind "Visa som tabell".
	const caption = `${top}: använd poäng per bedömningsgrund mot klassens median`;
	await expect(page.locator(`canvas[aria-label^="${caption}"]`)).toHaveCount(1);
	await expectDrawn(page.locator(`canvas[aria-label^="${caption}"]`));
	const chartTable = page.getByRole('table', { name: caption });
	await expect(chartTable).toBeHidden();
	await page.getByText('Visa som tabell').click();
	await expect(chartTable).toBeVisible();
	const row = chartTable.getByRole('row', { name: /^Ledarskap/ });
	const used = (await stats.getByRole('row', { name: /^Ledarskap/ }).locator('td').nth(9).textContent())!.trim();
	await expect(row.locator('td').first()).toHaveText(used);
	await expectAccessible(page);
	await signOut(page);
});

test('a conflicted juror sees the class as if the barred entries were not in it, and cannot open them', async ({ page }) => {
	// jury3 heads the social services administration in the demo: a conflict with its entries.
	await signIn(page, 'jury3@demo.test');
	await page.goto('/ranking');
	await expect(page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: CLASS }) }).getByText('2 bidrag · 1 finalist')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: /^Rangordningen för Socialtjänst/ }).click();
	await expect(page.getByRole('region', { name: 'Bidrag du har jäv mot' })).toContainText('som om de inte fanns');
	await expect(bodyRows(page)).toHaveCount(2);
	expect((await bodyRows(page).locator('td:first-child').allTextContents()).map((t) => t.trim())).toEqual(['1', '2']);
	await expect(page.getByText('Enheten för hemlösa')).toHaveCount(0);
	await expect(page.getByText('Tillfälliga boenden')).toHaveCount(0);
	await expectAccessible(page);
	const classPath = new URL(page.url()).pathname;
	await signOut(page);

	// The admin sees the whole class and the entry; its address is a 404 for the conflicted juror.
	await signIn(page, 'admin@demo.test');
	await page.goto(classPath);
	await expect(bodyRows(page)).toHaveCount(4);
	await rankedTable(page).getByRole('link', { name: 'Enheten för hemlösa' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Enheten för hemlösa' })).toBeVisible();
	const entryPath = new URL(page.url()).pathname;
	await expectAccessible(page);
	await page.goto('/ranking');
	await expect(page.getByRole('heading', { name: 'Examinatorernas stränghet' })).toBeVisible();
	await expectDrawn(page.locator('canvas').first());
	await expectAccessible(page);
	await signOut(page);

	await signIn(page, 'jury3@demo.test');
	const response = await page.goto(entryPath);
	expect(response?.status()).toBe(404);
	await expectAccessible(page);
	await signOut(page);
});

test('the meeting screen fills a 1920×1080 projector, one class at a time, PageDown and PageUp stepping', async ({ page }) => {
	await page.setViewportSize({ width: 1920, height: 1080 });
	await signIn(page, 'jury1@demo.test');
	await page.goto('/jury/present?c=4');
	await expect(page.getByRole('heading', { level: 2, name: CLASS })).toBeVisible();
	// No app frame: the screen is the class.
	await expect(page.getByRole('button', { name: 'Logga ut' })).toHaveCount(0);
	await expect(page.getByRole('navigation', { name: 'Juryns arbete' })).toHaveCount(0);
	const candidates = page.getByRole('table', { name: /^Kandidaterna i Socialtjänst/ });
	await expect(candidates.locator('tbody tr')).toHaveCount(4);
	await expect(candidates.locator('tbody').getByText('Finalist', { exact: true })).toHaveCount(2);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1920);
	const next = (await page.getByRole('link', { name: /Nästa klass/ }).boundingBox())!;
	expect(next.y + next.height).toBeLessThanOrEqual(1080);
	await expectAccessible(page);
	await page.keyboard.press('PageDown');
	await expect(page.getByText('Klass 5 av 5', { exact: true })).toBeVisible();
	await page.keyboard.press('PageUp');
	await expect(page.getByText('Klass 4 av 5', { exact: true })).toBeVisible();

	// A member in conflict sees the same class without the entries of their own administration.
	await page.goto('/jury');
	await signOut(page);
	await signIn(page, 'jury3@demo.test');
	await page.goto('/jury/present?c=4');
	await expect(page.getByRole('table', { name: /^Kandidaterna i Socialtjänst/ }).locator('tbody tr')).toHaveCount(2);
	await expect(page.getByText('Enheten för hemlösa')).toHaveCount(0);
	await expectAccessible(page);
	await page.goto('/jury');
	await signOut(page);
});

test('an examiner may not see the ranking', async ({ page }) => {
	await signIn(page, 'examinator2@demo.test');
	const response = await page.goto('/ranking');
	expect(response?.status()).toBe(403);
	await expectAccessible(page);
});
