import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './helpers';

/**
 * What the built app answers to requests it refuses, in the person's language: a form posted from
 * another site (the check SvelteKit would make in English is the app's own), a form posted to an
 * action that does not exist, and an autosave whose document is missing. Nothing here changes data.
 */
const APP = 'http://localhost:4173';
const EVIL = 'http://evil.example';

test('a form posted from another site is refused in Swedish, on an accessible page, and signs no one in', async ({ page, context }) => {
	// A page of another site, served by the test, with a form that posts to the app's sign-in.
	await page.route(`${EVIL}/**`, (route) =>
		route.fulfill({
			contentType: 'text/html',
			body: `<!doctype html><html lang="sv"><title>Annan webbplats</title><main><form method="post" action="${APP}/login">
				<input name="email" value="admin@demo.test"><input name="password" value="demo-2026"><button>Skicka</button></form></main></html>`
		})
	);
	await page.goto(`${EVIL}/`);
	const [response] = await Promise.all([page.waitForResponse(`${APP}/login`), page.getByRole('button', { name: 'Skicka' }).click()]);
	expect(response.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Formuläret skickades från en annan webbplats och togs inte emot. Öppna sidan i Utmärkelse och skicka formuläret därifrån.'
	);
	await expectAccessible(page);
	expect((await context.cookies(APP)).map((c) => c.name)).not.toContain('session');

	// A script of another site asking for JSON gets the same refusal as JSON.
	const json = await page.request.post(`${APP}/login`, { headers: { origin: EVIL, accept: 'application/json' }, form: { email: 'a@b.se', password: 'x' } });
	expect(json.status()).toBe(403);
	expect(await json.json()).toEqual({ message: expect.stringMatching(/^Formuläret skickades från en annan webbplats/) });

	// The same form from the app itself still signs in.
	await signIn(page, 'examinator1@demo.test');
});

test('a form posted to an action that does not exist is answered in Swedish, never with a server error', async ({ page }) => {
	await page.goto('/login');
	const post = (action: string, accept: string) =>
		page.request.post(`/login?/${action}`, { headers: { origin: APP, accept }, form: { email: 'a@b.se', password: 'x' } });

	const html = await post('gammal', 'text/html');
	expect(html.status()).toBe(404);
	expect(await html.text()).toContain('Formuläret hör till en äldre version av sidan och kunde inte tas emot. Ladda om sidan och försök igen.');

	// What use:enhance sends and reads.
	const enhanced = await page.request.post('/login?/gammal', {
		headers: { origin: APP, accept: 'application/json', 'x-sveltekit-action': 'true' },
		form: { email: 'a@b.se' }
	});
	expect(enhanced.status()).toBe(404);
	expect(await enhanced.json()).toMatchObject({ type: 'error', error: { message: 'Formuläret hör till en äldre version av sidan och kunde inte tas emot. Ladda om sidan och försök igen.' } });

	for (const name of ['constructor', '__proto__', 'toString', 'valueOf', 'default']) {
		const answer = await post(name, 'application/json');
		expect(answer.status(), name).toBe(404);
		expect((await answer.json()).message, name).toMatch(/^Formuläret hör till en äldre version av sidan/);
	}

	// A page of the app whose form names an action it no longer has: the browser shows the app's error page.
	await page.evaluate(() => {
		const form = document.createElement('form');
		form.method = 'post';
		form.action = '/login?/gammal';
		document.body.append(form);
		form.submit();
	});
	await expect(page.getByRole('heading', { level: 1, name: 'Något var fel i det du skickade' })).toBeVisible();
	await expect(page.locator('p.lead')).toHaveText('Formuläret hör till en äldre version av sidan och kunde inte tas emot. Ladda om sidan och försök igen.');
	await expectAccessible(page);
});

test('an autosave without its document is answered in the language the person chose', async ({ page }) => {
	await signIn(page, 'examinator12@demo.test');
	await page.getByRole('link', { name: 'Tillfälliga boenden', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Bedömning av Tillfälliga boenden' })).toBeVisible();
	const save = `${new URL(page.url()).pathname}/save`;

	const swedish = await page.request.post(save, { data: { baseVersion: 0 } });
	expect(swedish.status()).toBe(400);
	expect((await swedish.json()).message).toBe('Uppgifter saknas. Ladda om sidan och försök igen.');

	await page.getByRole('button', { name: 'Byt språk till engelska' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	const english = await page.request.post(save, { data: { baseVersion: 0 } });
	expect(english.status()).toBe(400);
	expect((await english.json()).message).toBe('Something is missing. Reload the page and try again.');
	await page.getByRole('button', { name: 'Switch language to Swedish' }).click();
});
