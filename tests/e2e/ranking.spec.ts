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
	await expect(page.getByRole('table', { name: /^Total per bidrag med varje examinators egen total/ })).toBeHidden();
	await expectDrawn(page.locator('canvas[aria-label^="Total per bidrag med varje examinators egen total"]'));
	await expectAccessible(page);
	const byRank = await unitNames(page);

	// How robust the ranking is, and the examiners' agreement, on a page of their own.
	await page.getByRole('link', { name: /^Hur robust är rangordningen/ }).click();
	const robustness = page.getByRole('table', { name: /^Plats med olika sätt att räkna/ });
	await expect(robustness.locator('tbody tr')).toHaveCount(4);
	expect((await robustness.locator('tbody th').allTextContents()).map((t) => t.trim())).toEqual(byRank);
	await expect(page.getByText('Alfa mäter hur samstämmigt examinatorerna poängsätter; under 0,667 är samstämmigheten för låg för säkra slutsatser.')).toBeVisible();
	await expect(page.getByRole('table', { name: /^Krippendorffs alfa per bedömningsgrund/ }).locator('tbody tr')).toHaveCount(7);
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

test('an examiner may not see the ranking', async ({ page }) => {
	await signIn(page, 'examinator2@demo.test');
	const response = await page.goto('/ranking');
	expect(response?.status()).toBe(403);
	await expectAccessible(page);
});
