import { startSignIn } from '../sso/flow';

/**
 * Just enough of a browser to walk the local provider's pages from a test: it keeps cookies per
 * host, follows redirects one at a time and stops when the answer heads back to the tool.
 */
export class TestBrowser {
	private jar = new Map<string, Map<string, string>>();

	constructor(private toolOrigin: string) {}

	async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
		const target = new URL(url);
		const cookies = [...(this.jar.get(target.host) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');
		const response = await fetch(target, {
			method: init.method ?? 'GET',
			redirect: 'manual',
			headers: { ...(cookies ? { cookie: cookies } : {}), ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
			body: init.form ? new URLSearchParams(init.form).toString() : undefined
		});
		const jar = this.jar.get(target.host) ?? new Map<string, string>();
		for (const line of response.headers.getSetCookie()) {
			const [pair, ...attributes] = line.split(';');
			const [name, value] = [pair.slice(0, pair.indexOf('=')).trim(), pair.slice(pair.indexOf('=') + 1).trim()];
			const expired = attributes.some((a) => /expires=.*1970/i.test(a) || /max-age=0\b/i.test(a.trim()));
			if (expired || !value) jar.delete(name);
			else jar.set(name, value);
		}
		this.jar.set(target.host, jar);
		return response;
	}

	/**
	 * Follows redirects from `url` until a page is shown (returned with its address) or the
	 * provider sends the browser back to the tool (returned as `back`).
	 */
	async follow(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<{ back: URL } | { page: string; url: string }> {
		let response = await this.request(url, init);
		let current = url;
		for (let hops = 0; hops < 10; hops++) {
			const location = response.headers.get('location');
			if (!location) return { page: await response.text(), url: current };
			current = new URL(location, current).href;
			if (current.startsWith(this.toolOrigin)) return { back: new URL(current) };
			response = await this.request(current);
		}
		throw new Error('too many redirects');
	}

	/** Fills and submits the provider's sign-in form on a page `follow` returned. */
	async signInAtProvider(page: { page: string; url: string }, login: string, password: string) {
		const action = page.page.match(/<form method="post" action="([^"]+)"/)?.[1];
		if (!action) throw new Error(`no sign-in form on ${page.url}`);
		return this.follow(new URL(action, page.url).href, { method: 'POST', form: { login, password } });
	}
}

/**
 * Starts a sign-on, signs in at the provider as `login` (unless the provider still remembers this
 * browser) and returns the answer the tool gets back, with the state the browser kept.
 */
export async function signOnAt(
	browser: TestBrowser,
	toolOrigin: string,
	login: string,
	password: string,
	options: { returnTo?: string | null; tamperAuthorization?: (url: URL) => void } = {}
): Promise<{ callback: URL; state: string }> {
	const start = await startSignIn(toolOrigin, options.returnTo ?? null, '127.0.0.1');
	if (!start.ok) throw new Error(start.problem);
	options.tamperAuthorization?.(start.url);
	const shown = await browser.follow(start.url.href);
	const answer = 'back' in shown ? shown : await browser.signInAtProvider(shown, login, password);
	if (!('back' in answer)) throw new Error(`the provider showed a page instead of answering: ${answer.page.slice(0, 300)}`);
	return { callback: answer.back, state: start.state };
}
