import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { demoCalendarToday, expectAccessible, signIn, signOut } from './helpers';

// The journey registers an entry and uploads a document, so it has a demo year of its own
// (see playwright.config.ts) and leaves the other journeys' year untouched.
const BASE = 'http://localhost:4183';
test.use({ baseURL: BASE });

const FIXTURE = 'tests/e2e/fixtures/skriftlig-redovisning.pdf';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

/** An entry on examinator1's team and one that is not, read from the journey's own database. */
function examinerEntries() {
	const db = new Database('data/e2e-units/utmarkelse.db', { readonly: true, fileMustExist: true });
	try {
		const own = db
			.prepare(
				`select e.id, u.name from team_member tm join user p on p.id = tm.user_id
				 join team_entry te on te.team_id = tm.team_id join entry e on e.id = te.entry_id
				 join unit u on u.id = e.unit_id where p.email = 'examinator1@demo.test' order by e.id limit 1`
			)
			.get() as { id: number; name: string };
		const other = db
			.prepare(
				`select te.entry_id as id from team_entry te where te.team_id not in
				 (select tm.team_id from team_member tm join user p on p.id = tm.user_id where p.email = 'examinator1@demo.test')
				 order by te.entry_id limit 1`
			)
			.get() as { id: number };
		return { own, other };
	} finally {
		db.close();
	}
}

async function adminNav(page: Page, name: string) {
	await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name, exact: true }).click();
	await expectAccessible(page);
}

