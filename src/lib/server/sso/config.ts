/**
 * Single sign-on is on when OIDC_ISSUER is set; every setting comes from the environment (the
 * README's configuration table). Without it the sign-in page looks as it always did.
 */
export interface SsoConfig {
	issuer: URL;
	clientId: string;
	clientSecret: string;
	scopes: string;
	/** The claim that names a person for good: `oid` in Entra ID, `sub` elsewhere. */
	subjectClaim: string;
	emailClaim: string;
	/** The claim that says the address is verified; null when the provider's address is trusted as it is. */
	emailVerifiedClaim: string | null;
	clockToleranceSeconds: number;
}

type Env = Record<string, string | undefined>;

/** The configuration, or null when single sign-on is not set up; a half-done setup is an error (the server reads it at start). */
export function readSsoConfig(env: Env = process.env): SsoConfig | null {
	const issuer = env.OIDC_ISSUER?.trim();
	if (!issuer) return null;
	const clientId = env.OIDC_CLIENT_ID?.trim();
	if (!clientId) throw new Error('OIDC_ISSUER är satt men inte OIDC_CLIENT_ID.');
	const tolerance = Number(env.OIDC_CLOCK_TOLERANCE_SECONDS ?? 300);
	if (!Number.isFinite(tolerance) || tolerance < 0) throw new Error('OIDC_CLOCK_TOLERANCE_SECONDS måste vara ett antal sekunder (0 eller fler).');
	const verified = env.OIDC_EMAIL_VERIFIED_CLAIM ?? 'email_verified';
	return {
		issuer: new URL(issuer),
		clientId,
		clientSecret: env.OIDC_CLIENT_SECRET ?? '',
		scopes: env.OIDC_SCOPES?.trim() || 'openid email profile',
		subjectClaim: env.OIDC_SUBJECT_CLAIM?.trim() || 'sub',
		emailClaim: env.OIDC_EMAIL_CLAIM?.trim() || 'email',
		emailVerifiedClaim: verified.trim() || null,
		clockToleranceSeconds: tolerance
	};
}

let cached: SsoConfig | null | undefined;

/** The process's configuration, read once. */
export function ssoConfig(): SsoConfig | null {
	if (cached === undefined) cached = readSsoConfig();
	return cached;
}

/** Tests point the process at their own provider. */
export function useSsoConfig(config: SsoConfig | null): void {
	cached = config;
}

/** Plain HTTP is accepted only for a provider on this machine (the tests' and the demo's). */
export function isLoopback(url: URL): boolean {
	return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}
