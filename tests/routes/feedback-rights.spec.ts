/**
 * Rights on every feedback route, as every role: the real load functions, actions and endpoints,
 * called with a signed-in (or anonymous) request. A refusal writes nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { isActionFailure, isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import * as table from '../../src/lib/server/db/schema';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { AFTER_CEREMONY, ORIGIN, feedbackYear } from '../../src/lib/server/test-support/feedback';
import { approveReport } from '../../src/lib/server/feedback/reports';
import { releaseReport } from '../../src/lib/server/feedback/release';
import * as reportPage from '../../src/routes/(app)/reports/[reportId]/+page.server';
import * as reportPdf from '../../src/routes/(app)/reports/[reportId]/pdf/+server';
import * as editor from '../../src/routes/(app)/examiner/reports/[entryId]/+page.server';
import * as editorSave from '../../src/routes/(app)/examiner/reports/[entryId]/save/+server';
import * as leadList from '../../src/routes/(app)/examiner/reports/+page.server';
import * as adminPage from '../../src/routes/(app)/admin/feedback/+page.server';
import * as unitPage from '../../src/routes/(app)/unit/+page.server';
import * as linkPage from '../../src/routes/(public)/login/link/+page.server';
import * as tokenPage from '../../src/routes/(public)/login/link/[token]/+page.server';

type Outcome = 200 | 303 | 400 | 403 | 404 | 409;

const ROLES = {
	anonymous: null,
	admin: 'admin@demo.test',
	lead: 'examinator1@demo.test',
	member: 'examinator2@demo.test',
	otherLead: 'examinator4@demo.test',
	juror: 'jury1@demo.test',
	conflictedJuror: 'jury3@demo.test',
	chair: 'ordforande@demo.test',
	unit: 'enhet1@demo.test'
} as const;
type Role = keyof typeof ROLES;
const ALL = Object.keys(ROLES) as Role[];

let year: ReturnType<typeof feedbackYear>;
let ekorren: { entryId: number; reportId: number };
let hemlosa: { entryId: number; reportId: number };

beforeEach(() => {
	year = feedbackYear();
	const e = year.entryOf('Förskolan Ekorren');
	const h = year.entryOf('Enheten för hemlösa');
	ekorren = { entryId: e.id, reportId: year.reportOf(e.id).id };
	hemlosa = { entryId: h.id, reportId: year.reportOf(h.id).id };
});

function userOf(role: Role): SessionUser | null {
	const email = ROLES[role];
	return email ? year.user(email) : null;
}

interface Call {
	path: string;
	params?: Record<string, string>;
	form?: Record<string, string>;
	json?: unknown;
}

function eventFor(role: Role, call: Call): RequestEvent {
	const user = userOf(role);
	const url = new URL(call.path, ORIGIN);
	let request: Request;
	if (call.form) {
		const body = new FormData();
		for (const [k, v] of Object.entries(call.form)) body.append(k, v);
		request = new Request(url, { method: 'POST', body });
	} else if (call.json !== undefined) {
		request = new Request(url, { method: 'POST', body: JSON.stringify(call.json), headers: { 'content-type': 'application/json' } });
	} else request = new Request(url);
	const cookies = { get: () => undefined, getAll: () => [], set: () => {}, delete: () => {}, serialize: () => '' };
	return {
		locals: { user, session: user ? { id: 'test', userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) } : null },
		url,
		params: call.params ?? {},
		request,
		cookies,
		getClientAddress: () => '10.0.0.1',
		setHeaders: () => {},
		route: { id: null },
		isDataRequest: false,
		isSubRequest: false,
		isRemoteRequest: false,
		platform: undefined,
		fetch
	} as unknown as RequestEvent;
}

/** What a person would get: 200, a redirect (sign in), or the refusal's status. */
async function outcome(role: Role, call: Call, run: (event: never) => unknown): Promise<Outcome> {
	try {
		const result = await run(eventFor(role, call) as never);
		if (result instanceof Response) return result.status as Outcome;
		if (isActionFailure(result)) return result.status as Outcome;
		return 200;
	} catch (e) {
		if (isRedirect(e)) return e.status as Outcome;
		if (isHttpError(e)) return e.status as Outcome;
		throw e;
	}
}

