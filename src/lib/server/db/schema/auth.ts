import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id } from './helpers';

export const user = sqliteTable('user', {
	id: id(),
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	passwordHash: text('password_hash'),
	isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
	createdAt: createdAt()
});

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
