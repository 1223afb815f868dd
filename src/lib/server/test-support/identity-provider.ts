/**
 * A real OpenID provider on this machine (`oidc-provider`, the certified one for Node), standing in
 * for the city's: the integration tests start it in their own process, `npm run demo -- --sso`
 * beside the demo. It has a handful of accounts and its own Swedish sign-in form, which Playwright
 * fills like a person would. Keys are made at start, state is kept in memory: a restart begins
 * afresh, as the demo's database does. Never part of the app.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

export interface LocalAccount {
	/** What is typed in the provider's sign-in form. */
	login: string;
	subject: string;
	email: string;
	emailVerified: boolean;
	name: string;
}

/**
 * The provider's people. Two logins may share a subject: the same person before and after the
 * directory changed their address; the login last used says which address the provider now gives.
 */
export const LOCAL_ACCOUNTS: LocalAccount[] = [
	{ login: 'admin', subject: 'stadskonto-0001', email: 'admin@demo.test', emailVerified: true, name: 'Administratör' },
	{ login: 'examinator2', subject: 'stadskonto-0002', email: 'examinator2@demo.test', emailVerified: true, name: 'Examinator två' },
	{ login: 'jury1', subject: 'stadskonto-0101', email: 'jury1@demo.test', emailVerified: true, name: 'Jurymedlem ett' },
	// The same person as jury1, after the city changed their address.
	{ login: 'jury1-ny-adress', subject: 'stadskonto-0101', email: 'jury1.ny@stockholm.se', emailVerified: true, name: 'Jurymedlem ett' },
	{ login: 'ordforande', subject: 'stadskonto-0100', email: 'ordforande@demo.test', emailVerified: true, name: 'Ordförande' },
	// Someone else who has been given the chair's address: another subject.
	{ login: 'falsk-ordforande', subject: 'stadskonto-0666', email: 'ordforande@demo.test', emailVerified: true, name: 'Inte ordföranden' },
	{ login: 'okand', subject: 'stadskonto-0404', email: 'okand.person@stockholm.se', emailVerified: true, name: 'Okänd person' },
	{ login: 'overifierad', subject: 'stadskonto-0405', email: 'examinator3@demo.test', emailVerified: false, name: 'Overifierad adress' }
];

export interface LocalClient {
	clientId: string;
	clientSecret: string;
	/** The tool's public address; its callback and sign-out return addresses are registered from it. */
	origin: string;
}

export interface LocalProviderOptions {
	/** 0 picks a free port. */
	port: number;
	client: LocalClient;
	password: string;
	accounts?: LocalAccount[];
	/** How long an ID token is valid; the provider's default is an hour. */
	idTokenSeconds?: number;
}

export interface LocalProvider {
	issuer: string;
	close(): Promise<void>;
}

const escape = (value: unknown) =>
	String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(title: string, body: string): string {
	return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} – Stadskontot (lokal testleverantör)</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
