import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './helpers';
import { unpackAndCheck } from '../../src/lib/server/archive/verify';

/**
 * The admin makes the archive package of the demo year and downloads it. Building only reads the
 * year (and adds its own audit entries), so it runs on the feedback journey's server.
 */
test.use({ baseURL: 'http://localhost:4178' });

test('the admin builds the year’s archive package, sees it progress, downloads it, and every file is as its manifest says', async ({ page }) => {
	test.setTimeout(180_000);
	await signIn(page, 'admin@demo.test');
	await page.goto('/admin/cycles');
	await page.getByRole('link', { name: /2026/ }).first().click();
	const section = page.getByRole('region', { name: 'Arkivpaket' });
	await expect(section).toBeVisible();
	await expectAccessible(page);

	await section.getByRole('button', { name: /arkivpaket/i }).click();
	await expect(section.getByRole('status')).toContainText('Skapar arkivpaketet');
	await expect(section.getByRole('progressbar')).toBeVisible();
	await expectAccessible(page);
	const download = section.getByRole('link', { name: /^Ladda ned arkivpaketet \(ZIP, [\d,]+ MB\)$/ });
	// The page asks how far the build has come until the package is there.
	await expect(download).toBeVisible({ timeout: 120_000 });
	await expect(section.getByRole('status')).toContainText('Arkivpaketet skapades');
	await expectAccessible(page);

	for (const width of [390, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
	}

	const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
	expect(file.suggestedFilename()).toBe('arkivpaket-2026.zip');
	const unpacked = unpackAndCheck(await readFile(await file.path()));
	expect(unpacked.problems).toEqual([]);
	expect(unpacked.manifest.cycle.year).toBe(2026);
	const paths = unpacked.manifest.files.map((f) => f.path);
	expect(paths).toEqual(expect.arrayContaining(['index.html', 'jury/protokoll.pdf', 'rangordning/rangordning.pdf', 'logg/granskningslogg.csv']));
	// The accounts handed in as forms, typeset as PDF/A; the late one as uploaded; the board's minutes once.
	expect(unpacked.manifest.files.filter((f) => f.origin === 'typeset' && f.pdfProfile === 'PDF/A-2a').length).toBeGreaterThan(10);
	const minutes = unpacked.manifest.files.filter((f) => f.minutes);
	expect(minutes).toEqual([expect.objectContaining({ origin: 'uploaded', minutes: expect.objectContaining({ units: expect.arrayContaining(['Enheten för hemlösa', 'Hvilan']) }) })]);

	// The table of contents opens in a browser, links to the files and passes axe.
	await page.setContent(unpacked.files.get('index.html')!.toString('utf8'));
	await expect(page.getByRole('heading', { level: 1, name: 'Arkivpaket: Kvalitetsutmärkelsen 2026' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'jury/protokoll.pdf' })).toBeVisible();
	// Each entry the minutes approve links to them beside its account.
	await expect(page.getByRole('link', { name: `Nämndprotokoll ${minutes[0].minutes!.dnr}` })).toHaveCount(minutes[0].minutes!.entryIds.length);
	await expectAccessible(page);
});