async function matrix(call: Call, run: (event: never) => unknown): Promise<Record<Role, Outcome>> {
	const result = {} as Record<Role, Outcome>;
	for (const role of ALL) result[role] = await outcome(role, call, run);
	return result;
}

const expectRoles = (got: Record<Role, Outcome>, allowed: Role[], refused: Outcome) => {
	const want = Object.fromEntries(ALL.map((r) => [r, r === 'anonymous' ? 303 : allowed.includes(r) ? 200 : refused]));
	expect(got).toEqual(want);
};

function statuses() {
	return year.db.select({ id: table.feedbackReport.id, status: table.feedbackReport.status, version: table.feedbackReport.version }).from(table.feedbackReport).all();
}

describe('the report page and its PDF', () => {
	const readers: Role[] = ['admin', 'lead', 'member', 'juror', 'conflictedJuror', 'chair'];

	it('show a draft only to the admin, the entry’s team and the jury', async () => {
		const call = { path: `/reports/${ekorren.reportId}`, params: { reportId: String(ekorren.reportId) } };
		expectRoles(await matrix(call, reportPage.load), readers, 404);
		expectRoles(await matrix({ ...call, path: `${call.path}/pdf` }, reportPdf.GET), readers, 404);
	});

	it('hide an entry from a juror with a conflict of interest, and an unreleased report from its own unit', async () => {
		const call = { path: `/reports/${hemlosa.reportId}`, params: { reportId: String(hemlosa.reportId) } };
		expectRoles(await matrix(call, reportPage.load), ['admin', 'juror', 'chair'], 404);
	});

	it('show a released report to its own unit, and answer another unit’s report like one that does not exist', async () => {
		const admin = year.user('admin@demo.test').id;
		for (const r of [hemlosa, ekorren]) {
			const report = year.reportOf(r.entryId);
			if (report.status === 'draft') approveReport(report.id, report.version, admin);
			expect(releaseReport(report.id, { actorId: admin, overrideReason: '', origin: ORIGIN, now: AFTER_CEREMONY }).ok).toBe(true);
		}
		const own = { path: `/reports/${hemlosa.reportId}`, params: { reportId: String(hemlosa.reportId) } };
		expect(await outcome('unit', own, reportPage.load)).toBe(200);
		expect(await outcome('unit', { ...own, path: `${own.path}/pdf` }, reportPdf.GET)).toBe(200);

		// Ekorren's contact got a user at release and reads Ekorren's report, not hemlösa's.
		const contact = year.db.select().from(table.unitContact).where(eq(table.unitContact.unitId, year.entryOf('Förskolan Ekorren').unitId)).get()!;
		const ekorrenContact = year.db.select().from(table.user).where(eq(table.user.id, contact.userId!)).get()!;
		const asContact = async (reportId: number) => {
			const event = eventFor('anonymous', { path: `/reports/${reportId}`, params: { reportId: String(reportId) } });
			event.locals.user = { id: ekorrenContact.id, email: ekorrenContact.email, name: ekorrenContact.name, isAdmin: false };
			try {
				await reportPage.load(event as never);
				return 200;
			} catch (e) {
				return isHttpError(e) ? { status: e.status, body: e.body } : e;
			}
		};
		expect(await asContact(ekorren.reportId)).toBe(200);
		const otherUnits = await asContact(hemlosa.reportId);
		const missing = await asContact(999_999);
		expect(otherUnits).toEqual({ status: 404, body: { message: 'not-found' } });
		expect(missing).toEqual(otherUnits);
		expect(await asContact(Number.NaN)).toEqual(otherUnits);
	});

	it('let only the admin approve, send back and release from the report page', async () => {
		const before = statuses();
		const id = String(ekorren.reportId);
		const version = String(year.reportOf(ekorren.entryId).version);
		const approve = await matrix({ path: `/reports/${id}`, params: { reportId: id }, form: { reportId: id, version: '0' } }, reportPage.actions.approve);
		// The admin's version is stale on purpose: the action answers, yet nothing changes.
		expect(approve).toEqual({ ...Object.fromEntries(ALL.map((r) => [r, 404])), anonymous: 303, admin: 409 });
		for (const name of ['sendBack', 'release'] as const) {
			const got = await matrix({ path: `/reports/${id}`, params: { reportId: id }, form: { reportId: id, version, reason: 'Skriv om.', overrideReason: '' } }, reportPage.actions[name]);
			expect(got).toEqual({ ...Object.fromEntries(ALL.map((r) => [r, 404])), anonymous: 303, admin: 409 });
		}
		expect(statuses()).toEqual(before);
		expect(await outcome('admin', { path: `/reports/${id}`, params: { reportId: id }, form: { reportId: id, version } }, reportPage.actions.approve)).toBe(200);
		expect(year.reportOf(ekorren.entryId).status).toBe('approved');
	});
});

