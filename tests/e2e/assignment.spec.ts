import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible, signIn, signOut } from './helpers';

/** The demo year in registration, with examiners and entries but no teams, on its own server (playwright.config.ts). */
const BASE = 'http://localhost:4175';
test.use({ baseURL: BASE });
test.describe.configure({ mode: 'serial' });

const EXAMINER = 'examinator1@demo.test';
const NAME = 'Anna Lindqvist';
/** Without her declaration the proposal would give Anna this entry. */
const CONFLICTED = 'Förskolan Ekorren';
/** The entries the admin's page shows on Anna's teams when they are published. */
let annasEntries: string[] = [];

const teamsOf = (page: Page, name: string) => page.locator('section.team').filter({ has: page.getByRole('rowheader', { name }) });
const entriesOf = async (teams: Locator) => (await teams.locator('ul.entries .unit').allInnerTexts()).sort();

test('the proposal on the untouched demo pool is the best plan the rules allow, and says so', async ({ page }) => {
	// The proposal is solved exactly, one preference at a time: seconds, not milliseconds.
	test.setTimeout(180_000);
	await signIn(page, 'admin@demo.test');
	await page.goto('/admin/assignment');
	await expect(page.getByText('Det finns inga lag ännu. Kör ett förslag.')).toBeVisible();
	await page.getByRole('button', { name: 'Kör förslag' }).click();
	// The solve runs off the server's request thread: the page says so in its live region, and stays usable.
	const running = page.getByRole('status').filter({ hasText: 'Förslaget tas fram.' });
	await expect(running).toBeVisible();
	await expect(running.getByRole('progressbar', { name: 'Förslaget tas fram' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Kör förslag' })).toBeDisabled();
	await expectAccessible(page);
	await expect(page.getByRole('status').filter({ hasText: 'Förslaget är klart' })).toHaveText('Förslaget är klart: 6 lag för 12 av 12 bidrag.', { timeout: 120_000 });
	await expect(running).toHaveCount(0);
	const quality = page.getByRole('region', { name: 'Hur bra är planen?' });
	await expect(quality.getByText('Bästa möjliga plan enligt reglerna.')).toBeVisible();

	// Six teams of three, two entries each, and not one rule broken or preference bent.
	const teams = page.locator('section.team');
	await expect(teams).toHaveCount(6);
	for (const team of await teams.all()) {
		await expect(team.locator('tbody tr')).toHaveCount(3);
		await expect(team.locator('ul.entries li')).toHaveCount(2);
		await expect(team.getByText('Inga regler bryts.')).toBeVisible();
	}
	await expect(page.getByText('Varning:')).toHaveCount(0);
	await expect(page.getByText('Fel:')).toHaveCount(0);
	await expectAccessible(page);

	// Discarded again, so that the journeys below start from a year without teams.
	await page.getByRole('button', { name: 'Släng förslaget' }).click();
	await expect(page.getByRole('status')).toHaveText('Förslaget är borttaget.');
	await expect(page.getByText('Det finns inga lag ännu. Kör ett förslag.')).toBeVisible();
	await signOut(page);
});

test('an examiner declares a conflict of interest before the teams are set', async ({ page }) => {
	await signIn(page, EXAMINER);
	await page.goto('/examiner');
	await expect(page.getByText('Du har inga tilldelade bidrag ännu.')).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Anmäl jäv mot ett bidrag' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Anmäl jäv' })).toBeVisible();
	await expectAccessible(page);
	const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: CONFLICTED }) });
	await row.locator('summary').click();
	await row.getByLabel('Skäl').selectOption({ label: 'Släkting eller närstående' });
	await row.getByLabel('Kommentar').fill('Min syster är chef på förskolan.');
	await row.getByRole('button', { name: `Anmäl jäv mot ${CONFLICTED}` }).click();
	await expect(page.getByRole('status')).toHaveText(`Jäv mot ${CONFLICTED} är anmält.`);
	await expect(row.getByText('Jäv anmält: Släkting eller närstående')).toBeVisible();
	await expect(row.getByRole('button', { name: `Ta tillbaka jävsanmälan mot ${CONFLICTED}` })).toBeVisible();
	await expectAccessible(page);
	await signOut(page);
});

