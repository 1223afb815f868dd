import { describe, expect, it } from 'vitest';
import { readSsoConfig } from './config';
import { identityOf } from './claims';

const ENTRA = 'https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0';

describe('readSsoConfig', () => {
	it('is off without an issuer, and fills in the defaults with one', () => {
		expect(readSsoConfig({})).toBeNull();
		expect(readSsoConfig({ OIDC_ISSUER: '  ' })).toBeNull();
		expect(readSsoConfig({ OIDC_ISSUER: ENTRA, OIDC_CLIENT_ID: 'app' })).toEqual({
			issuer: new URL(ENTRA),
			clientId: 'app',
			clientSecret: '',
			scopes: 'openid email profile',
			subjectClaim: 'sub',
			emailClaim: 'email',
			emailVerifiedClaim: 'email_verified',
			clockToleranceSeconds: 300
		});
	});

	it('refuses a half-done setup instead of running without a client', () => {
		expect(() => readSsoConfig({ OIDC_ISSUER: ENTRA })).toThrow('OIDC_CLIENT_ID');
		expect(() => readSsoConfig({ OIDC_ISSUER: ENTRA, OIDC_CLIENT_ID: 'app', OIDC_CLOCK_TOLERANCE_SECONDS: '-5' })).toThrow('OIDC_CLOCK_TOLERANCE_SECONDS');
		expect(() => readSsoConfig({ OIDC_ISSUER: 'not a url', OIDC_CLIENT_ID: 'app' })).toThrow();
	});
});

describe('identityOf', () => {
	const entra = readSsoConfig({ OIDC_ISSUER: ENTRA, OIDC_CLIENT_ID: 'app', OIDC_SUBJECT_CLAIM: 'oid', OIDC_EMAIL_VERIFIED_CLAIM: 'xms_edov' })!;

	it('reads Entra ID’s object id and domain-verified address', () => {
		const claims = { iss: ENTRA, sub: 'pairwise-per-app', oid: 'object-id', email: ' Anna.Ek@Stockholm.se ', xms_edov: true };
		expect(identityOf(entra, claims)).toEqual({ issuer: ENTRA, subject: 'object-id', email: 'anna.ek@stockholm.se', emailVerified: true });
		expect(identityOf(entra, { ...claims, xms_edov: false })?.emailVerified).toBe(false);
		expect(identityOf(entra, { ...claims, xms_edov: undefined, email_verified: true })?.emailVerified).toBe(false);
	});

	it('names no one without the subject claim, and no address without the e-mail claim', () => {
		expect(identityOf(entra, { iss: ENTRA, sub: 'x', email: 'a@b.se' })).toBeNull();
		expect(identityOf(entra, { iss: ENTRA, oid: 'object-id' })).toMatchObject({ email: null });
	});

	it('trusts the address as it is when no verification claim is configured', () => {
		const trusting = readSsoConfig({ OIDC_ISSUER: ENTRA, OIDC_CLIENT_ID: 'app', OIDC_EMAIL_VERIFIED_CLAIM: '' })!;
		expect(trusting.emailVerifiedClaim).toBeNull();
		expect(identityOf(trusting, { iss: ENTRA, sub: 's', email: 'a@b.se' })).toMatchObject({ emailVerified: true });
	});
});