label{display:block;margin-top:1rem;font-weight:600}input{display:block;width:100%;padding:.5rem;font-size:1rem}
button{margin-top:1rem;margin-right:.5rem;padding:.6rem 1rem;font-size:1rem;background:#00487a;color:#fff;border:0}
button.secondary{background:#fff;color:#00487a;border:1px solid #00487a}.error{color:#a00000;font-weight:600}</style>
</head><body><main><p>Stadskontot – lokal testleverantör</p><h1>${escape(title)}</h1>${body}</main></body></html>`;
}

function loginForm(uid: string, login = '', error = ''): string {
	return page(
		'Logga in med ditt stadskonto',
		`${error ? `<p class="error" role="alert" id="fel">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<label for="login">Användarnamn</label><input id="login" name="login" autocomplete="username" required value="${escape(login)}"${error ? ' aria-describedby="fel"' : ''}>
<label for="password">Lösenord</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Logga in</button></form>`
	);
}

function send(res: ServerResponse, status: number, html: string): void {
	res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
	res.end(html);
}

async function readBody(req: IncomingMessage): Promise<URLSearchParams> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function configuration(options: LocalProviderOptions, current: Map<string, LocalAccount>): Configuration {
	const { client } = options;
	const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
	return {
		clients: [
			{
				client_id: client.clientId,
				client_secret: client.clientSecret,
				redirect_uris: [`${client.origin}/login/sso/callback`],
				post_logout_redirect_uris: [`${client.origin}/login`],
				grant_types: ['authorization_code'],
				response_types: ['code'],
				token_endpoint_auth_method: 'client_secret_post'
			}
		],
		jwks: { keys: [{ ...signingKey, kid: 'local-1', use: 'sig', alg: 'RS256' } as never] },
		cookies: { keys: [randomBytes(32).toString('hex')] },
		claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
		// The tool reads the person from the ID token alone, as from Entra ID.
		conformIdTokenClaims: false,
		pkce: { required: () => true },
		ttl: options.idTokenSeconds ? { IdToken: options.idTokenSeconds } : undefined,
		features: {
			devInteractions: { enabled: false },
			rpInitiatedLogout: {
				enabled: true,
				logoutSource: (ctx: KoaContextWithOIDC, form: string) => {
					ctx.type = 'html';
					ctx.body = page(
						'Logga ut från stadskontot?',
						`${form}<p>Du loggas ut från stadskontot på den här datorn.</p>
<button type="submit" form="op.logoutForm" name="logout" value="yes">Ja, logga ut</button>
<button type="submit" form="op.logoutForm" class="secondary">Nej, förbli inloggad</button>`
					);
				},
				postLogoutSuccessSource: (ctx: KoaContextWithOIDC) => {
					ctx.type = 'html';
					ctx.body = page('Du är utloggad', '<p>Du är utloggad från stadskontot.</p>');
				}
			}
		},
		renderError: (ctx, out) => {
			ctx.type = 'html';
			ctx.body = page('Något gick fel hos stadskontot', `<p>${escape(out.error)}: ${escape(out.error_description ?? '')}</p>`);
		},
		interactions: { url: (_ctx: KoaContextWithOIDC, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
		// The provider names an account by its subject, and so does every token it issues.
		findAccount: (_ctx: KoaContextWithOIDC, subject: string) => {
			const account = current.get(subject);
			if (!account) return undefined;
			return {
				accountId: account.subject,
				claims: () => ({ sub: account.subject, email: account.email, email_verified: account.emailVerified, name: account.name })
			};
		},
		// The tool is the provider's own application: no consent screen, as with the city's.
		loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
			const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
			if (grantId) return ctx.oidc.provider.Grant.find(grantId);
			const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
			grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(' '));
			await grant.save();
			return grant;
		}
	};
}

/** Starts the provider on 127.0.0.1 and resolves once it listens. */
export async function startLocalProvider(options: LocalProviderOptions): Promise<LocalProvider> {
	const accounts = options.accounts ?? LOCAL_ACCOUNTS;
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
	const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const current = new Map(accounts.map((a) => [a.subject, a]));
	const provider = new Provider(issuer, configuration(options, current));
	const callback = provider.callback();

	server.on('request', async (req: IncomingMessage, res: ServerResponse) => {
		const path = new URL(req.url ?? '/', issuer).pathname;
		const match = path.match(/^\/interaction\/([\w-]+)(\/login)?$/);
		if (!match) return callback(req, res);
		try {
			const details = await provider.interactionDetails(req, res);
			if (details.prompt.name !== 'login') {
				// Consent is granted by loadExistingGrant; any other prompt just continues.
				return await provider.interactionFinished(req, res, {}, { mergeWithLastSubmission: true });
			}
			if (req.method !== 'POST' || !match[2]) return send(res, 200, loginForm(details.uid));
			const form = await readBody(req);
			const login = form.get('login')?.trim() ?? '';
			const account = accounts.find((a) => a.login === login);
			if (!account || form.get('password') !== options.password) {
				return send(res, 200, loginForm(details.uid, login, 'Fel användarnamn eller lösenord.'));
			}
			current.set(account.subject, account);
			await provider.interactionFinished(req, res, { login: { accountId: account.subject } }, { mergeWithLastSubmission: false });
		} catch (error) {
			send(res, 400, page('Inloggningen gick inte att slutföra', `<p>${escape(error instanceof Error ? error.message : error)}</p>`));
		}
	});

	return {
		issuer,
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.closeAllConnections();
				server.close((error) => (error ? reject(error) : resolve()));
			})
	};
}
