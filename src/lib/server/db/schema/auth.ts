import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id } from './helpers';

export const user = sqliteTable('user', {
	id: id(),
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	passwordHash: text('password_hash'),
	isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
	/** Set by the admin: the person signs in only with the city's account, never with a password or link. */
	ssoRequired: integer('sso_required', { mode: 'boolean' }).notNull().default(false),
	createdAt: createdAt()
});

/**
 * The city account bound to a person at their first single sign-on: the provider's stable subject,
 * not the e-mail address, decides who signs in from then on (docs/sign-in.md).
 */
export const ssoIdentity = sqliteTable(
	'sso_identity',
	{
		userId: integer('user_id')
			.primaryKey()
			.references(() => user.id, { onDelete: 'cascade' }),
		issuer: text('issuer').notNull(),
		subject: text('subject').notNull(),
		boundAt: integer('bound_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('sso_identity_issuer_subject_idx').on(t.issuer, t.subject)]
);

/** A session is stored by the SHA-256 of its token, so a leaked table cannot be replayed. */
export const session = sqliteTable(
	'session',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('session_user_idx').on(t.userId)]
);

/**
 * A single sign-on under way, from the redirect to the provider until its answer comes back: the
 * PKCE verifier and the nonce stay here, keyed by the SHA-256 of the state, which the browser
 * carries in an HTTP-only cookie. Used once, and only for a few minutes.
 */
export const ssoAttempt = sqliteTable(
	'sso_attempt',
	{
		id: text('id').primaryKey(),
		nonce: text('nonce').notNull(),
		codeVerifier: text('code_verifier').notNull(),
		returnTo: text('return_to'),
		/** The address that started it: how many one address may have open is limited. */
		client: text('client').notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('sso_attempt_client_idx').on(t.client)]
);

/** The provider's ID token of a session opened by single sign-on, for signing out of both. */
export const ssoSession = sqliteTable('sso_session', {
	sessionId: text('session_id')
		.primaryKey()
		.references(() => session.id, { onDelete: 'cascade' }),
	idToken: text('id_token').notNull()
});

/**
 * Attempts counted for throttling (src/lib/server/auth/throttle.ts): sign-ins by account ("email:…")
 * and address ("ip:…"), counted when they start and taken back when they succeed; requests for a
 * sign-in link by recipient ("link:…") and address ("link-ip:…"). The index on `at` serves the
 * clean-up of rows that have left the window.
 */
export const loginFailure = sqliteTable(
	'login_failure',
	{
		id: id(),
		key: text('key').notNull(),
		at: integer('at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('login_failure_key_at_idx').on(t.key, t.at), index('login_failure_at_idx').on(t.at)]
);

/** One-time sign-in links for unit contacts: stored hashed, single use, short-lived. */
export const loginToken = sqliteTable(
	'login_token',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('login_token_user_idx').on(t.userId)]
);
