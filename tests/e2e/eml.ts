/** Reading the .eml files the server's outbox writes when no SMTP server is set. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';

export interface Eml {
	file: string;
	to: string;
	subject: string;
	text: string;
}

/** Undoes quoted-printable (soft line breaks and =XX bytes) and decodes UTF-8. */
function decodeQuotedPrintable(body: string): string {
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

function decodeHeader(value: string): string {
	return value.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_, kind: string, text: string) =>
		kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' '))
	);
}

export function readMails(dir: string): Eml[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((f) => f.endsWith('.eml'))
		.sort()
		.map((file) => {
			const raw = readFileSync(join(dir, file), 'utf8');
			const split = raw.indexOf('\n\n');
			const head = raw.slice(0, split).replace(/\n[ \t]+/g, ' ');
			const header = (name: string) => decodeHeader(head.match(new RegExp(`^${name}: (.*)$`, 'mi'))?.[1] ?? '');
			const qp = /^Content-Transfer-Encoding: quoted-printable/im.test(head);
			const body = raw.slice(split + 2);
			return { file, to: header('To'), subject: header('Subject'), text: qp ? decodeQuotedPrintable(body) : body };
		});
}

/** Waits for a message to `to` whose subject matches, that was not there before. */
export async function waitForMail(dir: string, to: string, subject: RegExp, seen: Set<string>): Promise<Eml> {
	let found: Eml | undefined;
	await expect
		.poll(() => {
			found = readMails(dir).find((m) => !seen.has(m.file) && m.to.includes(to) && subject.test(m.subject));
			return Boolean(found);
		}, { timeout: 15_000, message: `an e-mail to ${to} about ${subject}` })
		.toBe(true);
	seen.add(found!.file);
	return found!;
}
