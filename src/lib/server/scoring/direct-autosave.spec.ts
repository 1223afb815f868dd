/**
 * The direct autosave against a real SQLite with the real migrations, over a real HTTP server:
 * its answers are the endpoints' answers, it writes what they write, and every request it does not
 * take reaches the next handler unread.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { eq, sql } from 'drizzle-orm';
import * as table from '../db/schema';
import { createSession, generateToken, hashToken } from '../auth/session';
import { scoringEvent, scoringYear } from '../test-support/scoring';
import { accountYear } from '../test-support/account';
import { messages } from '$lib/i18n';
import { bodySizeLimit, directAutosave, DIRECT_ROUTES } from './direct-autosave';
import { assessmentDocument } from './document';
import { consensusDocument } from '../consensus/document';
import { accountDocument } from '../account/document';
import * as assessmentEndpoint from '../../../routes/(app)/examiner/entries/[entryId]/save/+server';
import * as consensusEndpoint from '../../../routes/(app)/examiner/entries/[entryId]/consensus/save/+server';
import * as accountEndpoint from '../../../routes/(app)/unit/entries/[entryId]/account/save/+server';

const HANDED_ON = 599;
let server: http.Server;
let base: string;
let origin: string | undefined;
let limit: number;

beforeEach(async () => {
	origin = 'http://localhost';
	limit = 512 * 1024;
	server = http.createServer((req, res) => {
		if (directAutosave(req, res, origin, limit)) return;
		// What SvelteKit would get: the request untouched, its body still to be read.
		let length = 0;
		req.on('data', (chunk: Buffer) => (length += chunk.length));
		req.on('end', () => {
			res.writeHead(HANDED_ON, { 'x-body-length': String(length) });
			res.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
	await new Promise((resolve) => server.close(resolve));
	vi.restoreAllMocks();
});

function signIn(userId: number): string {
	const token = generateToken();
	createSession(token, userId);
	return token;
}

interface Sent {
	token?: string | null;
	method?: string;
	headers?: Record<string, string>;
	body?: string;
}

async function send(path: string, json: unknown, sent: Sent = {}) {
	const body = sent.body ?? JSON.stringify(json);
	const response = await fetch(base + path, {
		method: sent.method ?? 'POST',
		headers: {
			'content-type': 'application/json',
			accept: 'application/json',
			...(sent.token ? { cookie: `session=${sent.token}` } : {}),
			...sent.headers
		},
		body: (sent.method ?? 'POST') === 'POST' ? body : undefined
	});
	const text = await response.text();
	return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null, text };
}

/**
 * The same request through SvelteKit's endpoint, as the route tests make it; a thrown HttpError
 * as SvelteKit answers it to a request that accepts JSON.
 */
async function viaEndpoint(endpoint: { POST: (event: never) => Response | Promise<Response> }, userId: number, path: string, entryId: number, json: unknown) {
	try {
		const response = await endpoint.POST(scoringEvent(userId, path, { json, params: { entryId: String(entryId) } }));
		return { status: response.status, body: await response.json() };
	} catch (e) {
		if (!isHttpError(e)) throw e;
		return { status: e.status, body: e.body };
	}
}