describe('the lead’s editor', () => {
	it('opens only for the lead of the entry’s team', async () => {
		const call = { path: `/examiner/reports/${ekorren.entryId}`, params: { entryId: String(ekorren.entryId) } };
		expectRoles(await matrix(call, editor.load), ['lead'], 404);
	});

	it('saves only for the lead, by the form and by the autosave endpoint', async () => {
		const report = year.reportOf(ekorren.entryId);
		const content = report.content as { criteria: { key: string }[] };
		const keys = content.criteria.map((c) => c.key);
		const form: Record<string, string> = { version: String(report.version), summary: 'Ny sammanfattning från rättighetstestet.' };
		const call = { path: `/examiner/reports/${ekorren.entryId}`, params: { entryId: String(ekorren.entryId) } };
		const before = statuses();
		const refusedForm = await matrix({ ...call, form: { ...form, key: keys[0] } }, editor.actions.save);
		// The lead's form lacks six criteria: refused as bad input, the others never get that far.
		expect(refusedForm).toEqual({ ...Object.fromEntries(ALL.map((r) => [r, 404])), anonymous: 303, lead: 400 });
		const json = { version: report.version, summary: 'x', criteria: keys.map((key) => ({ key, strengths: [], improvements: [] })) };
		const others = ALL.filter((r) => r !== 'lead');
		for (const role of others) expect(await outcome(role, { ...call, path: `${call.path}/save`, json }, editorSave.POST)).toBe(role === 'anonymous' ? 303 : 404);
		expect(statuses()).toEqual(before);
		expect(await outcome('lead', { ...call, path: `${call.path}/save`, json }, editorSave.POST)).toBe(200);
		expect(await outcome('lead', { ...call, path: `${call.path}/save`, json }, editorSave.POST)).toBe(409);
	});

	it('lists the lead’s reports for examiners only', async () => {
		expectRoles(await matrix({ path: '/examiner/reports' }, leadList.load), ['lead', 'member', 'otherLead'], 403);
	});
});

