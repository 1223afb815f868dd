import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

/**
 * Every page each role can reach, on a phone held upright (390×844): the page itself must never
 * scroll sideways (a wide table scrolls inside its own labelled region), and axe finds nothing.
 * Reads only: on the read-only demo servers of playwright.config.ts, and on the registration
 * demos whose journeys change data (4175, 4223) without changing anything there.
 */
const ASSESSMENT = 'http://localhost:4173';
const REGISTRATION = 'http://localhost:4175';
const ACCOUNTS = 'http://localhost:4223';
const JURY = 'http://localhost:4176';

/**
 * `start`: pages visited first, so that the page limit never leaves them out; `reaches`: kinds of
 * page (`kindOf`) the crawl must have visited, so a page that drops out of reach fails the test.
 */
const visits: { role: string; base: string; email: string; start?: string[]; reaches?: string[] }[] = [
	{ role: 'the award office', base: ASSESSMENT, email: 'admin@demo.test' },
	{ role: 'an examiner', base: ASSESSMENT, email: 'examinator2@demo.test' },
	{ role: 'a lead', base: ASSESSMENT, email: 'examinator1@demo.test' },
	{ role: 'a unit contact', base: ASSESSMENT, email: 'enhet1@demo.test' },
	{ role: 'a unit contact writing the account', base: ACCOUNTS, email: 'enhet1@demo.test', reaches: ['/unit/entries/:id/account'] },
	{ role: 'a coordinator', base: REGISTRATION, email: 'samordnare1@demo.test', reaches: ['/coordinator', '/coordinator/minutes', '/registrations/:id'] },
	{
		role: 'the award office in the registration phase',
		base: REGISTRATION,
		email: 'admin@demo.test',
		// The people page lists people only for a search.
		start: ['/admin/cycles', '/admin/registrations', '/admin/retention', '/admin/people?q=enhet'],
		reaches: ['/admin/registrations', '/admin/retention', '/admin/people', '/admin/people/:id', '/admin/cycles/:id']
	},
	{ role: 'a juror', base: JURY, email: 'jury1@demo.test' },
	{ role: 'the chair', base: JURY, email: 'ordforande@demo.test' },
	{ role: 'a lead in the jury phase', base: JURY, email: 'examinator1@demo.test' },
	{ role: 'the award office in the jury phase', base: JURY, email: 'admin@demo.test' }
];

/** Enough for every kind of page a role has; one page stands for all pages of its kind. */
const MAX_PAGES = 45;
/** Files, not pages: the written accounts, PDFs, exports and a person's extract. */
const FILE = /\.(pdf|csv|xlsx|json)$|\/pdf$|^\/entries\/\d+\/account$|\/template\//;
const LEAVES = /^\/(logout|login)/;

/** `/admin/units/12` and `/admin/units/13` are the same kind of page. */
const kindOf = (url: URL) => url.pathname.replace(/\/\d+(?=\/|$)/g, '/:id');

async function linksOn(page: Page, origin: string): Promise<URL[]> {
	const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
	return hrefs
		.map((href) => new URL(href))
		.filter((url) => url.origin === origin && !FILE.test(url.pathname) && !LEAVES.test(url.pathname) && !url.searchParams.has('download'));
}

/** How wide the page is when wider than the window, and the outermost elements outside any scrolling box that stick out. */
async function overflowOf(page: Page) {
	return page.evaluate(() => {
		const width = window.innerWidth;
		const scrollWidth = document.documentElement.scrollWidth;
		if (scrollWidth <= width) return null;
		const scrollsInside = (el: Element) => {
			for (let up = el.parentElement; up; up = up.parentElement) if (getComputedStyle(up).overflowX !== 'visible') return true;
			return false;
		};
		const culprits = [...document.body.querySelectorAll('*')]
			.filter((el) => el.getBoundingClientRect().right > width + 1 && !scrollsInside(el))
			.filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= width + 1)
			.slice(0, 4)
			.map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className ? '.' + String(el.className).split(' ')[0] : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`);
		return { scrollWidth, culprits };
	});
}

test.use({ viewport: { width: 390, height: 844 } });
// Up to 45 pages with axe each, on a busy two-core machine.
test.describe.configure({ timeout: 600_000 });

for (const visit of visits) test.describe(visit.role, () => {
	test.use({ baseURL: visit.base });
	test(`every page ${visit.email} reaches fits 390 px and passes axe`, async ({ page }) => {
		await signIn(page, visit.email);

		const origin = new URL(visit.base).origin;
		const queue = [...(visit.start ?? []), '/'].map((path) => new URL(path, visit.base));
		const seen = new Set<string>();
		const problems: string[] = [];
		let visited = 0;
		while (queue.length > 0 && visited < MAX_PAGES) {
			const url = queue.shift()!;
			if (seen.has(kindOf(url))) continue;
			seen.add(kindOf(url));
			const response = await page.goto(url.href);
			if (!response?.headers()['content-type']?.startsWith('text/html')) continue;
			visited++;
			const path = url.pathname + url.search;
			if (response.status() >= 400) problems.push(`${path}: HTTP ${response.status()}`);
			const overflow = await overflowOf(page);
			if (overflow) problems.push(`${path}: ${overflow.scrollWidth} px wide (${overflow.culprits.join(', ')})`);
			const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
			for (const v of axe.violations) problems.push(`${path}: axe ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
			queue.push(...(await linksOn(page, origin)));
		}
		expect(visited, 'pages visited').toBeGreaterThan(2);
		expect(visit.reaches?.filter((kind) => !seen.has(kind)) ?? [], 'kinds of page the crawl missed').toEqual([]);
		expect(problems, `pages that do not fit 390 px or fail axe, for ${visit.email}`).toEqual([]);
	});
});
