/**
 * E-mail through the outbox, against a real SMTP server started in the test: the message arrives
 * with a link that works; with the server down it stays queued, and it is delivered once it is back.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { eq } from 'drizzle-orm';
import * as table from '../db/schema';
import { AFTER_CEREMONY, ORIGIN, feedbackYear } from '../test-support/feedback';
import { approveReport } from '../feedback/reports';
import { releaseReport } from '../feedback/release';
import { requireReport } from '../feedback/access';
import { consumeLoginLink, requestLoginLink } from '../auth/login-link';
import { deliverDue, backoffMs, MAX_ATTEMPTS } from './worker';
import { enqueueMail, retryMessage } from './outbox';
import { fileTransport, smtpTransport, type MailTransport } from './transport';

interface Received {
	to: string[];
	raw: string;
}

/** A plain SMTP server on loopback that keeps what it receives. */
async function startSmtp(port = 0) {
	const received: Received[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => {
				received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const actual = (server.server.address() as AddressInfo).port;
	return {
		port: actual,
		received,
		stop: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

/** The text part of a received message, quoted-printable undone. */
function bodyOf(raw: string): string {
	const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
	const joined = body.replace(/=\r?\n/g, '');
	const bytes: number[] = [];
	for (let i = 0; i < joined.length; i++) {
		if (joined[i] === '=' && /^[0-9A-F]{2}$/.test(joined.slice(i + 1, i + 3))) {
			bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
			i += 2;
		} else bytes.push(...Buffer.from(joined[i], 'utf8'));
	}
	return Buffer.from(bytes).toString('utf8');
}

const linkIn = (raw: string, path: RegExp) => {
	const match = bodyOf(raw).match(new RegExp(`${ORIGIN}(${path.source})`));
	if (!match) throw new Error(`no link ${path} in:\n${bodyOf(raw)}`);
	return match[1];
};

let year: ReturnType<typeof feedbackYear>;
let admin: number;
let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;
const savedUrl = process.env.SMTP_URL;

beforeEach(() => {
	year = feedbackYear();
	admin = year.user('admin@demo.test').id;
});

afterEach(async () => {
	await smtp?.stop();
	smtp = undefined;
	process.env.SMTP_URL = savedUrl;
});

afterAll(() => {
	if (savedUrl === undefined) delete process.env.SMTP_URL;
});

function releaseEkorren(now = AFTER_CEREMONY) {
	const { id } = year.entryOf('Förskolan Ekorren');
	const report = year.reportOf(id);
	expect(approveReport(report.id, report.version, admin)).toEqual({ ok: true });
	expect(releaseReport(report.id, { actorId: admin, overrideReason: '', origin: ORIGIN, now })).toMatchObject({ ok: true });
	return report.id;
}

const outbox = () => year.db.select().from(table.outbox).all();

describe('e-mail over SMTP', () => {
	it('delivers the release e-mail, whose link the contact can open after signing in with a one-time link', async () => {
		smtp = await startSmtp();
		process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
		const reportId = releaseEkorren();
		expect(await deliverDue(AFTER_CEREMONY)).toEqual({ sent: 1, retrying: 0, failed: 0 });
		expect(outbox()[0]).toMatchObject({ status: 'sent', attempts: 1, lastError: null });

		const contact = year.db.select().from(table.unitContact).where(eq(table.unitContact.unitId, year.entryOf('Förskolan Ekorren').unitId)).get()!;
		expect(smtp.received).toHaveLength(1);
		expect(smtp.received[0].to).toEqual([contact.email]);
		expect(smtp.received[0].raw).toMatch(/^Subject: =\?UTF-8\?/m);
		const reportPath = linkIn(smtp.received[0].raw, /\/reports\/\d+/);
		expect(reportPath).toBe(`/reports/${reportId}`);
		expect(bodyOf(smtp.received[0].raw)).toContain('Återkopplingsrapporten för Förskolan Ekorren');

		// The contact asks for a sign-in link, gets it by e-mail and uses it.
		expect(requestLoginLink(contact.email, '10.1.1.1', ORIGIN, reportPath, AFTER_CEREMONY)).toEqual({ ok: true, sent: true });
		await deliverDue(AFTER_CEREMONY);
		expect(smtp.received).toHaveLength(2);
		const signInPath = linkIn(smtp.received[1].raw, /\/login\/link\/[a-z2-7]+\?redirectTo=\S+/);
		const token = signInPath.split('/')[3].split('?')[0];
		expect(decodeURIComponent(signInPath.split('redirectTo=')[1])).toBe(reportPath);
		const signedIn = consumeLoginLink(token, new Date(AFTER_CEREMONY.getTime() + 60_000));
		expect(signedIn).toMatchObject({ ok: true, userId: contact.userId });

		const user = year.db.select().from(table.user).where(eq(table.user.id, contact.userId!)).get()!;
		const event = { locals: { user, session: null }, url: new URL(`${ORIGIN}${reportPath}`) };
		expect(requireReport(event as never, reportId).report.id).toBe(reportId);
	});

	it('keeps the message queued while the server is down and delivers it once it is back', async () => {
		smtp = await startSmtp();
		const port = smtp.port;
		await smtp.stop();
		smtp = undefined;
		process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
		releaseEkorren();
		const t0 = AFTER_CEREMONY.getTime();

		expect(await deliverDue(new Date(t0))).toEqual({ sent: 0, retrying: 1, failed: 0 });
		const [waiting] = outbox();
		expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
		expect(waiting.lastError).toMatch(/ECONNREFUSED|connect/i);
		expect(waiting.nextAttemptAt.getTime()).toBe(t0 + backoffMs(1));

		// Not due yet: nothing is tried.
		expect(await deliverDue(new Date(t0 + 1000))).toEqual({ sent: 0, retrying: 0, failed: 0 });
		expect(outbox()[0].attempts).toBe(1);

		expect(await deliverDue(new Date(t0 + backoffMs(1)))).toEqual({ sent: 0, retrying: 1, failed: 0 });
		expect(outbox()[0]).toMatchObject({ status: 'queued', attempts: 2 });

		smtp = await startSmtp(port);
		const later = new Date(t0 + backoffMs(1) + backoffMs(2));
		expect(await deliverDue(later)).toEqual({ sent: 1, retrying: 0, failed: 0 });
		expect(outbox()[0]).toMatchObject({ status: 'sent', attempts: 3, sentAt: later, lastError: null });
		expect(smtp.received).toHaveLength(1);
	});

	it(`gives up after ${MAX_ATTEMPTS} attempts, and the admin's retry sends it once the server is back`, async () => {
		smtp = await startSmtp();
		const port = smtp.port;
		await smtp.stop();
		smtp = undefined;
		process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
		releaseEkorren();
		let now = AFTER_CEREMONY.getTime();
		for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			await deliverDue(new Date(now));
			now += backoffMs(attempt);
		}
		expect(outbox()[0]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
		expect(await deliverDue(new Date(now + 86_400_000))).toEqual({ sent: 0, retrying: 0, failed: 0 });

		smtp = await startSmtp(port);
		expect(retryMessage(outbox()[0].id, admin, new Date(now))).toBe(true);
		expect(outbox()[0]).toMatchObject({ status: 'queued', attempts: 0 });
		expect(await deliverDue(new Date(now))).toEqual({ sent: 1, retrying: 0, failed: 0 });
		expect(smtp.received).toHaveLength(1);
		expect(retryMessage(outbox()[0].id, admin)).toBe(false);
		expect(year.db.select().from(table.auditLog).where(eq(table.auditLog.action, 'mail.retry')).all()).toHaveLength(1);
	});

	it('backs off exponentially, at most an hour', () => {
		expect([1, 2, 3, 4].map(backoffMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
		expect(backoffMs(20)).toBe(3_600_000);
	});
});

describe('e-mail without SMTP_URL', () => {
	it('writes each message as an .eml file in OUTBOX_DIR and marks it sent', async () => {
		delete process.env.SMTP_URL;
		const dir = mkdtempSync(join(tmpdir(), 'outbox-'));
		const savedDir = process.env.OUTBOX_DIR;
		process.env.OUTBOX_DIR = dir;
		try {
			const reportId = releaseEkorren();
			expect(await deliverDue(AFTER_CEREMONY)).toMatchObject({ sent: 1 });
			const files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
			expect(files).toHaveLength(1);
			const raw = readFileSync(join(dir, files[0]), 'utf8').replace(/\n/g, '\r\n');
			expect(linkIn(raw, /\/reports\/\d+/)).toBe(`/reports/${reportId}`);
			expect(outbox()[0].status).toBe('sent');
		} finally {
			process.env.OUTBOX_DIR = savedDir;
			if (savedDir === undefined) delete process.env.OUTBOX_DIR;
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('the Message-ID', () => {
	afterEach(() => vi.useRealTimers());

	/** A transport whose first delivery reaches the mail server, after which the process dies before the outbox row says so. */
	function crashingOnce(transport: MailTransport): MailTransport {
		let crashed = false;
		return {
			async send(mail) {
				await transport.send(mail);
				if (crashed) return;
				crashed = true;
				throw new Error('the process died after the mail server accepted the message');
			}
		};
	}

	/** Where delivered messages can be read back, in the order they arrived. */
	async function mailbox(via: 'SMTP' | 'file') {
		if (via === 'SMTP') {
			smtp = await startSmtp();
			const received = smtp.received;
			return { transport: smtpTransport(`smtp://127.0.0.1:${smtp.port}`), raws: () => received.map((r) => r.raw), done: () => {} };
		}
		const dir = mkdtempSync(join(tmpdir(), 'outbox-'));
		return {
			transport: fileTransport(dir),
			raws: () => readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), 'utf8')),
			done: () => rmSync(dir, { recursive: true, force: true })
		};
	}

	const messageIdOf = (raw: string) => raw.match(/^Message-ID: *(.+?)\r?$/im)?.[1];

	for (const via of ['SMTP', 'file'] as const) {
		it(`is the same on every delivery of one message and differs between messages (${via})`, async () => {
			const box = await mailbox(via);
			try {
				// The clock moves as it would between the attempts, a minute apart.
				vi.useFakeTimers({ toFake: ['Date'] });
				const t0 = AFTER_CEREMONY.getTime();
				vi.setSystemTime(t0);
				releaseEkorren(AFTER_CEREMONY);
				const transport = crashingOnce(box.transport);
				expect(await deliverDue(new Date(t0), transport)).toEqual({ sent: 0, retrying: 1, failed: 0 });

				const retryAt = t0 + backoffMs(1);
				vi.setSystemTime(retryAt);
				enqueueMail(year.db, { to: 'admin@demo.test', subject: 'Ett annat meddelande', text: 'Hej.' }, new Date(retryAt));
				expect(await deliverDue(new Date(retryAt), transport)).toEqual({ sent: 2, retrying: 0, failed: 0 });

				const ids = box.raws().map(messageIdOf);
				expect(ids).toHaveLength(3);
				expect(ids[0]).toMatch(/^<[^<>@\s]+@[^<>@\s]+>$/);
				expect(ids[1]).toBe(ids[0]);
				expect(ids[2]).not.toBe(ids[0]);
				expect(outbox().map((m) => m.messageId)).toEqual([ids[0], ids[2]]);
			} finally {
				box.done();
			}
		});
	}
});
