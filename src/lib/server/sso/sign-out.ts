/**
 * Signing out of the provider as well (RP-initiated logout), where it offers that: the sign-out
 * form posts to the tool, which then sends the browser on to the provider's end-session address.
 */
import { eq } from 'drizzle-orm';
import * as oidc from 'openid-client';
import { db } from '../db';
import * as table from '../db/schema';
import { ssoConfig } from './config';
import { providerConfiguration } from './client';

/** Where the browser goes after the tool's session of a sign-on ends; null to stay in the tool. */
export async function providerSignOutUrl(sessionId: string, origin: string): Promise<string | null> {
	const config = ssoConfig();
	if (!config) return null;
	const row = db().select({ idToken: table.ssoSession.idToken }).from(table.ssoSession).where(eq(table.ssoSession.sessionId, sessionId)).get();
	if (!row) return null;
	try {
		const configuration = await providerConfiguration(config);
		if (!configuration.serverMetadata().end_session_endpoint) return null;
		return oidc.buildEndSessionUrl(configuration, { id_token_hint: row.idToken, post_logout_redirect_uri: `${origin}/login` }).href;
	} catch {
		// A provider that cannot be reached must not keep anyone signed in to the tool.
		return null;
	}
}

/**
 * Browsers apply a page's `form-action` to where a form's answer redirects, so the provider's
 * origin joins 'self' there: the sign-out form may then continue to the provider.
 */
export function allowProviderFormAction(csp: string): string {
	const config = ssoConfig();
	if (!config) return csp;
	return csp.replace(/form-action 'self'/, `form-action 'self' ${config.issuer.origin}`);
}
