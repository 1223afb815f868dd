import { expect, test, type Page } from '@playwright/test';
import { demoCalendarToday, expectAccessible, signIn } from './helpers';
import { formatDaySv } from '../../src/lib/domain/dates';

// This journey creates a cycle and moves the demo's year on, so it runs against its own demo server
// (see playwright.config.ts) and leaves the other journeys' year untouched.
test.use({ baseURL: 'http://localhost:4193' });

async function visit(page: Page, path: string) {
	await page.goto(path);
	await expectAccessible(page);
}

const demo = demoCalendarToday('assessment');
const year = demo.year;
const next = year + 1;

test('the award office opens next year from this year’s model, checks eligibility and moves this year on', async ({ page }) => {
	// A long journey with axe on every page; the default minute is too short on a busy machine.
	test.setTimeout(240_000);
	await signIn(page, 'admin@demo.test');

	// The list of cycles, and a new cycle that copies this year's model.
	await visit(page, '/admin/cycles');
	await expect(page.getByRole('heading', { level: 1, name: 'Omgångar' })).toBeVisible();
	await expect(page.getByRole('table', { name: 'Alla omgångar, den senaste först' }).getByRole('row')).toHaveCount(3);
	await page.getByRole('link', { name: 'Skapa ny omgång' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Ny omgång' })).toBeVisible();
	await expectAccessible(page);
	await expect(page.getByLabel('År')).toHaveValue(String(next));
	await expect(page.getByLabel('Bedömningsmodell och tävlingsklasser')).toHaveValue(/\d+/);
	await expect(page.getByLabel('Bedömningsmodell och tävlingsklasser').locator('option:checked')).toHaveText(
		`Kopiera från Kvalitetsutmärkelsen ${year}`
	);
	await page.getByLabel('Sista dag för skriftlig redovisning').fill(`${next}-05-17`);
	await page.getByLabel('Prisutdelning', { exact: true }).fill(`${next}-11-23`);
	await page.getByRole('button', { name: 'Skapa omgången' }).click();

	await expect(page.getByRole('heading', { level: 1, name: `Kvalitetsutmärkelsen ${next}` })).toBeVisible();
	// The cycle page has two live regions: the page's notice and the archive package's progress.
	await expect(page.locator('.notice[role="status"]')).toHaveText(`Kvalitetsutmärkelsen ${next} är skapad.`);
	await expect(page.getByText('Allt som krävs för nästa fas är klart.')).toBeVisible();
	await expectAccessible(page);
	const newCycleUrl = page.url().replace(/\?.*$/, '');

	// The copied model: the five classes and the seven criteria of this year, still editable.
	await page.getByRole('link', { name: 'Tävlingsklasser och bedömningsmodell' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Tävlingsklasser och bedömningsmodell' })).toBeVisible();
	const criteria = page.getByRole('table', { name: 'Bedömningsgrunder' });
	await expect(criteria.getByRole('row')).toHaveCount(8);
	for (const title of ['Stockholmarnas synpunkter och dialog', 'Ledarskap', 'Jämställdhet']) {
		await expect(criteria.getByRole('rowheader', { name: title, exact: true })).toBeVisible();
	}
	await expect(page.getByRole('table', { name: 'Tävlingsklasser i ordning' }).getByRole('row')).toHaveCount(6);
	await page.getByText('Ändra Ledarskap').click();
	await expect(page.locator('details[open]').getByLabel('Vikt')).toHaveValue('15');
	await expectAccessible(page);

	// A date out of order is refused at its field, and nothing is saved.
	await page.goto(newCycleUrl);
	await page.getByRole('link', { name: 'Ändra inställningar och datum' }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Ändra Kvalitetsutmärkelsen ${next}` })).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Återkoppling', { exact: true }).fill(`${next}-11-01`);
	await page.getByRole('button', { name: 'Spara ändringarna' }).click();
	const message = `Kan inte vara före prisutdelning (23 november ${next}).`;
	await expect(page.getByText(message)).toBeVisible();
	await expect(page.getByLabel('Återkoppling', { exact: true })).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Återkoppling', { exact: true })).toHaveAccessibleDescription(message);
	await expectAccessible(page);
	await page.getByLabel('Återkoppling', { exact: true }).fill(`${next}-12-09`);
	await page.getByRole('button', { name: 'Spara ändringarna' }).click();
	await expect(page.getByRole('status')).toHaveText('Ändringarna är sparade.');

	// Eligibility of the current cycle: this year's, which the new year in preparation does not replace.
	await visit(page, '/admin/eligibility');
	await expect(page.getByText('12 av 16 bidrag är godkända för bedömning.')).toBeVisible();
	await page.getByLabel('Visa bara bidrag med problem').check();
	await page.getByRole('button', { name: 'Visa' }).click();
	await expect(page).toHaveURL(/problems=1/);
	const list = page.getByRole('list', { name: new RegExp(`Behörighet för bidragen i Kvalitetsutmärkelsen ${year}`) });
	await expect(list).toBeVisible();
	await expectAccessible(page);
	// Each entry's verdict comes first, with what fails in words; the rules' detail is one click away.
	const hvilan = list.getByRole('article', { name: 'Hvilan' });
	await expect(hvilan.locator('.verdict')).toHaveText('✗ Bedöms inte');
	await expect(hvilan.locator('.problems').getByText(`Den skriftliga redovisningen kom in ${formatDaySv(demo.day.lateAccountReceived)}, efter sista dag ${formatDaySv(demo.day.accountDeadline)}.`)).toBeVisible();
	await expect(hvilan.getByRole('table')).toBeHidden();
	await hvilan.getByText('Alla regler').click();
	await expect(hvilan.getByRole('table').getByText('Inte uppfyllt')).toHaveCount(1);
	await expect(list.getByRole('article', { name: /Sjöstadsskolan/ })).toContainText('Kan inte tilldelas priset');
	await expectAccessible(page);

	// The override needs a reason; with one, Hvilan is admitted.
	await hvilan.getByText('Godkänn ändå').click();
	const admit = hvilan.getByRole('button', { name: /^Godkänn för bedömning\s*: Hvilan$/ });
	await admit.click();
	await expect(hvilan.getByText('Skriv ett skäl till att bidraget godkänns trots att det inte uppfyller reglerna.')).toBeVisible();
	await expectAccessible(page);
	await hvilan.getByLabel('Skäl', { exact: true }).fill('Redovisningen skickades i tid men fastnade i stadens e-postfilter.');
	await admit.click();
	await expect(page.getByRole('status')).toHaveText('Hvilan är godkänt för bedömning.');
	await expect(hvilan.locator('.verdict')).toHaveText('✓ Godkänt för bedömning trots brister');
	await expect(hvilan).toContainText('fastnade i stadens e-postfilter');
	await expect(page.getByText('13 av 16 bidrag är godkända för bedömning.')).toBeVisible();
	await expectAccessible(page);

	// This year moves on to consensus: refused while assessments are missing, then overridden with a reason.
	await visit(page, '/admin/cycles');
	await page.getByRole('link', { name: `Kvalitetsutmärkelsen ${year}` }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Kvalitetsutmärkelsen ${year}` })).toBeVisible();
	await expectAccessible(page);
	const missing = page.locator('#missing-list li');
	await expect(missing.nth(1)).toContainText('inte inlämnad');
	await expect(page.locator('#missing-list')).toContainText('saknar ett publicerat examinatorslag: Hvilan.');
	// The list guarantees a refusal, so the plain button is not offered, and says why.
	const advance = page.getByRole('button', { name: 'Gå vidare till konsensus och platsbesök', exact: true });
	await expect(advance).toBeDisabled();
	await expect(advance).toHaveAccessibleDescription(/^Knappen går att använda när allt i listan är klart\./);
	await expect(missing).toHaveCount(13);
	await expectAccessible(page);

	const override = page.getByRole('button', { name: 'Gå vidare till konsensus och platsbesök ändå' });
	await override.click();
	await expect(page.getByText('Skriv ett skäl till att fasen ändras trots det som saknas.')).toBeVisible();
	await page.getByLabel('Skäl').fill('Lagen har fått förlängt; de sista bedömningarna lämnas in under konsensusveckan.');
	await override.click();
	await expect(page.locator('.notice[role="status"]')).toHaveText('Omgången är nu i fasen konsensus och platsbesök.');
	await expect(page.locator('dl.facts').first()).toContainText('Konsensus och platsbesök');
	await expectAccessible(page);

	// This year is past assessment: its model is shown read-only.
	await page.getByRole('link', { name: 'Tävlingsklasser och bedömningsmodell' }).click();
	await expect(page.getByRole('note')).toContainText('Bedömningsmodellen är låst');
	await expect(page.getByRole('button', { name: /Spara|Lägg till|Ta bort/ })).toHaveCount(0);
	await page.getByText('Resultat och måluppfyllelse', { exact: false }).last().click();
	await expect(page.getByText('Utmärkta, uthålliga nivåer och trender; en förebild i jämförelse.')).toBeVisible();
	await expectAccessible(page);

	// The overview counts the admitted entries with the same rule.
	await visit(page, '/admin');
	await expect(page.getByRole('listitem').filter({ hasText: 'Godkända för bedömning' })).toContainText('13');
});
