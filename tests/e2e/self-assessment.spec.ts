/**
 * The unit's own view of each criterion in its written account (docs/unit-side.md#5-self-assessment),
 * on a registration year of its own (port 4241), since it submits the first unit's account: a
 * contact places the unit in a band for two criteria with a reason, finds them kept after a reload,
 * and submits with them on the receipt. What the team sees of it, before and after the consensus,
 * and the report that sets it beside theirs, follow in self-assessment-year.spec.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from './helpers';

const APP = 'http://localhost:4241';

test.describe.configure({ mode: 'serial' });

const REASONS = ['Vi följer upp synpunkterna varje månad och ändrar arbetssätt efter dem.', 'Vi har börjat, men bara i en del av enheten.'];

/** The n:th criterion's part of the form (the introduction comes first). */
const criterion = (page: Page, n: number) => page.locator('form#account section.block').nth(n);

async function allSaved(page: Page) {
	await expect(page.locator('.save-status p')).toHaveAttribute('data-state', 'saved');
	await expect(page.locator('.save-status p')).toHaveText(/Sparat/);
}

test.describe('a unit’s self-assessment', () => {
	test.use({ baseURL: APP });

	test('is made per criterion, kept, submitted and on the receipt', async ({ page }) => {
		await signIn(page, 'enhet1@demo.test');
		await page.goto('/unit');
		await page.getByRole('link', { name: 'Skriftlig redovisning' }).first().click();
		await expect(page.getByRole('heading', { level: 1, name: 'Skriftlig redovisning' })).toBeVisible();
		const first = criterion(page, 1);
		await expect(first.getByRole('group', { name: 'Er egen bedömning (frivillig)' })).toBeVisible();
		await expect(first.getByRole('radio', { name: 'Ingen egen bedömning' })).toBeChecked();
		await expectAccessible(page);

		await first.getByRole('radio', { name: /^Nivå 5 av 6 \(70–85 poäng\)/ }).check();
		await first.getByLabel('Varför, kort (frivilligt)').fill(REASONS[0]);
		await expect(first.getByText(new RegExp(`^${REASONS[0].length} av 1\\s000 tecken$`))).toBeVisible();
		// A reason before a band is saved as it is typed, and so is the rest of the form.
		await criterion(page, 2).getByLabel('Varför, kort (frivilligt)').fill(REASONS[1]);
		await criterion(page, 3).getByLabel(/^Fråga 1: /).fill('Skrivet medan motiveringen väntar på sin nivå.');
		await allSaved(page);
		await expect(criterion(page, 2).getByText('Motiveringen är sparad. Välj en nivå ovanför innan ni lämnar in.')).toBeVisible();

		await page.reload();
		await expect(criterion(page, 1).getByRole('radio', { name: /^Nivå 5 av 6/ })).toBeChecked();
		await expect(criterion(page, 1).getByLabel('Varför, kort (frivilligt)')).toHaveValue(REASONS[0]);
		const second = criterion(page, 2);
		await expect(second.getByRole('radio', { name: 'Ingen egen bedömning' })).toBeChecked();
		await expect(second.getByLabel('Varför, kort (frivilligt)')).toHaveValue(REASONS[1]);
		await expect(criterion(page, 3).getByLabel(/^Fråga 1: /)).toHaveValue('Skrivet medan motiveringen väntar på sin nivå.');

		// The preview shows the account as it would be handed in: no reason without its band.
		await page.getByRole('button', { name: 'Förhandsgranska' }).click();
		await expect(page.locator('.preview').getByText(`Nivå 5 av 6 (70–85 poäng) – ${REASONS[0]}`)).toBeVisible();
		await expect(page.locator('.preview').getByText(REASONS[1])).toHaveCount(0);
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Tillbaka till formuläret' }).click();

		for (const area of await page.locator('form#account textarea').all()) {
			const name = (await area.getAttribute('name')) ?? '';
			if (!name.startsWith('self.') && (await area.inputValue()) === '') await area.fill('Vi arbetar systematiskt med detta.');
		}
		await allSaved(page);
		// Handing in waits for the band, with the message at the reason.
		await page.locator('#submit summary').click();
		await page.locator('#submit').getByRole('button', { name: 'Lämna in redovisningen' }).click();
		await expect(second.getByText('Välj en nivå för er egen bedömning, eller ta bort motiveringen.')).toBeVisible();
		await expect(page.getByRole('alert').filter({ hasText: 'Motivering utan nivå: ' })).toBeVisible();
		await expectAccessible(page);
		await second.getByRole('radio', { name: /^Nivå 2 av 6 \(10–25 poäng\)/ }).check();
		await allSaved(page);
		await expect(second.getByText('Välj en nivå för er egen bedömning')).toHaveCount(0);
		await page.locator('#submit').getByRole('button', { name: 'Lämna in redovisningen' }).click();
		const receipt = page.locator('.receipt');
		await expect(receipt.getByRole('heading', { name: 'Kvitto' })).toBeVisible();
		await expect(receipt.getByText(`Nivå 5 av 6 (70–85 poäng) – ${REASONS[0]}`)).toBeVisible();
		await expect(receipt.getByText(`Nivå 2 av 6 (10–25 poäng) – ${REASONS[1]}`)).toBeVisible();
		await expectAccessible(page);
	});
});
