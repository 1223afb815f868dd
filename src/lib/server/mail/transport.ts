/**
 * Where e-mail goes: over SMTP when SMTP_URL is set, otherwise into .eml files under OUTBOX_DIR
 * (data/outbox by default), which is what a developer or a test reads.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';

export interface OutgoingMail {
	id: number;
	/** The outbox row's own Message-ID, the same on every attempt. */
	messageId: string;
	to: string;
	subject: string;
	text: string;
	html: string | null;
}

export interface MailTransport {
	/** Resolves once the message is handed over; rejects with the reason otherwise. */
	send(mail: OutgoingMail): Promise<void>;
}

/** The host the tool's e-mail comes from: ORIGIN's. */
function mailHost(): string {
	try {
		if (process.env.ORIGIN) return new URL(process.env.ORIGIN).hostname;
	} catch {
		// A malformed ORIGIN is adapter-node's problem; the mail just falls back.
	}
	return 'localhost';
}

export function mailFrom(): string {
	return process.env.MAIL_FROM || `Kvalitetsutmärkelsen <noreply@${mailHost()}>`;
}

/** A new, globally unique Message-ID, made once per outbox message when it is queued. */
export function newMessageId(): string {
	return `<${randomUUID()}@${mailHost()}>`;
}

function message(mail: OutgoingMail) {
	return {
		from: mailFrom(),
		to: mail.to,
		subject: mail.subject,
		text: mail.text,
		...(mail.html ? { html: mail.html } : {}),
		messageId: mail.messageId,
		headers: { 'X-Outbox-Id': String(mail.id) }
	};
}

/** Sends over SMTP; timeouts are short so a dead server makes a quick, retried failure. */
export function smtpTransport(url: string): MailTransport {
	const transporter = nodemailer.createTransport({
		url,
		connectionTimeout: 10_000,
		greetingTimeout: 10_000,
		socketTimeout: 30_000
	} as Parameters<typeof nodemailer.createTransport>[0]);
	return {
		async send(mail) {
			await transporter.sendMail(message(mail));
		}
	};
}

/** Writes each message as an RFC 822 .eml file, as a mail client would save it. */
export function fileTransport(dir: string): MailTransport {
	const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
	return {
		async send(mail) {
			const info = await composer.sendMail(message(mail));
			mkdirSync(dir, { recursive: true });
			const stamp = new Date().toISOString().replace(/[:.]/g, '-');
			writeFileSync(join(dir, `${stamp}-${mail.id}.eml`), info.message as Buffer);
		}
	};
}

export function outboxDir(): string {
	return resolve(process.env.OUTBOX_DIR ?? 'data/outbox');
}

/** The transport the environment asks for. */
export function defaultTransport(): MailTransport {
	const url = process.env.SMTP_URL;
	return url ? smtpTransport(url) : fileTransport(outboxDir());
}

/** The public address for links in e-mail: ORIGIN when set (behind a proxy), else the request's. */
export function publicOrigin(requestUrl: URL): string {
	return (process.env.ORIGIN || requestUrl.origin).replace(/\/+$/, '');
}
