import { expect, test } from '@playwright/test';
import { formatDaySv } from '../../src/lib/domain/dates';
import { demoCalendarToday, expectAccessible, signIn, signOut } from './helpers';

/**
 * The unit's side in the registration-phase demo (port 4175, shared with assignment.spec.ts): only
 * the unit's facts (unchanged in what eligibility decides) and one confirmation change, and a draft
 * is read but not saved, so the assignment's pool and entries stay as that journey knows them. The
 * demo stands after the minutes deadline, so the coordinator's minutes page offers no upload; a
 * timely upload is the journey of `minutes.spec.ts`, on a demo that stands before it.
 */
const BASE = 'http://localhost:4175';
const demo = demoCalendarToday('registration');
test.use({ baseURL: BASE });
test.describe.configure({ mode: 'serial' });

test('a contact saves the unit’s registration and the coordinator confirms another unit', async ({ page }) => {
	await signIn(page, 'enhet1@demo.test');
	await page.goto('/unit');
	await expectAccessible(page);
	await expect(page.getByText('Det här är klart och det här saknas')).toBeVisible();
	// The account the award office recorded in May counts as handed in, on time.
	await expect(page.getByRole('listitem').filter({ hasText: 'Skriftlig redovisning inlämnad' })).toContainText('kom in i tid');
	await page.getByRole('link', { name: 'Se eller ändra anmälan' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Anmälan – Enheten för hemlösa' })).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Antal medarbetare inklusive chefen').fill('65');
	await page.getByRole('button', { name: 'Spara anmälan' }).click();
	await expect(page.getByRole('status')).toHaveText('Anmälan är sparad. Samordnaren i er förvaltning eller ert bolag bekräftar den.');
	await page.getByLabel('Antal medarbetare inklusive chefen').fill('tre');
	await page.getByRole('button', { name: 'Spara anmälan' }).click();
	await expect(page.getByText('Skriv ett heltal, till exempel 12 eller -250 000.').first()).toBeVisible();
	await expectAccessible(page);
	await signOut(page);

	await signIn(page, 'samordnare1@demo.test');
	await page.goto('/coordinator');
	await expectAccessible(page);
	const hvilan = page.locator('li.card').filter({ has: page.getByRole('heading', { name: 'Hvilan' }) });
	await expect(hvilan.getByText('Anmäld, väntar på bekräftelse')).toBeVisible();
	await hvilan.getByRole('button', { name: 'Bekräfta anmälan för Hvilan' }).click();
	await expect(hvilan.getByRole('status')).toHaveText('Anmälan är bekräftad.');
	await expect(hvilan.getByText('Bekräftad', { exact: true })).toBeVisible();
	await expect(hvilan.getByRole('button', { name: 'Bekräfta anmälan för Hvilan' })).toHaveCount(0);
	// Another organisation's unit is not there, and its page answers as if it did not exist.
	await expect(page.getByText('Förskolan Ekorren')).toHaveCount(0);
	const response = await page.goto('/registrations/9');
	expect(response?.status()).toBe(404);
	await signOut(page);
});

test('a contact whose unit has only a draft sees the draft step, finds the half-written answers and what is missing', async ({ page }) => {
	await signIn(page, 'enhet6@demo.test');
	await page.goto('/unit');
	await expectAccessible(page);
	const step = (name: string) => page.getByRole('listitem').filter({ hasText: name });
	// Nothing handed in: the account's step is the draft, with its last save and the entry's own last day.
	const account = step('Skriftlig redovisning inlämnad');
	await expect(account).toContainText('utkast');
	await expect(account).toContainText(/sparat \d/);
	await expect(account).toContainText(`senast ${formatDaySv(demo.dayAfter('minutesDeadline', 21))}`);
	await page.getByRole('main').getByRole('link', { name: 'Skriftlig redovisning', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Skriftlig redovisning' })).toBeVisible();
	await expect(page.getByText(`Sista dag att lämna in är ${formatDaySv(demo.dayAfter('minutesDeadline', 21))}.`)).toBeVisible();
	await expectAccessible(page);
	// Half written: the introduction and the first criteria's answers are there, the last ones empty.
	const answers = page.locator('form#account textarea[name^="answers."]');
	await expect(page.locator('form#account textarea[name="introduction"]')).not.toHaveValue('');
	await expect(answers.first()).not.toHaveValue('');
	await expect(answers.last()).toHaveValue('');
	await page.getByRole('link', { name: 'Till enhetens sida' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(account).toContainText('utkast');
	await expect(step('Bekräftad av samordnaren')).toContainText('saknas');
	await expect(step('Nämndprotokoll inkommet')).toContainText('kom in i tid');
	await expectAccessible(page);
	await signOut(page);
});

test('after the minutes deadline the coordinator’s page says so instead of offering the upload, and lists the minutes the office recorded', async ({ page }) => {
	await signIn(page, 'samordnare1@demo.test');
	await page.goto('/coordinator/minutes');
	await expectAccessible(page);
	await expect(page.getByText(`Sista dag för nämndprotokollet var ${formatDaySv(demo.day.minutesDeadline)}, så protokoll kan inte skickas in här längre.`)).toBeVisible();
	await expect(page.getByLabel('Protokollet (PDF)')).toHaveCount(0);
	await expect(page.getByText('Inga protokoll är inskickade här.')).toBeVisible();
	// The minutes the office recorded from the boards count as well, and are listed as such.
	await expect(page.getByRole('heading', { name: 'Protokoll som kvalitetsutmärkelsen har tagit emot på annat sätt' })).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: 'Hvilan' })).toContainText('inkom');
});
