import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoCalendarToday, expectAccessible, signIn } from './helpers';

/**
 * The scoring journey (docs/assessing.md): an examiner scores a whole entry with the keyboard
 * alone, reloads and finds it saved, submits; a teammate's stale tab meets the conflict view; the
 * lead reaches consensus and records the site visit; the admin follows the progress. Team "Lag 4"
 * of the demo's assessment phase: examinator10 leads (submitted), examinator11 has a draft,
 * examinator12 has not started.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });
// The journey's own demo year (playwright.config.ts), since it submits and reaches consensus.
test.use({ baseURL: 'http://localhost:4187' });

const UNIT = 'Tillfälliga boenden';
const CRITERIA = 7;

/** Presses Tab until the element has focus: the way a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
	for (let i = 0; i < max; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`could not reach ${target} with Tab`);
}

async function saved(page: Page): Promise<void> {
	await expect(page.getByRole('status').filter({ hasText: /^Sparat \d\d\.\d\d$/ })).toBeVisible({ timeout: 10_000 });
}

async function openEntry(page: Page): Promise<void> {
	await page.goto('/examiner');
	await expectAccessible(page);
	const link = page.getByRole('link', { name: UNIT, exact: true });
	await link.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: `Bedömning av ${UNIT}` })).toBeVisible();
}

test('an examiner scores a whole entry with the keyboard only, reloads, finds it saved and submits', async ({ page }) => {
	await signIn(page, 'examinator12@demo.test');
	await openEntry(page);
	await expectAccessible(page);
	await expect(page.locator('iframe[title^="Skriftlig redovisning"]')).toHaveAttribute('src', /\/entries\/\d+\/account(#.*)?$/);

	const scores = page.getByRole('combobox', { name: /^Poäng:/ });
	await expect(scores).toHaveCount(CRITERIA);
	// Start from the summary's first link, as a keyboard user jumping to the first criterion.
	await page.getByRole('link', { name: /^1 saknar poäng – Stockholmarnas/ }).focus();
	await page.keyboard.press('Enter');

	for (let i = 0; i < CRITERIA; i++) {
		const select = scores.nth(i);
		await tabTo(page, select);
		// "Inte bedömd", then 0, 5, 10 …: one arrow step each.
		for (let k = 0; k < 9 + i; k++) await page.keyboard.press('ArrowDown');
		await expect(select).toHaveValue(String(40 + 5 * i));

		const section = page.locator('section.criterion').nth(i);
		await tabTo(page, section.getByRole('button', { name: 'Lägg till punkt under styrkor' }));
		await page.keyboard.press('Enter');
		await expect(section.getByRole('textbox', { name: 'Styrkor, punkt 1' })).toBeFocused();
		await page.keyboard.type(`Styrka ${i + 1}`);
		if (i === 0) {
			// A second point, moved above the first with the keyboard.
			await tabTo(page, section.getByRole('button', { name: 'Lägg till punkt under styrkor' }));
			await page.keyboard.press('Enter');
			await page.keyboard.type('Viktigast');
			await tabTo(page, section.getByRole('button', { name: 'Flytta upp styrkor punkt 2' }));
			await page.keyboard.press('Enter');
			await expect(section.getByRole('textbox', { name: 'Styrkor, punkt 1' })).toHaveValue('Viktigast');
		}
		await tabTo(page, section.getByRole('button', { name: 'Lägg till punkt under utvecklingsområden' }));
		await page.keyboard.press('Enter');
		await page.keyboard.type(`Förbättra ${i + 1}`);
	}
	await tabTo(page, page.getByRole('textbox', { name: 'Egna anteckningar för hela bidraget' }));
	await page.keyboard.type('Rad ett');
	await page.keyboard.press('Enter');
	await page.keyboard.type('Rad två');
	await expect(page.getByText('7 av 7 bedömningsgrunder har poäng')).toBeVisible();
	await saved(page);

	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expectAccessible(page);
	for (let i = 0; i < CRITERIA; i++) await expect(scores.nth(i)).toHaveValue(String(40 + 5 * i));
	const first = page.locator('section.criterion').first();
	await expect(first.getByRole('textbox', { name: 'Styrkor, punkt 1' })).toHaveValue('Viktigast');
	await expect(first.getByRole('textbox', { name: 'Styrkor, punkt 2' })).toHaveValue('Styrka 1');
	await expect(page.locator('section.criterion').nth(6).getByRole('textbox', { name: 'Utvecklingsområden, punkt 1' })).toHaveValue('Förbättra 7');
	await expect(page.getByRole('textbox', { name: 'Egna anteckningar för hela bidraget' })).toHaveValue('Rad ett\nRad två');

	// Submit, with the keyboard: open the confirmation, then confirm.
	const open = page.locator('summary', { hasText: 'Lämna in…' });
	await open.focus();
	await page.keyboard.press('Enter');
	await tabTo(page, page.getByRole('button', { name: 'Lämna in nu' }));
	await page.keyboard.press('Enter');
	// The notice stands at the head of the page, far above the button: it takes the focus and so comes into view.
	await expect(page.getByRole('status').filter({ hasText: 'Din bedömning är inlämnad. Nu kan du se lagets bedömningar.' })).toBeFocused();
	await expect(page.getByRole('combobox', { name: /^Poäng:/ })).toHaveCount(0);
	await expect(page.getByRole('heading', { name: 'Lagets bedömningar' })).toBeVisible();
	await expectAccessible(page);
});

test('a second examiner’s stale tab gets the conflict view and keeps their text', async ({ page, context }) => {
	await signIn(page, 'examinator11@demo.test');
	await openEntry(page);
	const stale = await context.newPage();
	await stale.goto(page.url());
	await expect(stale.getByRole('heading', { level: 1 })).toBeVisible();

	const notes = (p: Page) => p.getByRole('textbox', { name: 'Egna anteckningar för hela bidraget' });
	await notes(page).fill('Skrivet i första fliken');
	await saved(page);

	await notes(stale).fill('Skrivet i den gamla fliken');
	const conflict = stale.getByRole('region', { name: 'Någon annan har sparat en nyare version' });
	await expect(conflict).toBeVisible({ timeout: 10_000 });
	await expect(conflict.getByText('Skrivet i första fliken')).toBeVisible();
	await expect(conflict.getByText('Skrivet i den gamla fliken')).toBeVisible();
	await expect(stale.getByRole('status').filter({ hasText: 'Inte sparat — någon annan har sparat en nyare version' })).toBeVisible();
	await expectAccessible(stale);

	await expect(conflict.getByRole('radio', { name: 'Behåll min' })).toBeChecked();
	await conflict.getByRole('button', { name: 'Använd valen och spara' }).click();
	await expect(conflict).toHaveCount(0);
	await saved(stale);

	await page.reload();
	await expect(notes(page)).toHaveValue('Skrivet i den gamla fliken');
});

test('the lead reaches consensus and records the site visit', async ({ page }) => {
	await signIn(page, 'examinator10@demo.test');
	await page.goto('/examiner');
	await page.getByRole('link', { name: `Konsensus: ${UNIT}` }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Konsensus för ${UNIT}` })).toBeVisible();
	await expectAccessible(page);
	await expect(page.getByText('2 av 3 i laget har lämnat in.')).toBeVisible();
	await expect(page.getByRole('table', { name: /^Lagets inlämnade poäng för Stockholmarnas/ })).toBeVisible();

	const agreed = page.getByRole('combobox', { name: /^Överenskommen poäng:/ });
	await expect(agreed).toHaveCount(CRITERIA);
	for (let i = 0; i < CRITERIA; i++) await agreed.nth(i).selectOption(String(50 + 5 * (i % 3)));
	const first = page.locator('section.criterion').first();
	// The team's merged points are the starting points; one of examinator12's is among them.
	await expect(first.getByRole('textbox', { name: 'Styrkor, punkt 1' })).not.toHaveValue('');
	await expect(first.getByText('Viktigast', { exact: true }).first()).toBeVisible();

	await page.getByRole('textbox', { name: 'Sammanfattning' }).fill('Ett tydligt systematiskt arbete\nmed brukarnas röst i centrum.');
	await page.getByRole('radio', { name: 'Ja, som finalist' }).check();
	await page.getByLabel('Datum').fill(demoCalendarToday('assessment').dayAfter('teamsPublished', 14));
	await page.getByRole('textbox', { name: 'Deltagare' }).fill('Laget, enhetschefen och två medarbetare');
	await page.getByRole('textbox', { name: 'Iakttagelser' }).fill('Besöket bekräftade redovisningen.');
	await saved(page);
	await expectAccessible(page);

	await page.locator('summary', { hasText: 'Markera konsensus som klar' }).click();
	await page.getByRole('button', { name: 'Markera konsensus som klar' }).click();
	await expect(page.getByText('Konsensus är markerad som klar.')).toBeVisible();
	// One notice says so, not two.
	await expect(page.getByText('Konsensus är klar.')).toHaveCount(0);
	await expect(page.getByText('Besöket bekräftade redovisningen.')).toBeVisible();
	await expect(page.getByText('Ja, som finalist')).toBeVisible();
	await expectAccessible(page);
});

test('the admin follows the progress and sees the consensus done', async ({ page }) => {
	await signIn(page, 'admin@demo.test');
	await page.goto('/admin');
	await page.getByRole('link', { name: 'Bedömningar' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Bedömningar' })).toBeVisible();
	await expectAccessible(page);
	const row = page.getByRole('row', { name: new RegExp(UNIT) });
	await expect(row.getByText('Klar')).toBeVisible();
	await expect(row.getByText('Inlämnad')).toHaveCount(2);
	await row.getByRole('link', { name: `Detaljer för ${UNIT}` }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Bedömningar av ${UNIT}` })).toBeVisible();
	await expectAccessible(page);
});
