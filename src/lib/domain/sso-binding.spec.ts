import { describe, expect, it } from 'vitest';
import { decideBinding, type Person, type ProviderIdentity } from './sso-binding';

const ISSUER = 'https://login.example/tenant/v2.0';
const anna: ProviderIdentity = { issuer: ISSUER, subject: 'sub-anna', email: 'anna@stockholm.se', emailVerified: true };
const unbound = (userId: number): Person => ({ userId, bound: null });
const boundTo = (userId: number, subject: string, issuer = ISSUER): Person => ({ userId, bound: { issuer, subject } });

describe('decideBinding', () => {
	it('binds the first sign-in to the person who owns the verified address', () => {
		expect(decideBinding(anna, null, unbound(7))).toEqual({ kind: 'bind', userId: 7 });
	});

	it('lets the bound subject decide, whatever address the token now carries', () => {
		const moved = { ...anna, email: 'anna.ek@stockholm.se' };
		expect(decideBinding(moved, boundTo(7, 'sub-anna'), null)).toEqual({ kind: 'signIn', userId: 7 });
		// Even when the new address belongs to another person of the tool.
		expect(decideBinding(moved, boundTo(7, 'sub-anna'), unbound(9))).toEqual({ kind: 'signIn', userId: 7 });
		// And when the provider no longer vouches for the address at all.
		expect(decideBinding({ ...anna, email: null, emailVerified: false }, boundTo(7, 'sub-anna'), null)).toEqual({ kind: 'signIn', userId: 7 });
	});

	it('refuses another subject with the address of a person who is already bound', () => {
		const attacker = { ...anna, subject: 'sub-mallory' };
		expect(decideBinding(attacker, null, boundTo(7, 'sub-anna'))).toEqual({ kind: 'refuse', reason: 'boundToOther' });
		// A binding made with another issuer is a binding all the same.
		expect(decideBinding(anna, null, boundTo(7, 'sub-anna', 'https://old.example'))).toEqual({ kind: 'refuse', reason: 'boundToOther' });
	});

	it('refuses a person the tool does not have', () => {
		expect(decideBinding(anna, null, null)).toEqual({ kind: 'refuse', reason: 'unknown' });
		expect(decideBinding({ ...anna, email: null }, null, unbound(7))).toEqual({ kind: 'refuse', reason: 'unknown' });
	});

	it('never binds by an address the provider has not verified', () => {
		expect(decideBinding({ ...anna, emailVerified: false }, null, unbound(7))).toEqual({ kind: 'refuse', reason: 'unverifiedEmail' });
	});
});
