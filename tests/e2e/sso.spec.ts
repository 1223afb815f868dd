import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, PASSWORD, signIn } from './helpers';

/** The demo year with single sign-on, on its own server; the local provider runs beside it (playwright.config.ts). */
const BASE = 'http://localhost:4211';
const PROVIDER = 'http://127.0.0.1:4212';
test.use({ baseURL: BASE });
// The journeys bind people as they go, so they run in order on one server.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

/** From the tool's sign-in page to the provider's form, filled in as `login`. */
async function signOnAs(page: Page, login: string): Promise<void> {
	await page.goto('/login');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Logga in med ditt stadskonto' }).click();
	await expect(page).toHaveURL(new RegExp(`^${PROVIDER}/interaction/`));
	await expectAccessible(page);
	await page.getByLabel('Användarnamn').fill(login);
	await page.getByLabel('Lösenord').fill(PASSWORD);
	await page.getByRole('button', { name: 'Logga in' }).click();
}

/** Signs out of the tool and, after confirming there, of the provider. */
async function signOutOfBoth(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Logga ut' }).click();
	await expect(page.getByRole('heading', { name: 'Logga ut från stadskontot?' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Ja, logga ut' }).click();
	await expect(page).toHaveURL(`${BASE}/login`);
	await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
}

async function expectRefused(page: Page, text: string | RegExp): Promise<void> {
	await expect(page.getByRole('heading', { name: 'Inloggningen med stadskontot gick inte' })).toBeVisible();
	await expect(page.getByRole('alert')).toContainText(text);
	await expect(page.getByRole('alert')).toContainText(/Referens: [0-9A-F]{8}\./);
	await expect(page.getByRole('button', { name: 'Logga ut' })).toHaveCount(0);
	await expectAccessible(page);
}

test('the sign-in page offers the city account first, and the password form still works', async ({ page }) => {
	await page.goto('/login');
	const signOn = page.getByRole('link', { name: 'Logga in med ditt stadskonto' });
	const passwordHeading = page.getByRole('heading', { name: 'Logga in med e-postadress och lösenord' });
	await expect(signOn).toBeVisible();
	expect((await signOn.boundingBox())!.y).toBeLessThan((await passwordHeading.boundingBox())!.y);
	await expectAccessible(page);
	await page.getByLabel('E-postadress').fill('admin@demo.test');
	await page.getByLabel('Lösenord').fill(PASSWORD);
	await page.getByRole('button', { name: 'Logga in', exact: true }).click();
	await expect(page).toHaveURL('/admin');
});

test('an examiner binds their city account at the first sign-in and lands on their home', async ({ page }) => {
	await signOnAs(page, 'examinator2');
	await expect(page).toHaveURL(`${BASE}/examiner`);
	await expect(page.getByRole('heading', { level: 1, name: 'Mina bedömningar' })).toBeVisible();
	await expectAccessible(page);
});

test('signing out ends the tool’s session and the provider’s: the next sign-in asks again', async ({ page }) => {
	await signOnAs(page, 'examinator2');
	await expect(page).toHaveURL(`${BASE}/examiner`);
	await signOutOfBoth(page);
	await page.goto('/examiner');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fexaminer/);
	await page.getByRole('link', { name: 'Logga in med ditt stadskonto' }).click();
	await expect(page.getByLabel('Användarnamn')).toBeVisible();
});

test('an unknown person is refused and told whom to contact', async ({ page }) => {
	await signOnAs(page, 'okand');
	await expectRefused(page, 'Kontakta kvalitetssamordnaren på stadsledningskontoret och be att få en användare med adressen okand.person@stockholm.se.');
	await page.goto('/');
	await expect(page).toHaveURL(/\/login/);
});

test('a bound person whose address changed at the provider still signs in as themselves', async ({ page }) => {
	await signOnAs(page, 'jury1');
	await expect(page).toHaveURL(`${BASE}/jury`);
	await expect(page.getByText('Inloggad som Anders Hellström')).toBeVisible();
	await signOutOfBoth(page);
	await signOnAs(page, 'jury1-ny-adress');
	await expect(page).toHaveURL(`${BASE}/jury`);
	await expect(page.getByText('Inloggad som Anders Hellström')).toBeVisible();
});

test('a provider account made with the chair’s address gets nothing once the chair is bound', async ({ page }) => {
	await signOnAs(page, 'ordforande');
	await expect(page).toHaveURL(`${BASE}/jury`);
	await expect(page.getByText('Inloggad som Malin Ekström')).toBeVisible();
	await signOutOfBoth(page);
	await signOnAs(page, 'falsk-ordforande');
	await expectRefused(page, 'Ditt stadskonto hör inte till någon användare i Utmärkelse.');
	await expect(page.getByText('Malin Ekström')).toHaveCount(0);
	const jury = await page.goto('/jury/decisions');
	expect(jury?.url()).toMatch(/\/login\?redirectTo=/);
});

/**
 * The provider's address that /login/sso sends the browser to, asked for without following it;
 * the state cookie it sets lands in the page's browser all the same.
 */
async function authorizationUrl(page: Page): Promise<URL> {
	const response = await page.request.get('/login/sso', { maxRedirects: 0 });
	return new URL(response.headers()['location']);
}

// Playwright's routes do not see requests that a redirect made, and the whole exchange is
// redirects: so these journeys take the addresses in hand and change them before the browser goes on.
test('a nonce changed on the way to the provider is refused', async ({ page }) => {
	const authorization = await authorizationUrl(page);
	authorization.searchParams.set('nonce', 'changed-on-the-way');
	await page.goto(authorization.href);
	await expectAccessible(page);
	await page.getByLabel('Användarnamn').fill('examinator2');
	await page.getByLabel('Lösenord').fill(PASSWORD);
	await page.getByRole('button', { name: 'Logga in' }).click();
	await expectRefused(page, 'Svaret från stadens inloggningstjänst kunde inte godtas.');
});

test('a state changed on the way back is refused', async ({ page, context }) => {
	// Signed in at the provider, the next sign-on comes straight back with the provider's answer.
	await signOnAs(page, 'examinator2');
	await expect(page).toHaveURL(`${BASE}/examiner`);
	await context.clearCookies({ name: 'session' });
	let next = (await authorizationUrl(page)).href;
	while (!next.startsWith(BASE)) {
		const response = await page.request.get(next, { maxRedirects: 0 });
		next = new URL(response.headers()['location'], next).href;
	}
	const answer = new URL(next);
	expect(answer.pathname).toBe('/login/sso/callback');
	answer.searchParams.set('state', 'changed-on-the-way');
	await page.goto(answer.href);
	await expectRefused(page, 'Svaret från stadens inloggningstjänst kunde inte godtas.');
});

test('the admin sees who has bound a city account and requires it for an examiner, whose password then fails', async ({ page, browser }) => {
	await signIn(page, 'admin@demo.test');
	await page.goto('/admin/sign-in');
	await expect(page.getByRole('heading', { level: 1, name: 'Inloggning med stadskonto' })).toBeVisible();
	const row = page.getByRole('row', { name: /Björn Sandberg/ });
	await expect(row).toContainText('Kopplat');
	await expect(page.getByRole('row', { name: /Anders Hellström/ })).toContainText('Kopplat');
	await expect(page.getByRole('row', { name: /jury2@demo\.test/ })).toContainText('Inte kopplat');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Kräv stadskonto för Björn Sandberg' }).click();
	await expect(page.getByRole('status')).toHaveText('Björn Sandberg loggar nu bara in med stadskontot och har loggats ut överallt.');
	await expect(row).toContainText('Endast stadskonto');
	await expectAccessible(page);

	const examiner = await (await browser.newContext({ baseURL: BASE })).newPage();
	await examiner.goto('/login');
	await examiner.getByLabel('E-postadress').fill('examinator2@demo.test');
	await examiner.getByLabel('Lösenord').fill(PASSWORD);
	await examiner.getByRole('button', { name: 'Logga in', exact: true }).click();
	await expect(examiner.getByRole('alert')).toHaveText('Fel e-postadress eller lösenord. Kontrollera och försök igen.');
	await signOnAs(examiner, 'examinator2');
	await expect(examiner).toHaveURL(`${BASE}/examiner`);
});
