import { expect, test } from '@playwright/test';
import { demoCalendarToday, expectAccessible, signIn, signOut } from './helpers';

const homes = [
	{ email: 'admin@demo.test', path: '/admin', heading: 'Administration', forbidden: '/jury' },
	{ email: 'examinator1@demo.test', path: '/examiner', heading: 'Mina bedömningar', forbidden: '/admin' },
	{ email: 'examinator2@demo.test', path: '/examiner', heading: 'Mina bedömningar', forbidden: '/unit' },
	{ email: 'jury1@demo.test', path: '/jury', heading: 'Jury', forbidden: '/examiner' },
	{ email: 'ordforande@demo.test', path: '/jury', heading: 'Jury', forbidden: '/admin' },
	{ email: 'enhet1@demo.test', path: '/unit', heading: 'Min enhet', forbidden: '/admin' }
];

test('the app answers for its icons, and opened at 127.0.0.1 signs in at localhost', async ({ page }) => {
	for (const [path, type] of [['/favicon.ico', 'image/vnd.microsoft.icon'], ['/favicon.svg', 'image/svg+xml']]) {
		const icon = await page.request.get(path);
		expect([icon.status(), icon.headers()['content-type']], path).toEqual([200, type]);
	}
	// The server's ORIGIN names localhost: at 127.0.0.1 the page goes there before its form is used.
	await page.goto('http://127.0.0.1:4173/login');
	await expect(page).toHaveURL('http://localhost:4173/login');
	await expectAccessible(page);
	await signIn(page, 'jury1@demo.test');
	await expect(page).toHaveURL('/jury');
});

for (const home of homes) {
	test(`${home.email} signs in, sees their home and nothing else, signs out`, async ({ page }) => {
		await signIn(page, home.email);
		await expect(page).toHaveURL(home.path);
		await expect(page.getByRole('heading', { level: 1, name: home.heading })).toBeVisible();
		await expect(page.getByText(`Kvalitetsutmärkelsen ${demoCalendarToday('assessment').year}`).first()).toBeVisible();
		await expect(page.getByText('Att göra nu')).toBeVisible();
		await expectAccessible(page);

		const response = await page.goto(home.forbidden);
		expect(response?.status()).toBe(403);
		await expect(page.getByRole('heading', { name: 'Du har inte tillgång till sidan' })).toBeVisible();
		await expectAccessible(page);

		await page.goto('/');
		await expectAccessible(page);
		await signOut(page);
	});
}

test('a wrong password shows the message and signs no one in', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('E-postadress').fill('admin@demo.test');
	await page.getByLabel('Lösenord').fill('fel-lösenord');
	await page.getByRole('button', { name: 'Logga in' }).click();
	await expect(page.getByRole('alert')).toHaveText('Fel e-postadress eller lösenord. Kontrollera och försök igen.');
	await expect(page.getByLabel('E-postadress')).toHaveValue('admin@demo.test');
	await expectAccessible(page);
});

test('what is typed before the page’s script has arrived is kept when it does', async ({ page }) => {
	let release = () => {};
	const released = new Promise<void>((resolve) => (release = resolve));
	// Only the scripts: a stylesheet held back would hold the page's inline script, and with it the page.
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await released;
		await route.continue();
	});
	await page.goto('/login', { waitUntil: 'domcontentloaded' });
	await page.getByLabel('E-postadress').fill('admin@demo.test');
	release();
	await page.waitForLoadState('networkidle');
	await expect(page.getByLabel('E-postadress')).toHaveValue('admin@demo.test');
	await page.getByLabel('Lösenord').fill('fel-lösenord');
	await page.getByRole('button', { name: 'Logga in' }).click();
	await expect(page.getByRole('alert')).toHaveText('Fel e-postadress eller lösenord. Kontrollera och försök igen.');
	await expect(page.getByLabel('E-postadress')).toHaveValue('admin@demo.test');
});

test('a signed-out visitor is sent to sign in and back to the page afterwards', async ({ page }) => {
	await page.goto('/jury');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fjury/);
	await page.getByLabel('E-postadress').fill('jury2@demo.test');
	await page.getByLabel('Lösenord').fill('demo-2026');
	await page.getByRole('button', { name: 'Logga in' }).click();
	await expect(page).toHaveURL('/jury');
});

test('an unknown page gets the Swedish 404, and the language switch turns the interface English', async ({ page }) => {
	const response = await page.goto('/finns-inte');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'Sidan finns inte' })).toBeVisible();
	await expectAccessible(page);
	await signIn(page, 'examinator1@demo.test');
	await page.getByRole('button', { name: 'Byt språk till engelska' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'My assessments' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Switch language to Swedish' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Mina bedömningar' })).toBeVisible();
});

test('changing the password signs out the other session', async ({ browser }) => {
	const first = await (await browser.newContext()).newPage();
	const second = await (await browser.newContext()).newPage();
	await signIn(first, 'examinator18@demo.test');
	await signIn(second, 'examinator18@demo.test');
	await first.goto('/account');
	await expectAccessible(first);
	await first.getByLabel('Nuvarande lösenord').fill('demo-2026');
	await first.getByLabel('Nytt lösenord', { exact: true }).fill('ett-nytt-lösenord');
	await first.getByLabel('Upprepa nytt lösenord').fill('ett-nytt-lösenord');
	await first.getByRole('button', { name: 'Byt lösenord' }).click();
	await expect(first.getByRole('status')).toContainText('Lösenordet är bytt');
	await second.goto('/examiner');
	await expect(second).toHaveURL(/\/login/);
});

test('the admin sees on the home page that backups fail, and why', async ({ page }) => {
	await signIn(page, 'admin@demo.test');
	const alarm = page.getByRole('alert').filter({ hasText: 'Den senaste säkerhetskopieringen misslyckades' });
	await expect(alarm).toBeVisible();
	await alarm.getByRole('link', { name: 'Om säkerhetskopiorna' }).click();
	await expect(page.getByRole('heading', { name: 'Säkerhetskopior' })).toBeVisible();
	await expect(page.getByText('Ingen ännu')).toBeVisible();
	await expect(page.getByText(/: ENOTDIR: not a directory, mkdir '\/dev\/null\/utmarkelse-backups'/)).toBeVisible();
	await expectAccessible(page);
});

test('pages carry a Content-Security-Policy with a nonce, and a signed-in page is never cached', async ({ page }) => {
	const violations: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
	});
	const login = await page.goto('/login');
	expect(login?.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+'/);
	expect(login?.headers()['content-security-policy']).toContain("object-src 'none'");
	await signIn(page, 'admin@demo.test');
	const home = await page.goto('/admin');
	expect(home?.headers()['cache-control']).toBe('no-store');
	expect(home?.headers()['content-security-policy']).toMatch(/default-src 'self'/);
	// The page's script ran under the policy: the sub-navigation is there and a client-side link works.
	await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Omgångar' }).click();
	await expect(page).toHaveURL('/admin/cycles');
	expect(violations).toEqual([]);
});
