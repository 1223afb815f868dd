import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { formatDaySv, stockholmDay } from '../../src/lib/domain/dates';
import { demoCalendarToday, expectAccessible, signIn, signOut } from './helpers';

/**
 * Board minutes from the coordinator (docs/unit-side.md#3-board-minutes-from-the-coordinator), on
 * the registration demo of port 4223, which stands two weeks before the minutes deadline: one PDF
 * approves two units, E5 then reads "on time" for both on the eligibility page and in each unit's
 * home, and the minutes open for the coordinator and the admin only.
 */
const BASE = 'http://localhost:4223';
const FIXTURE = 'tests/e2e/fixtures/namndprotokoll.pdf';
const demo = demoCalendarToday('registration', '2026-06-16');
const DNR = `SN 1.4.1-301/${demo.year}`;
test.use({ baseURL: BASE });
test.describe.configure({ mode: 'serial' });

/** The E5 row of a unit's eligibility, as the admin's "all rules" table shows it. */
async function e5(page: Page, unit: string) {
	const article = page.getByRole('article', { name: unit, exact: true });
	const details = article.locator('details');
	if (!(await details.evaluate((d: HTMLDetailsElement) => d.open))) await details.locator('summary').click();
	return article.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^E5/ }) });
}

/** The minutes step of the signed-in contact's unit, on their home. */
function minutesStep(page: Page) {
	return page.getByRole('listitem').filter({ hasText: 'Nämndprotokoll inkommet' });
}

test('the coordinator hands in one set of minutes for two units, and E5 reads on time for both', async ({ page }) => {
	await signIn(page, 'admin@demo.test');
	await page.goto('/admin/eligibility');
	await expect(await e5(page, 'Ljungbacken')).toContainText(`Nämndprotokollet har inte kommit in ännu; sista dag är ${formatDaySv(demo.day.minutesDeadline)}.`);
	await signOut(page);

	await signIn(page, 'samordnare1@demo.test');
	await page.goto('/coordinator/minutes');
	await expect(page.getByText(`Det ska ha kommit in senast ${formatDaySv(demo.day.minutesDeadline)}.`)).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Protokollet (PDF)').setInputFiles(FIXTURE);
	await page.getByLabel('Diarienummer (dnr)').fill(DNR);
	await page.getByLabel('Sammanträdesdatum').fill(demo.day.minutesMeeting);
	await page.getByLabel('Ljungbacken').check();
	await page.getByLabel('Enheten för hemlösa').check();
	await page.getByRole('button', { name: 'Skicka in protokollet' }).click();
	await expect(page.getByRole('status')).toHaveText('Protokollet har kommit in för 2 enheter.');
	const sent = page.getByRole('listitem').filter({ hasText: 'gäller 2 enheter' });
	await expect(sent).toContainText('Enheten för hemlösa, Ljungbacken');
	await expectAccessible(page);
	// The coordinator opens the minutes as handed in.
	const href = (await sent.getByRole('link', { name: `${DNR} (PDF)` }).getAttribute('href'))!;
	const file = await page.request.get(href);
	expect(file.status()).toBe(200);
	expect(file.headers()['content-type']).toBe('application/pdf');
	expect(Buffer.from(await file.body()).equals(readFileSync(FIXTURE))).toBe(true);
	await signOut(page);

	const received = `Nämndprotokollet kom in ${formatDaySv(stockholmDay(new Date()))}, i tid (sista dag ${formatDaySv(demo.day.minutesDeadline)}).`;
	await signIn(page, 'admin@demo.test');
	await page.goto('/admin/eligibility');
	for (const unit of ['Ljungbacken', 'Enheten för hemlösa']) {
		const row = await e5(page, unit);
		await expect(row).toContainText('Uppfyllt');
		await expect(row).toContainText(received);
	}
	await expectAccessible(page);
	// The admin reaches the same file from the registrations.
	await page.goto('/admin/registrations');
	await expect(page.getByRole('link', { name: DNR })).toHaveCount(2);
	await expect(page.getByRole('link', { name: DNR }).first()).toHaveAttribute('href', href);
	expect((await page.request.get(href)).status()).toBe(200);
	await signOut(page);

	for (const contact of ['enhet4@demo.test', 'enhet1@demo.test']) {
		await signIn(page, contact);
		await page.goto('/unit');
		await expect(minutesStep(page)).toContainText('kom in i tid');
		await expectAccessible(page);
		// The unit's own contact does not read its board's minutes: they are the organisation's.
		expect((await page.request.get(href)).status()).toBe(404);
		await signOut(page);
	}
});