describe('the admin’s feedback page', () => {
	it('opens only for the admin', async () => {
		expectRoles(await matrix({ path: '/admin/feedback' }, adminPage.load), ['admin'], 403);
	});

	it('refuses every action to everyone but the admin, writing nothing', async () => {
		const before = statuses();
		const id = String(ekorren.reportId);
		const others = ALL.filter((r) => r !== 'admin' && r !== 'anonymous');
		for (const role of others) {
			expect(await outcome(role, { path: '/admin/feedback', form: {} }, adminPage.actions.create)).toBe(403);
			expect(await outcome(role, { path: '/admin/feedback', form: { overrideReason: 'En tillräckligt lång motivering' } }, adminPage.actions.releaseAll)).toBe(403);
			expect(await outcome(role, { path: '/admin/feedback', form: { messageId: '1' } }, adminPage.actions.retry)).toBe(403);
			for (const name of ['approve', 'sendBack', 'release'] as const) {
				expect(await outcome(role, { path: '/admin/feedback', form: { reportId: id, version: '1', reason: 'x', overrideReason: '' } }, adminPage.actions[name])).toBe(404);
			}
		}
		expect(await outcome('anonymous', { path: '/admin/feedback', form: {} }, adminPage.actions.create)).toBe(303);
		expect(statuses()).toEqual(before);
		expect(year.db.select().from(table.outbox).all()).toHaveLength(0);
	});

	it('does the admin’s actions, and refuses a release before the ceremony without a reason', async () => {
		expect(await outcome('admin', { path: '/admin/feedback', form: {} }, adminPage.actions.create)).toBe(200);
		const approved = year.db.select().from(table.feedbackReport).where(eq(table.feedbackReport.status, 'approved')).get()!;
		// Today (the machine's clock) may or may not be after the ceremony: the answer must fit the rule.
		const result = await outcome('admin', { path: '/admin/feedback', form: { reportId: String(approved.id), overrideReason: '' } }, adminPage.actions.release);
		const ceremonyOver = new Date().toISOString().slice(0, 10) > (year.cycle.ceremonyDate ?? '');
		expect(result).toBe(ceremonyOver ? 200 : 400);
		expect(year.reportOf(approved.entryId).status).toBe(ceremonyOver ? 'released' : 'approved');
	});
});

describe('the unit’s own page and the sign-in link pages', () => {
	it('lets only unit contacts into /unit', async () => {
		expectRoles(await matrix({ path: '/unit' }, unitPage.load), ['unit'], 403);
	});

	it('are open to anyone, and give the same answer for any address', async () => {
		expect(await outcome('anonymous', { path: '/login/link' }, linkPage.load)).toBe(200);
		for (const email of ['enhet1@demo.test', 'okand@demo.test']) {
			const event = eventFor('anonymous', { path: '/login/link', form: { email } });
			expect(await linkPage.actions.default(event as never)).toEqual({ sent: true });
		}
		const state = await tokenPage.load(eventFor('anonymous', { path: '/login/link/abc', params: { token: 'abc' } }) as never);
		expect(state).toMatchObject({ state: 'invalid' });
	});
});

describe('return paths through sign-in', () => {
	/** The text of the newest e-mail in the outbox. */
	const newestLink = () => year.db.select().from(table.outbox).all().at(-1)!.bodyText;

	it('never put another site into the city’s e-mail, whatever the browser would make of the path', async () => {
		for (const hostile of ['/\t/evil.example', '/\n/evil.example', '/..//evil.example', '/\\evil.example']) {
			// Each request as if minutes after the last: the throttle on links is tested in login-link.spec.ts.
			year.db.delete(table.loginFailure).run();
			const event = eventFor('anonymous', { path: `/login/link?redirectTo=${encodeURIComponent(hostile)}`, form: { email: 'enhet1@demo.test' } });
			expect(await linkPage.actions.default(event as never)).toEqual({ sent: true });
			expect(newestLink()).not.toContain('redirectTo');
			expect(newestLink()).not.toContain('evil');
		}
	});

	it('sends a person who used a link to an odd path by a redirect, never a 5xx, and encodes it', async () => {
		for (const [path, location] of [
			['/bidrag/€', '/bidrag/%E2%82%AC'],
			['/x\r\nSet-Cookie: a=b', '/unit'],
			['/\t/evil.example', '/unit']
		]) {
			await linkPage.actions.default(eventFor('anonymous', { path: '/login/link', form: { email: 'enhet1@demo.test' } }) as never);
			const token = newestLink().match(/\/login\/link\/([a-z2-7]+)/)![1];
			const event = eventFor('anonymous', { path: `/login/link/${token}?redirectTo=${encodeURIComponent(path)}`, params: { token }, form: {} });
			const thrown = await Promise.resolve(tokenPage.actions.default(event as never)).catch((e: unknown) => e);
			expect(isRedirect(thrown) && thrown.location).toBe(location);
		}
	});
});
