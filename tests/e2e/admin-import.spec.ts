import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { demoCalendarToday, expectAccessible, PASSWORD, signIn } from './helpers';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

async function download(page: Page, link: string): Promise<{ name: string; text: string; bytes: Buffer }> {
	const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
	const bytes = readFileSync((await file.path())!);
	return { name: file.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

async function previewFile(page: Page, name: string) {
	await page.getByLabel('Enheter', { exact: true }).check();
	await page.getByLabel('Fil', { exact: true }).setInputFiles(fixture(name));
	await page.getByRole('button', { name: 'Förhandsgranska' }).click();
	await expect(page.getByRole('heading', { name: 'Förhandsgranskning' })).toBeVisible();
}

test('the admin imports units from a Windows-1252 semicolon file, after fixing its bad row, and exports the entry list', async ({ page }) => {
	await signIn(page, 'admin@demo.test');
	await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Import och export' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Import och export' })).toBeVisible();
	await expect(page.getByRole('table', { name: 'Kolumner för enheter' })).toContainText('Andel Stockholmare (%)');
	await expectAccessible(page);

	const template = await download(page, 'Mall för enheter (CSV)');
	expect(template.name).toBe('mall-enheter.csv');
	expect([...template.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	expect(template.text.slice(1)).toMatch(/^Enhet;Förvaltning\/bolag;Nämnd\/styrelse;Chef;/);

	// A file with one bad row: its line and reason are shown, and nothing can be committed.
	await previewFile(page, 'units-bad.csv');
	await expect(page.getByRole('alert')).toContainText('1 av 2 rader har fel');
	const badRow = page.getByRole('row', { name: /^3 / });
	await expect(badRow).toContainText('Äppelträdets förskola');
	await expect(badRow).toContainText('Antal medarbetare: ”tolv” är inget tal.');
	await expect(page.getByRole('row', { name: /^2 / })).toContainText('OK');
	await expect(page.getByText('WINDOWS-1252', { exact: true })).toBeVisible();
	await expect(page.getByRole('button', { name: /^Importera/ })).toHaveCount(0);
	await expectAccessible(page);

	// A PDF saved under an Excel name is named for what it is, not reported as missing columns.
	await page.getByLabel('Fil', { exact: true }).setInputFiles({
		name: 'enheter.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: readFileSync(fixture('skriftlig-redovisning.pdf'))
	});
	await page.getByRole('button', { name: 'Förhandsgranska' }).click();
	await expect(page.getByRole('alert')).toContainText('Filen är en PDF, inte en Excel-arbetsbok (.xlsx) eller en CSV-fil.');
	await expect(page.getByRole('button', { name: /^Importera/ })).toHaveCount(0);
	await expectAccessible(page);

	// The corrected file: every row is fine, and the commit is offered.
	await previewFile(page, 'units-good.csv');
	await expect(page.getByRole('status')).toContainText('Alla 2 rader kan importeras');
	await expect(page.getByRole('row', { name: /^3 / })).toContainText('Äppelträdets förskola');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Importera 2 enheter' }).click();

	await expect(page).toHaveURL(/\/admin\/import\/result\/\d+$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Importen är klar' })).toBeVisible();
	await expect(page.getByRole('status')).toContainText('2 enheter från units-good.csv har sparats.');
	const created = page.getByRole('table', { name: 'Enheter som skapades av importen' });
	await expect(created.getByRole('row', { name: /Förskolan Vitsippan/ })).toContainText('Farsta stadsdelsförvaltning');
	await expect(created.getByRole('row', { name: /Äppelträdets förskola/ })).toContainText('Pysslingen Förskolor och Skolor AB');
	await expectAccessible(page);

	// The same file again: now both units exist, so the preview refuses them.
	await page.getByRole('link', { name: 'Tillbaka till import och export' }).click();
	await previewFile(page, 'units-good.csv');
	await expect(page.getByRole('alert')).toContainText('2 av 2 rader har fel');
	await expect(page.getByRole('row', { name: /^2 / })).toContainText('Enheten finns redan');
	await expectAccessible(page);

	const exported = await download(page, 'Bidragslistan som CSV');
	expect(exported.name).toBe(`tavlingsbidrag-${demoCalendarToday('assessment').year}.csv`);
	expect([...exported.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const lines = exported.text.slice(1).split('\r\n');
	expect(lines[0]).toMatch(/^Enhet;Förvaltning\/bolag;Tävlingsklass;/);
	expect(lines[0]).toContain('E8 Inget underskott (krävs för utmärkelsen)');
	expect(exported.text).toContain('Enheten för hemlösa;Socialförvaltningen;');

	const workbook = await download(page, 'Bidragslistan som Excel');
	expect(workbook.name).toBe(`tavlingsbidrag-${demoCalendarToday('assessment').year}.xlsx`);
	expect([...workbook.bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
});

test('the import, its templates and the export are for the admin only', async ({ page }) => {
	for (const path of ['/admin/import', '/admin/import/template/units.csv', '/admin/entries/export.csv', '/admin/entries/export.xlsx']) {
		const response = await page.request.get(path, { maxRedirects: 0 });
		expect(response.status(), path).toBe(303);
		expect(response.headers().location, path).toMatch(/^\/login\?redirectTo=/);
	}
	await signIn(page, 'examinator1@demo.test');
	for (const path of ['/admin/import/template/units.csv', '/admin/entries/export.csv', '/admin/entries/export.xlsx']) {
		expect((await page.request.get(path)).status(), path).toBe(403);
	}
	const response = await page.goto('/admin/import');
	expect(response?.status()).toBe(403);
	await expectAccessible(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the preview form works as a plain form post', async ({ page }) => {
		await page.goto('/login');
		await page.getByLabel('E-postadress').fill('admin@demo.test');
		await page.getByLabel('Lösenord').fill(PASSWORD);
		await page.getByRole('button', { name: 'Logga in' }).click();
		await page.goto('/admin/import');
		await previewFile(page, 'units-bad.csv');
		await expect(page.getByRole('row', { name: /^3 / })).toContainText('Antal medarbetare: ”tolv” är inget tal.');
		// axe runs as a script in the page, so it cannot run here; the same page passed it above with JavaScript.
		await expect(page.getByRole('button', { name: /^Importera/ })).toHaveCount(0);
	});
});

test('the admin imports examiners into the pool after the file with a bad row is refused', async ({ page }) => {
	const csv = (rows: string[]) => ({ name: 'pool.csv', mimeType: 'text/csv', buffer: Buffer.from(['Namn;E-post;Kapacitet', ...rows].join('\n')) });
	const preview = async (file: ReturnType<typeof csv>) => {
		await page.getByLabel('Fil', { exact: true }).setInputFiles(file);
		await page.getByRole('button', { name: 'Förhandsgranska' }).click();
		await expect(page.getByRole('heading', { name: 'Förhandsgranskning' })).toBeFocused();
	};
	await signIn(page, 'admin@demo.test');
	await page.goto('/admin/examiners');
	await page.getByRole('link', { name: 'Importera examinatorer' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Importera examinatorer' })).toBeVisible();
	await expectAccessible(page);

	await preview(csv(['Maja Ek;maja.ek@demo.test;2', 'Olle Berg;olle.berg@demo.test;11']));
	await expect(page.getByRole('alert')).toHaveText('1 av 2 rader har fel. Rätta filen och ladda upp den igen. Inget har sparats.');
	const rows = page.getByRole('table', { name: 'Raderna i filen, med radnummer och eventuella fel' });
	await expect(rows.getByRole('row', { name: /^3 Olle Berg/ })).toContainText('Kapacitet:');
	await expect(page.getByRole('button', { name: /^Importera \d/ })).toHaveCount(0);
	await expectAccessible(page);

	await preview(csv(['Maja Ek;maja.ek@demo.test;2', 'Olle Berg;olle.berg@demo.test;1']));
	await expect(page.getByRole('status')).toHaveText('Alla 2 rader kan importeras. Kontrollera och bekräfta. Inget är sparat ännu.');
	await expect(rows.getByRole('row', { name: /^2 Maja Ek/ })).toContainText('maja.ek@demo.test (ny användare)');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Importera 2 examinatorer' }).click();
	await expect(page.getByRole('status')).toHaveText('2 examinatorer från pool.csv har lagts till i poolen.');
	await expectAccessible(page);
	await page.goto('/admin/examiners');
	await expect(page.getByRole('rowheader', { name: 'Maja Ek' })).toBeVisible();
});
