import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from './helpers';

/** The demo year in the feedback phase, on its own server (playwright.config.ts): the journey archives it. */
test.use({ baseURL: 'http://localhost:4235' });

async function visit(page: Page, path: string) {
	await page.goto(path);
	await expectAccessible(page);
}

test('the admin archives the year, sees what retention will do when, and takes out an examiner’s data', async ({ page }) => {
	await signIn(page, 'admin@demo.test');

	// The year is archived with a reason, since not every report is released.
	await visit(page, '/admin/cycles');
	await page.getByRole('link', { name: 'Kvalitetsutmärkelsen 2026' }).click();
	const override = page.getByRole('button', { name: 'Gå vidare till arkiverad ändå' });
	await override.click();
	await page.getByLabel('Skäl').fill('Året är avslutat; de sista rapporterna lämnas ut på papper.');
	await override.click();
	await expect(page.getByRole('status').filter({ hasText: 'arkiverad' })).toBeVisible();

	// The retention page: 2026 is archived today, and each kind waits for its own day.
	await page.getByRole('link', { name: 'Gallring', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Gallring och personuppgifter' })).toBeVisible();
	await expectAccessible(page);
	const section = page.getByRole('region', { name: 'Kvalitetsutmärkelsen 2026', exact: true });
	const year = section.getByRole('table', { name: 'Gallring för Kvalitetsutmärkelsen 2026' });
	await expect(year.getByRole('row')).toHaveCount(6);
	const accountDrafts = year.getByRole('row', { name: /Utkast till skriftliga redovisningar/ });
	await expect(accountDrafts).toContainText('3 månader efter arkivering');
	await expect(accountDrafts).toContainText('Den inlämnade redovisningen och kvittot finns kvar.');
	const notes = year.getByRole('row', { name: /Privata anteckningar/ });
	await expect(notes).toContainText('3 månader efter arkivering');
	await expect(notes).toContainText('Väntar');
	await expect(year.getByRole('row', { name: /Personuppgifter/ })).toContainText('24 månader efter arkivering');

	// A setting out of bounds is refused in Swedish and changes nothing.
	await section.getByText('Inställningar för Kvalitetsutmärkelsen 2026').click();
	await section.getByLabel('Privata anteckningar: månader efter arkivering').fill('0');
	await section.getByRole('button', { name: 'Spara inställningarna' }).click();
	await expect(section.getByLabel('Privata anteckningar: månader efter arkivering')).toHaveAccessibleDescription(/Ange ett helt antal månader från 1 till 120\./);
	await expect(notes).toContainText('3 månader efter arkivering');
	await expectAccessible(page);

	// A person's data: the examiner is found, and the JSON extract names the assessments they wrote.
	await page.getByRole('link', { name: 'Personuppgifter', exact: true }).click();
	await expectAccessible(page);
	await page.getByLabel('Namn eller e-postadress').fill('examinator1@');
	await page.getByRole('button', { name: 'Sök' }).click();
	await expect(page.getByRole('status')).toHaveText('1 person');
	await page.getByRole('table').getByRole('link').click();
	await expect(page.getByRole('heading', { level: 2, name: 'Registerutdrag' })).toBeVisible();
	await expect(page.getByText('Personen har skrivit eller beslutat sådant som sparas')).toBeVisible();
	await expectAccessible(page);
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ladda ner som JSON' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^registerutdrag-\d+-\d{4}-\d{2}-\d{2}\.json$/);
	const extract = JSON.parse(await readFile((await download.path())!, 'utf8'));
	expect(extract.person.email).toBe('examinator1@demo.test');
	expect(extract.assessments.length).toBeGreaterThan(0);
	for (const a of extract.assessments) expect(a).toMatchObject({ year: 2026, unit: expect.any(String) });
	expect(extract.teams).toEqual([expect.objectContaining({ year: 2026, lead: true })]);

	// A unit's contact who never signed in is found too, and their extract says where they appear.
	await visit(page, '/admin/people');
	await page.getByLabel('Namn eller e-postadress').fill('enhet2@');
	await page.getByRole('button', { name: 'Sök' }).click();
	await expect(page.getByRole('status')).toHaveText('1 person');
	const row = page.getByRole('table').getByRole('row', { name: /kontaktperson utan inloggning/ });
	await row.getByRole('link').click();
	await expect(page.getByText('Personen har aldrig loggat in.', { exact: false })).toBeVisible();
	await expect(page).toHaveURL(/\/admin\/people\/k[0-9a-f]+$/);
	await expectAccessible(page);
	const [contactDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ladda ner som JSON' }).click()]);
	const contactExtract = JSON.parse(await readFile((await contactDownload.path())!, 'utf8'));
	expect(contactExtract.person).toEqual({ name: expect.any(String), email: 'enhet2@demo.test', withoutLogin: true });
	expect(contactExtract.unitContacts).toEqual([expect.objectContaining({ unit: 'Tillfälliga boenden', entered: [2025, 2026] })]);
});