test('the admin runs a proposal, edits it with the rules shown live, and publishes it', async ({ page }) => {
	test.setTimeout(180_000);
	await signIn(page, 'admin@demo.test');
	await page.goto('/admin');
	await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Examinatorer' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Examinatorer' })).toBeVisible();
	await expect(page.getByText('18 examinatorer, varav 6 kan vara utvärderingsledare. Sammanlagd kapacitet: 36 bidrag.')).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: NAME }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Examinator: ${NAME}` })).toBeVisible();
	const declared = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: CONFLICTED }) });
	await expect(declared.getByText('Jäv anmält: Släkting eller närstående')).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Lag' }).click();
	await expect(page.getByText('Det finns inga lag ännu. Kör ett förslag.')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Kör förslag' }).click();
	// With warnings the proposal is not called ready: the notice says what to do about them.
	await expect(page.getByRole('status').filter({ hasText: 'Förslaget är gjort men inte klart' })).toContainText(
		/^Förslaget är gjort men inte klart: \d+ lag för 12 av 12 bidrag, med \d+ varninga?r?\. Läs varningarna vid lagen nedan/,
		{ timeout: 120_000 }
	);
	await expect(page.getByRole('status').filter({ hasText: 'Förslaget är klart' })).toHaveCount(0);
	await expect(page.getByText('Förslaget är inte publicerat. Examinatorerna ser det inte.')).toBeVisible();
	// Anna's conflict leaves every plan with a member outside their class (proven): the page says how
	// good the plan is, and the warning says what a person could do about it.
	await expect(page.getByRole('region', { name: 'Hur bra är planen?' })).toBeVisible();
	await expect(page.getByText('Byt hen mot en examinator med klassen som expertis som har plats kvar.', { exact: false }).first()).toBeVisible();
	await expectAccessible(page);

	// The conflicted entry is on none of Anna's teams.
	const anna = teamsOf(page, NAME);
	await expect(anna.first()).toBeVisible();
	expect(await entriesOf(anna)).not.toContain(CONFLICTED);

	const team = anna.first();
	await team.locator('summary').click();
	// A member who can neither lead nor already leads: no badge and no "kan leda" in the role column.
	const plain = team.getByRole('row').filter({ has: page.getByRole('rowheader') }).filter({ hasNotText: /Utvärderingsledare|kan leda/ });
	const member = (await plain.first().getByRole('rowheader').innerText()).trim();

	// Making them lead breaks a rule that may never be broken: shown before sending, and not sendable.
	const lead = team.getByRole('group', { name: 'Byt utvärderingsledare' });
	await lead.getByLabel('Ny utvärderingsledare').selectOption({ label: member });
	await expect(lead.getByText(`Fel: ${member} kan inte vara utvärderingsledare.`)).toBeVisible();
	await expect(lead.getByText('Ändringen är inte tillåten och sparas inte.')).toBeVisible();
	await expect(lead.getByRole('button', { name: 'Gör till utvärderingsledare' })).toBeDisabled();

	// Taking them off the team leaves it short: allowed, shown, and it blocks publishing.
	const remove = team.getByRole('group', { name: 'Ta bort en medlem' });
	await remove.getByLabel('Medlem').selectOption({ label: member });
	await expect(remove.getByText(/laget har 2 medlemmar men ska ha 3\. Lägg till en examinator\./).first()).toBeVisible();
	await remove.getByRole('button', { name: 'Ta bort' }).click();
	await expect(team.getByRole('status')).toContainText('Ändringen är sparad. Den bryter mot:');
	await expect(team.getByRole('rowheader', { name: member })).toHaveCount(0);
	await expect(page.getByText('Lagen kan inte publiceras förrän alla fel är rättade.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Publicera lagen' })).toBeDisabled();
	await expectAccessible(page);

	// Putting them back makes the plan whole again.
	const add = team.getByRole('group', { name: 'Lägg till en examinator' });
	const choice = await add.locator('option', { hasText: member }).getAttribute('value');
	await add.getByLabel('Examinator').selectOption(choice!);
	await expect(add.getByText('Ändringen är inte tillåten')).toHaveCount(0);
	await add.getByRole('button', { name: 'Lägg till' }).click();
	await expect(team.getByRole('rowheader', { name: member })).toBeVisible();
	await expect(page.getByText('Lagen kan inte publiceras förrän alla fel är rättade.')).toHaveCount(0);

	annasEntries = await entriesOf(teamsOf(page, NAME));
	expect(annasEntries.length).toBeGreaterThan(0);
	expect(annasEntries).not.toContain(CONFLICTED);
	await page.getByRole('button', { name: 'Publicera lagen' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'publicerade' })).toHaveText(/^\d+ lag är publicerade\.$/);
	await expect(page.getByRole('heading', { name: 'Återkalla publiceringen' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Publicera lagen' })).toHaveCount(0);
	await expectAccessible(page);
	await signOut(page);
});

test('the examiner sees exactly the entries of her teams, and not the conflicted one', async ({ page }) => {
	await signIn(page, EXAMINER);
	await page.goto('/examiner');
	const rows = page.getByRole('table').getByRole('row').filter({ has: page.getByRole('cell') });
	await expect(rows).toHaveCount(annasEntries.length);
	// The first cell names the entry (and may link on to its work).
	const shown = await rows.locator('td:first-child').allInnerTexts();
	for (const unit of annasEntries) expect(shown.filter((cell) => cell.startsWith(unit))).toHaveLength(1);
	await expect(page.getByText(CONFLICTED)).toHaveCount(0);
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Anmäl jäv mot ett bidrag' }).click();
	await expect(page.getByText('Lagen är publicerade.', { exact: false })).toBeVisible();
	const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: CONFLICTED }) });
	await expect(row.getByText('Jäv anmält: Släkting eller närstående')).toBeVisible();
	await expect(row.getByRole('button', { name: /Ta tillbaka/ })).toHaveCount(0);
	await expectAccessible(page);
	await signOut(page);
});
