import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as table from '../db/schema';
import type { DB } from '../db';
import { createTestDatabase } from '../test-support/db';
import { seedDemo } from '../demo/seed';
import { createSession, generateToken, validateSessionToken } from '../auth/session';
import { readSsoConfig, useSsoConfig } from './config';
import { listSignOnAccounts, setSsoRequired, unbindIdentity } from './accounts';

let db: DB;
const userId = (email: string) => db.select().from(table.user).where(eq(table.user.email, email)).get()!.id;
const audit = (action: string) => db.select().from(table.auditLog).where(eq(table.auditLog.action, action)).all();

beforeEach(() => {
	db = createTestDatabase();
	seedDemo(db, { phase: 'assessment', passwordHash: 'x' });
	useSsoConfig(readSsoConfig({ OIDC_ISSUER: 'https://login.example/tenant/v2.0', OIDC_CLIENT_ID: 'utmarkelse' }));
});

afterEach(() => useSsoConfig(null));

describe('requiring the city account', () => {
	it('sets the flag, logs it and ends the person’s sessions', () => {
		const admin = userId('admin@demo.test');
		const examiner = userId('examinator1@demo.test');
		const token = generateToken();
		createSession(token, examiner);
		const adminSession = createSession(generateToken(), admin);
		expect(setSsoRequired(examiner, true, { userId: admin, sessionId: adminSession.id })).toEqual({ ok: true });
		expect(validateSessionToken(token).user).toBeNull();
		expect(listSignOnAccounts().find((a) => a.userId === examiner)).toMatchObject({ ssoRequired: true, boundAt: null });
		expect(audit('user.ssoRequired')).toEqual([expect.objectContaining({ actorId: admin, entityId: String(examiner), before: { ssoRequired: false }, after: { ssoRequired: true } })]);
		// Asking again changes nothing and logs nothing.
		expect(setSsoRequired(examiner, true, { userId: admin, sessionId: adminSession.id })).toEqual({ ok: true });
		expect(audit('user.ssoRequired')).toHaveLength(1);
		expect(setSsoRequired(examiner, false, { userId: admin, sessionId: adminSession.id })).toEqual({ ok: true });
		expect(listSignOnAccounts().find((a) => a.userId === examiner)?.ssoRequired).toBe(false);
	});

	it('keeps the admin’s own current session when they require it of themselves', () => {
		const admin = userId('admin@demo.test');
		const current = generateToken();
		const other = generateToken();
		const session = createSession(current, admin);
		createSession(other, admin);
		expect(setSsoRequired(admin, true, { userId: admin, sessionId: session.id })).toEqual({ ok: true });
		expect(validateSessionToken(current).user?.id).toBe(admin);
		expect(validateSessionToken(other).user).toBeNull();
	});

	it('is refused while single sign-on is not set up, and for someone who does not exist', () => {
		const admin = userId('admin@demo.test');
		const actor = { userId: admin, sessionId: 'x' };
		expect(setSsoRequired(999_999, true, actor)).toEqual({ ok: false, error: 'notFound' });
		useSsoConfig(null);
		expect(setSsoRequired(userId('examinator1@demo.test'), true, actor)).toEqual({ ok: false, error: 'notConfigured' });
		expect(db.select().from(table.user).where(eq(table.user.ssoRequired, true)).all()).toEqual([]);
	});
});

describe('bindings', () => {
	it('lists who has bound a city account, and removes a binding with its record in the log', () => {
		const admin = userId('admin@demo.test');
		const juror = userId('jury1@demo.test');
		const boundAt = new Date('2026-09-01T08:00:00Z');
		db.insert(table.ssoIdentity).values({ userId: juror, issuer: 'https://login.example/tenant/v2.0', subject: 'sub-1', boundAt }).run();
		const bound = listSignOnAccounts().filter((a) => a.boundAt);
		expect(bound).toEqual([expect.objectContaining({ userId: juror, email: 'jury1@demo.test', boundAt })]);
		expect(unbindIdentity(juror, admin)).toEqual({ ok: true });
		expect(listSignOnAccounts().filter((a) => a.boundAt)).toEqual([]);
		expect(audit('user.ssoUnbind')[0].before).toEqual({ issuer: 'https://login.example/tenant/v2.0', subject: 'sub-1', boundAt: boundAt.toISOString() });
		expect(unbindIdentity(juror, admin)).toEqual({ ok: false, error: 'notFound' });
	});
});
