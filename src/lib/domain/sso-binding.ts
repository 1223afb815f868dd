/**
 * Who a single sign-on lets in (docs/sign-in.md). The provider vouches for a subject; the tool
 * decides which of its own people that is. A subject once bound decides alone, so a changed or
 * reused e-mail address can never carry an identity over to someone else. Roles never come from
 * the provider: the decision only names a person the tool already has.
 */

/** What the provider's ID token says about the person signing in. */
export interface ProviderIdentity {
	issuer: string;
	subject: string;
	/** Already normalised (trimmed, lower case); null when the token carries none. */
	email: string | null;
	emailVerified: boolean;
}

/** A person of the tool, with the city account bound to them if any. */
export interface Person {
	userId: number;
	bound: { issuer: string; subject: string } | null;
}

export type BindingRefusal = 'unknown' | 'unverifiedEmail' | 'boundToOther';

export type BindingDecision =
	| { kind: 'signIn'; userId: number }
	| { kind: 'bind'; userId: number }
	| { kind: 'refuse'; reason: BindingRefusal };

/**
 * @param boundPerson the person this issuer and subject are already bound to, if any
 * @param personByEmail the person whose address is the token's e-mail, if any
 */
export function decideBinding(identity: ProviderIdentity, boundPerson: Person | null, personByEmail: Person | null): BindingDecision {
	if (boundPerson) return { kind: 'signIn', userId: boundPerson.userId };
	// An address only matches a person once, at binding, and only when the provider vouches for it.
	if (!identity.email) return { kind: 'refuse', reason: 'unknown' };
	if (!identity.emailVerified) return { kind: 'refuse', reason: 'unverifiedEmail' };
	if (!personByEmail) return { kind: 'refuse', reason: 'unknown' };
	// The address's owner already signs in with another city account: this one is someone else.
	if (personByEmail.bound) return { kind: 'refuse', reason: 'boundToOther' };
	return { kind: 'bind', userId: personByEmail.userId };
}
