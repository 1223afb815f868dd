import { normaliseEmail } from '../auth/login';
import type { ProviderIdentity } from '$lib/domain/sso-binding';
import type { SsoConfig } from './config';

/** The person the token names, in the claims the configuration chose; null without a subject. */
export function identityOf(config: SsoConfig, claims: Record<string, unknown>): ProviderIdentity | null {
	const subject = claims[config.subjectClaim];
	if (typeof subject !== 'string' || !subject) return null;
	const email = claims[config.emailClaim];
	const verified = config.emailVerifiedClaim === null ? true : claims[config.emailVerifiedClaim];
	return {
		issuer: String(claims.iss),
		subject,
		email: typeof email === 'string' && email.trim() ? normaliseEmail(email) : null,
		emailVerified: verified === true || verified === 'true'
	};
}