test('the award office keeps a unit’s facts, registers its entry and uploads the written account; an examiner reads an account in the app', async ({ page }) => {
	test.setTimeout(180_000);
	await signIn(page, 'admin@demo.test');
	await expect(page).toHaveURL('/admin');
	await expectAccessible(page);

	// Search the units.
	await adminNav(page, 'Enheter');
	await expect(page.getByRole('heading', { level: 1, name: 'Enheter' })).toBeVisible();
	await page.getByLabel('Sök').fill('ekorren');
	await page.getByRole('button', { name: 'Sök' }).click();
	const units = page.getByRole('table', { name: /Enheter \(1 träff\)/ });
	await expect(units.getByRole('row')).toHaveCount(2);
	await expect(units.getByRole('cell', { name: 'Farsta stadsdelsförvaltning' })).toBeVisible();
	await expect(units.getByRole('link', { name: 'Förskola', exact: true })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Visa alla' }).click();
	await expect(page.getByRole('table', { name: /Enheter \(30 träffar\)/ })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: /^Medarbetare/ }).click();
	await expect(page.getByRole('columnheader', { name: /Medarbetare/ })).toHaveAttribute('aria-sort', 'ascending');
	await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText('Liljeholmens fritidsgård');
	await expectAccessible(page);

	// Edit a unit with a bad value, see the message at the field, fix it.
	await page.getByLabel('Sök').fill('ekorren');
	await page.getByRole('button', { name: 'Sök' }).click();
	await page.getByRole('link', { name: 'Förskolan Ekorren' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Ändra enhet – Förskolan Ekorren' })).toBeVisible();
	await expectAccessible(page);
	const staff = page.getByLabel('Antal medarbetare inklusive chefen');
	await expect(staff).toHaveValue('18');
	await staff.fill('0');
	await page.getByLabel('Andel platser med stockholmare (procent)').fill('120');
	await page.getByRole('button', { name: 'Spara' }).click();
	await expect(page.getByRole('alert')).toHaveText('Formuläret har 2 fel. Rätta dem och spara igen.');
	await expect(page.getByText('Antal medarbetare ska vara ett heltal, minst 1 (chefen räknas med).')).toBeVisible();
	await expect(page.getByText('Andelen ska vara mellan 0 och 100 procent.')).toBeVisible();
	await expect(staff).toHaveAttribute('aria-invalid', 'true');
	await expect(staff).toHaveValue('0');
	await expectAccessible(page);
	await staff.fill('19');
	await page.getByLabel('Andel platser med stockholmare (procent)').fill('');
	await page.getByRole('button', { name: 'Spara' }).click();
	await expect(page.getByRole('status')).toHaveText('Ändringarna är sparade.');
	await expectAccessible(page);
	await page.reload();
	await expect(page.getByLabel('Antal medarbetare inklusive chefen')).toHaveValue('19');
	await expectAccessible(page);

	// Register an entry for a unit that has none this year.
	await adminNav(page, 'Bidrag');
	await expect(page.getByRole('heading', { level: 1, name: 'Tävlingsbidrag' })).toBeVisible();
	await expect(page.getByRole('table', { name: `Bidrag i Kvalitetsutmärkelsen ${demoCalendarToday('assessment').year} (16)` })).toBeVisible();
	await page.getByLabel('Enhet', { exact: true }).selectOption({ label: 'Förskolan Humlan (Spånga-Tensta stadsdelsförvaltning)' });
	await page.getByLabel('Tävlingsklass').selectOption({ label: 'Förskola' });
	await page.getByRole('button', { name: 'Registrera bidraget' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Bidrag – Förskolan Humlan' })).toBeVisible();
	await expect(page.getByRole('status')).toHaveText('Bidraget är registrerat.');
	await expect(page.getByText('Ingen fil är uppladdad.')).toBeVisible();
	await expectAccessible(page);
	const entryUrl = new URL(page.url());
	const entryId = entryUrl.pathname.split('/').pop();

	// A PNG renamed to .pdf is refused by its content, a 26 MB file by its size; the real PDF is taken.
	await page.getByLabel('PDF-fil').setInputFiles({ name: 'redovisning.pdf', mimeType: 'application/pdf', buffer: PNG });
	await page.getByRole('button', { name: 'Ladda upp' }).click();
	await expect(page.getByText('Filen är ingen PDF. Spara redovisningen som PDF och ladda upp den igen – det räcker inte att byta filnamnet.')).toBeVisible();
	await expect(page.getByText('Ingen fil är uppladdad.')).toBeVisible();
	await expectAccessible(page);
	const big = Buffer.alloc(26 * 1024 * 1024);
	big.write('%PDF-1.4\n', 0);
	big.write('%%EOF\n', big.length - 6);
	await page.getByLabel('PDF-fil').setInputFiles({ name: 'stor.pdf', mimeType: 'application/pdf', buffer: big });
	await page.getByRole('button', { name: 'Ladda upp' }).click();
	await expect(page.getByText('Filen är större än 25 MB. Minska filen, till exempel genom att spara bilderna i lägre upplösning, och försök igen.')).toBeVisible();
	await expect(page.getByText('Ingen fil är uppladdad.')).toBeVisible();
	await page.getByLabel('PDF-fil').setInputFiles(FIXTURE);
	await page.getByRole('button', { name: 'Ladda upp' }).click();
	// The journey's document store outlives its database, so the file may already be stored from an earlier run.
	await expect(page.getByRole('status')).toHaveText(/^Redovisningen är uppladdad\./);
	await expect(page.getByText(/skriftlig-redovisning\.pdf \(2 kB\)/)).toBeVisible();
	await expectAccessible(page);

	// The account in the app, and the document itself with its headers.
	await page.getByRole('link', { name: 'Läs redovisningen' }).click();
	await expect(page).toHaveURL(`/entries/${entryId}`);
	await expect(page.getByRole('heading', { level: 1, name: 'Skriftlig redovisning – Förskolan Humlan' })).toBeVisible();
	await expect(page.locator('iframe[title="Skriftlig redovisning från Förskolan Humlan (PDF)"]')).toBeVisible();
	await expectAccessible(page);
	const pdf = await page.request.get(`/entries/${entryId}/account`);
	expect(pdf.status()).toBe(200);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	expect(pdf.headers()['content-security-policy']).toBe('sandbox');
	expect(pdf.headers()['content-disposition']).toBe(`inline; filename="skriftlig-redovisning.pdf"; filename*=UTF-8''skriftlig-redovisning.pdf`);
	expect(Buffer.from(await pdf.body())).toEqual(readFileSync(FIXTURE));
	const download = await page.request.get(`/entries/${entryId}/account?download=1`);
	expect(download.headers()['content-disposition']).toMatch(/^attachment; /);
	await signOut(page);

	// An examiner reads an account of their own team's entry inside the app, and no other.
	const { own, other } = examinerEntries();
	await signIn(page, 'examinator1@demo.test');
	await expectAccessible(page);
	await page.goto(`/entries/${own.id}`);
	await expect(page.getByRole('heading', { level: 1, name: `Skriftlig redovisning – ${own.name}` })).toBeVisible();
	const frame = page.locator(`iframe[title="Skriftlig redovisning från ${own.name} (PDF)"]`);
	await expect(frame).toBeVisible();
	await expect(frame).toHaveAttribute('src', `/entries/${own.id}/account`);
	await expect(page.getByRole('link', { name: /Ladda ned redovisningen \(PDF, \d+ kB\)/ })).toBeVisible();
	await expectAccessible(page);
	const document = await page.request.get(`/entries/${own.id}/account`);
	expect(document.status()).toBe(200);
	expect((await document.body()).subarray(0, 5).toString()).toBe('%PDF-');
	const refused = await page.goto(`/entries/${other.id}`);
	expect(refused?.status()).toBe(404);
	expect((await page.request.get(`/entries/${other.id}/account`)).status()).toBe(404);
	await expectAccessible(page);
});