describe('the examiner’s autosave, answered directly', () => {
	let y: ReturnType<typeof scoringYear>;
	let token: string;
	const path = () => `/examiner/entries/${y.entryId}/save`;
	beforeEach(() => {
		y = scoringYear();
		token = signIn(y.fresh);
	});

	it('saves as the endpoint does, and a save on an old version meets the same conflict', async () => {
		const first = await send(path(), { baseVersion: 0, doc: y.doc(50, 'Direkt') }, { token });
		expect(first).toMatchObject({ status: 200, body: { version: 1 } });
		expect(y.assessmentOf(y.fresh)).toMatchObject({ version: 1, notes: 'Direkt anteckning' });
		const second = await viaEndpoint(assessmentEndpoint, y.fresh, path(), y.entryId, { baseVersion: 1, doc: y.doc(55, 'Sidan') });
		expect(second).toMatchObject({ status: 200, body: { version: 2 } });

		const stale = { baseVersion: 1, doc: y.doc(60, 'Gammal') };
		const before = y.snapshot();
		const direct = await send(path(), stale, { token });
		const kit = await viaEndpoint(assessmentEndpoint, y.fresh, path(), y.entryId, stale);
		expect(direct.status).toBe(409);
		expect(direct.body).toEqual(kit.body);
		expect(direct.body.current.doc.notes).toBe('Sidan anteckning');
		expect(y.snapshot()).toEqual(before);
	});

	it('answers with the headers every answer gets, HSTS behind HTTPS', async () => {
		const answer = await send(path(), { baseVersion: 0, doc: y.doc() }, { token });
		expect(answer.headers.get('content-type')).toBe('application/json');
		expect(answer.headers.get('content-length')).toBe(String(Buffer.byteLength(answer.text)));
		expect(answer.headers.get('cache-control')).toBe('no-store');
		expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
		expect(answer.headers.get('referrer-policy')).toBe('same-origin');
		expect(answer.headers.get('x-frame-options')).toBe('SAMEORIGIN');
		expect(answer.headers.get('strict-transport-security')).toBeNull();
		origin = 'https://utmarkelse.example';
		const secure = await send(path(), { baseVersion: 1, doc: y.doc(45) }, { token });
		expect(secure.headers.get('strict-transport-security')).toBe('max-age=31536000');
	});

	it('refuses as the endpoint does, and writes nothing: another entry, a closed phase, a bad document, no JSON', async () => {
		const cases: [string, number, number, unknown, () => void][] = [
			['another team’s entry', 404, y.otherEntry, { baseVersion: 0, doc: y.doc() }, () => {}],
			['a criterion of another cycle', 400, y.entryId, { baseVersion: 0, doc: { ...y.doc(), criteria: [{ ...y.doc().criteria[0], criterionId: y.oldCriterion }] } }, () => {}],
			['a score off the scale', 400, y.entryId, { baseVersion: 0, doc: y.doc(51) }, () => {}],
			['no document', 400, y.entryId, { baseVersion: 0 }, () => {}],
			['the phase past scoring', 403, y.entryId, { baseVersion: 0, doc: y.doc() }, () => y.setPhase('jury')]
		];
		for (const [what, status, entryId, json, arrange] of cases) {
			arrange();
			const before = y.snapshot();
			const direct = await send(`/examiner/entries/${entryId}/save`, json, { token });
			const kit = await viaEndpoint(assessmentEndpoint, y.fresh, `/examiner/entries/${entryId}/save`, entryId, json);
			expect({ what, status: direct.status, body: direct.body }).toEqual({ what, status, body: kit.body });
			expect(y.snapshot()).toEqual(before);
		}
		const notJson = await send(path(), null, { token, body: '{"baseVersion": 0, "doc": ' });
		expect(notJson).toMatchObject({ status: 400, body: { message: messages('sv').scoring.errors.badRequest } });
	});

	it('answers in the language of the person’s cookie', async () => {
		await send(path(), { baseVersion: 0, doc: y.doc() }, { token });
		const english = await send(path(), { baseVersion: 0, doc: y.doc() }, { token, headers: { cookie: `session=${token}; lang=en` } });
		expect(english.body.message).toBe(messages('en').scoring.errors.conflict);
		const wrongType = await send(path(), { baseVersion: 'ett', doc: y.doc() }, { token, headers: { cookie: `session=${token}; lang=en` } });
		const swedish = await send(path(), { baseVersion: 'ett', doc: y.doc() }, { token });
		expect(wrongType.status).toBe(400);
		expect(wrongType.body.message).not.toBe(swedish.body.message);
	});

	it('a crash is answered with a reference, logged with it, and leaves nothing half-written', async () => {
		await send(path(), { baseVersion: 0, doc: y.doc() }, { token });
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		y.db.run(sql`CREATE TRIGGER stop_revisions BEFORE INSERT ON assessment_revision BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
		const before = y.snapshot();
		const crash = await send(path(), { baseVersion: 1, doc: y.doc(70, 'Krasch') }, { token });
		expect(crash.status).toBe(500);
		expect(crash.body).toEqual({ message: messages('sv').errors.server, reference: expect.stringMatching(/^[0-9A-F]{8}$/) });
		expect(log).toHaveBeenCalledWith(`[${crash.body.reference}] POST ${path()}`, expect.anything());
		expect(y.snapshot()).toEqual(before);
	});

	it('hands on, unread, every request that is not a steady autosave', async () => {
		const doc = { baseVersion: 0, doc: y.doc() };
		const renewing = signIn(y.fresh);
		y.db.update(table.session).set({ expiresAt: new Date(Date.now() + 24 * 3600 * 1000) }).where(eq(table.session.id, hashToken(renewing))).run();
		const expired = signIn(y.fresh);
		y.db.update(table.session).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(table.session.id, hashToken(expired))).run();
		const cases: [string, () => Promise<{ status: number; headers: Headers }>][] = [
			['no session', () => send(path(), doc)],
			['an unknown session', () => send(path(), doc, { token: generateToken() })],
			['a session due for renewal', () => send(path(), doc, { token: renewing })],
			['an expired session', () => send(path(), doc, { token: expired })],
			['a GET', () => send(path(), null, { token, method: 'GET' })],
			['a query', () => send(`${path()}?x=1`, doc, { token })],
			['another address', () => send(`/examiner/entries/${y.entryId}/revisions`, doc, { token })],
			['an entry that is no number', () => send('/examiner/entries/tio/save', doc, { token })],
			['a form', () => send(path(), null, { token, body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } })],
			['another Accept', () => send(path(), doc, { token, headers: { accept: '*/*' } })],
			[
				'a body longer than the limit',
				() => {
					limit = 100;
					return send(path(), doc, { token });
				}
			],
			[
				'no ORIGIN',
				() => {
					origin = undefined;
					return send(path(), doc, { token });
				}
			]
		];
		for (const [what, request] of cases) {
			const before = y.snapshot();
			const answer = await request();
			expect({ what, status: answer.status }).toEqual({ what, status: HANDED_ON });
			expect(y.snapshot()).toEqual(before);
			limit = 512 * 1024;
			origin = 'http://localhost';
		}
		// The renewal and the expiry are left to SvelteKit's session check, which sends the cookie.
		expect(y.db.select().from(table.session).where(eq(table.session.id, hashToken(renewing))).get()!.expiresAt.getTime()).toBeLessThan(Date.now() + 2 * 24 * 3600 * 1000);
		expect(y.db.select().from(table.session).where(eq(table.session.id, hashToken(expired))).get()).toBeDefined();
	});

	it('a body sent in chunks, without its length, is handed on whole', async () => {
		const body = JSON.stringify({ baseVersion: 0, doc: y.doc() });
		const answer = await new Promise<{ status: number; length: string | undefined }>((resolve, reject) => {
			const req = http.request(`${base}${path()}`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', cookie: `session=${token}` } }, (res) => {
				res.resume();
				res.on('end', () => resolve({ status: res.statusCode!, length: res.headers['x-body-length'] as string }));
			});
			req.on('error', reject);
			req.write(body.slice(0, 100));
			req.end(body.slice(100));
		});
		expect(answer).toEqual({ status: HANDED_ON, length: String(Buffer.byteLength(body)) });
	});
});

describe('the consensus and the written account, answered directly', () => {
	it('the lead’s consensus: the same answers as its endpoint', async () => {
		const y = scoringYear();
		const token = signIn(y.lead);
		const path = `/examiner/entries/${y.entryId}/consensus/save`;
		const version = 0;
		const doc = {
			summary: 'Ett växande systematiskt kvalitetsarbete.',
			recommendFinalist: true,
			criteria: y.criterionIds.map((criterionId) => ({ criterionId, score: 60, strengths: ['Samsyn'], improvements: ['Uppföljning'] })),
			siteVisit: { date: '2026-10-02', participants: 'Laget och enhetschefen', findings: 'Bilden bekräftades.' }
		};
		const stale = { baseVersion: version + 5, doc };
		const direct = await send(path, stale, { token });
		const kit = await viaEndpoint(consensusEndpoint, y.lead, path, y.entryId, stale);
		expect(direct.status).toBe(409);
		expect(direct.body).toEqual(kit.body);
		const ok = await send(path, { baseVersion: version, doc }, { token });
		expect(ok).toMatchObject({ status: 200, body: { version: version + 1 } });
		// A teammate who does not lead is told what the endpoint tells them.
		const member = signIn(y.drafter);
		const refused = await send(path, { baseVersion: version + 1, doc }, { token: member });
		expect(refused.body).toEqual((await viaEndpoint(consensusEndpoint, y.drafter, path, y.entryId, { baseVersion: version + 1, doc })).body);
	});

	it('the unit’s account: saved by its contact, a 404 for another unit’s, as the endpoint answers', async () => {
		const a = accountYear();
		const path = `/unit/entries/${a.entryId}/account/save`;
		const first = await send(path, { baseVersion: 0, doc: a.filled('Direkt') }, { token: signIn(a.contact) });
		expect(first).toMatchObject({ status: 200, body: { version: 1 } });
		const row = a.db.select().from(table.account).where(eq(table.account.entryId, a.entryId)).get()!;
		expect(row.introduction).toBe('Direkt: om enheten');
		const outsider = await send(path, { baseVersion: 1, doc: a.filled('Annan') }, { token: signIn(a.outsider) });
		expect(outsider).toMatchObject({ status: 404, body: { message: 'not-found' } });
		expect(outsider.body).toEqual((await viaEndpoint(accountEndpoint, a.outsider, path, a.entryId, { baseVersion: 1, doc: a.filled('Annan') })).body);
		expect(a.db.select().from(table.account).where(eq(table.account.entryId, a.entryId)).get()!.version).toBe(1);
	});
});

describe('the direct routes', () => {
	it('are the autosave endpoints: each address is a route whose POST calls autosave with the same document', () => {
		const routes: [string, string, unknown, string][] = [
			['/examiner/entries/7/save', 'src/routes/(app)/examiner/entries/[entryId]/save/+server.ts', assessmentDocument, 'autosave(assessmentDocument, event)'],
			['/examiner/entries/7/consensus/save', 'src/routes/(app)/examiner/entries/[entryId]/consensus/save/+server.ts', consensusDocument, 'autosave(consensusDocument, event)'],
			['/unit/entries/7/account/save', 'src/routes/(app)/unit/entries/[entryId]/account/save/+server.ts', accountDocument, 'autosave(accountDocument, event)']
		];
		expect(DIRECT_ROUTES).toHaveLength(routes.length);
		for (const [address, file, document, call] of routes) {
			expect(DIRECT_ROUTES.filter(([pattern, d]) => pattern.test(address) && d === document)).toHaveLength(1);
			expect(readFileSync(file, 'utf8')).toContain(call);
		}
	});

	it('read BODY_SIZE_LIMIT as adapter-node does', () => {
		expect(bodySizeLimit('512K')).toBe(512 * 1024);
		expect(bodySizeLimit('30M')).toBe(30 * 1024 * 1024);
		expect(bodySizeLimit('1g')).toBe(1024 ** 3);
		expect(bodySizeLimit('1000')).toBe(1000);
		expect(bodySizeLimit('Infinity')).toBe(Infinity);
	});
});
