import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { stockholmDay } from '../../src/lib/domain/dates';
import { demoCalendar, type DemoCalendarPhase } from '../../src/lib/domain/demo-calendar';

export const PASSWORD = 'demo-2026';

/**
 * The demo's calendar as the demo servers placed it: around today, the day they were started, and
 * on the day of the award year given by the server's `--stands-on`, if it has one.
 */
export function demoCalendarToday(phase: DemoCalendarPhase, standsOn?: string) {
	return demoCalendar(phase, stockholmDay(new Date()), standsOn);
}

/** Runs axe (WCAG 2.1 A and AA) on the page as it stands and fails on any violation. */
export async function expectAccessible(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Signs in through the form, as a person would, and checks the page that follows. */
export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
	await page.goto('/login');
	await expectAccessible(page);
	await page.getByLabel('E-postadress').fill(email);
	await page.getByLabel('Lösenord').fill(password);
	await page.getByRole('button', { name: 'Logga in' }).click();
	await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
}

/** Waits until chart.js has drawn something on the canvas: any pixel that is not transparent. */
export async function expectDrawn(canvas: Locator): Promise<void> {
	const drawn = () =>
		canvas.evaluate((c: HTMLCanvasElement) => {
			const pixels = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
			for (let alpha = 3; alpha < pixels.length; alpha += 4) if (pixels[alpha] !== 0) return true;
			return false;
		});
	await expect.poll(drawn).toBe(true);
}

export async function signOut(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Logga ut' }).click();
	await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
}
