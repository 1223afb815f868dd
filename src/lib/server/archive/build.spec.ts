import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { AFTER_CEREMONY, feedbackYear, ORIGIN } from '../test-support/feedback';
import { releaseAllApproved } from '../feedback/release';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { buildArchive } from './build';
import { unpackAndCheck } from './verify';
import { PACKAGE_ENTITY } from './contents';
import { createZip } from './zip-writer';
import { submittedAccountPdf } from '../account/pdf';
import { readEntry } from '../access/entry-facts';
import { INDEX_FILE, MANIFEST_FILE, type ArchiveProgress } from '$lib/domain/archive';

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'utmarkelse-archive-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the archive package of the demo year in the feedback phase', { timeout: 60_000 }, () => {
	it('unpacks to exactly the files its manifest lists, each with its hash, size and type', async () => {
		const { db, cycle, user } = feedbackYear();
		expect(releaseAllApproved(cycle.id, { actorId: user('admin@demo.test').id, overrideReason: '', origin: ORIGIN, now: AFTER_CEREMONY }).ok).toBe(true);
		// One account typeset and stored before the build, as submitting does; the others are not yet.
		const first = db.select().from(table.account).where(eq(table.account.status, 'submitted')).get()!;
		// As the admin opens it once the consensus is done: with the unit's own view, as the package keeps it.
		const asAdmin = (entryId: number) => readEntry(user('admin@demo.test').id, entryId)!;
		const typesetFirst = (await submittedAccountPdf(asAdmin(first.entryId), cycle.id))!.sha256;
		const progress: ArchiveProgress[] = [];
		const built = await buildArchive(cycle, join(dir, 'a.zip'), (p) => progress.push(p));
		const unpacked = unpackAndCheck(readFileSync(built.path));
		expect(unpacked.problems).toEqual([]);
		const paths = built.manifest.files.map((f) => f.path);
		expect(unpacked.files.size).toBe(paths.length + 1);

		// Each entry's account once: the form it handed in, typeset as PDF/A, else the PDF it uploaded.
		const entries = db.select().from(table.entry).where(eq(table.entry.cycleId, cycle.id)).all();
		const forms = new Map(db.select().from(table.account).where(eq(table.account.status, 'submitted')).all().map((a) => [a.entryId, a]));
		const accounts = new Map(built.manifest.files.filter((f) => f.path.endsWith('/redovisning.pdf')).map((f) => [f.entryId, f]));
		expect([...accounts.keys()].sort()).toEqual(entries.filter((e) => e.accountSha256 || forms.has(e.id)).map((e) => e.id).sort());
		const typeset = entries.filter((e) => forms.has(e.id));
		expect(typeset.length).toBeGreaterThan(0);
		expect(typeset.length).toBeLessThan(entries.length);
		for (const e of entries) {
			const file = accounts.get(e.id)!;
			if (forms.has(e.id)) expect(file).toMatchObject({ origin: 'typeset', pdfProfile: 'PDF/A-2a', mediaType: 'application/pdf' });
			// Uploaded accounts are packed byte for byte: the hash is the one the store keeps them under.
			else expect(file).toMatchObject({ origin: 'uploaded', sha256: e.accountSha256, mediaType: 'application/pdf' });
			expect(file.pdfProfile === undefined).toBe(file.origin === 'uploaded');
		}
		// The typeset account is the one the tool stores when it is submitted: the one typeset before
		// the build and those typeset after it have the hashes the package gives them.
		for (const e of typeset) await submittedAccountPdf(asAdmin(e.id), cycle.id);
		const stored = db.select().from(table.account).where(eq(table.account.status, 'submitted')).all();
		// Entries whose consensus is not done are kept without the unit's own view, as the admin sees them.
		expect(stored.map((a) => accounts.get(a.entryId)!.sha256)).toEqual(stored.map((a) => a.pdfSha256 ?? a.pdfWithoutSelfSha256));
		expect(accounts.get(first.entryId)!.sha256).toBe(typesetFirst);

		// Each board's minutes once, as uploaded, with the entries they approve, linked from each one.
		const minutes = db.select().from(table.boardMinutes).where(eq(table.boardMinutes.cycleId, cycle.id)).all();
		expect(minutes.length).toBeGreaterThan(0);
		const minutesFiles = built.manifest.files.filter((f) => f.minutes);
		expect(minutesFiles.map((f) => [f.sha256, f.bytes, f.origin, f.minutes!.dnr, f.minutes!.meetingDate])).toEqual(minutes.map((m) => [m.sha256, m.size, 'uploaded', m.dnr, m.meetingDate]));
		const index = unpacked.files.get(INDEX_FILE)!.toString('utf8');
		const records = JSON.parse(unpacked.files.get('bidrag/bidrag.json')!.toString('utf8')) as { id: number; unit: string; boardMinutes: { file: string | null } }[];
		for (const m of minutesFiles) {
			const approved = entries.filter((e) => e.minutesDocumentId !== null && minutes.find((r) => r.sha256 === m.sha256)?.id === e.minutesDocumentId);
			expect(approved.length).toBeGreaterThan(1);
			expect(m.minutes!.entryIds).toEqual(approved.map((e) => e.id));
			for (const e of approved) {
				expect(records.find((r) => r.id === e.id)!.boardMinutes.file).toBe(m.path);
				expect(m.minutes!.units).toContain(records.find((r) => r.id === e.id)!.unit);
				expect(index).toContain(`>${accounts.get(e.id)!.path}</a></td><td>${accounts.get(e.id)!.title}<br><a href="${m.path}">`);
			}
		}

		// The cycle's own: last year's released reports of the returning units belong to last year's package.
		const released = db
			.select({ id: table.feedbackReport.id })
			.from(table.feedbackReport)
			.innerJoin(table.entry, eq(table.entry.id, table.feedbackReport.entryId))
			.where(and(eq(table.feedbackReport.status, 'released'), eq(table.entry.cycleId, cycle.id)))
			.all();
		expect(released.length).toBeGreaterThan(0);
		expect(paths.filter((p) => p.startsWith('aterkoppling/'))).toHaveLength(released.length);
		expect(paths).toEqual(expect.arrayContaining(['cykel/installningar.json', 'cykel/bedomningsmodell.json', 'bidrag/bidrag.csv', 'bedomning/konsensus.json', 'rangordning/rangordning.pdf', 'jury/protokoll.pdf', 'jury/beslut.json', 'logg/granskningslogg.csv', 'logg/granskningslogg.json', INDEX_FILE]));

		// Every PDF the tool wrote declares PDF/A-2a and keeps its PDF/UA claim, with the fonts embedded.
		for (const f of built.manifest.files.filter((f) => f.origin !== 'uploaded' && f.mediaType === 'application/pdf')) {
			const raw = unpacked.files.get(f.path)!.toString('latin1');
			expect(f.pdfProfile).toBe('PDF/A-2a');
			expect(raw).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>A<\/pdfaid:conformance>/);
			expect(raw).toMatch(/pdfuaid:part/);
			expect(raw).toMatch(/\/OutputIntents/);
			expect(raw).toMatch(/\/FontFile2/);
		}

		const decisions = JSON.parse(unpacked.files.get('jury/beslut.json')!.toString('utf8'));
		expect(decisions.flatMap((c: { decisions: unknown[] }) => c.decisions).length).toBe(db.select().from(table.decision).where(eq(table.decision.cycleId, cycle.id)).all().length);
		for (const path of paths.filter((p) => p !== INDEX_FILE)) expect(index).toContain(`>${path}</a>`);
		expect(progress.at(-1)).toEqual({ done: paths.length + 1, total: paths.length + 1 });
	});

	it('gives the same manifest and the same bytes when built again, also after its own audit entries', async () => {
		const { db, cycle, user } = feedbackYear();
		const first = await buildArchive(cycle, join(dir, 'b1.zip'));
		appendAudit(db, { actorId: user('admin@demo.test').id, cycleId: cycle.id, action: 'download', entityType: PACKAGE_ENTITY, entityId: cycle.year });
		const second = await buildArchive(cycle, join(dir, 'b2.zip'));
		expect(second.manifest).toEqual(first.manifest);
		expect(readFileSync(second.path).equals(readFileSync(first.path))).toBe(true);

		// A change to the cycle is a new state, and the manifest says so.
		appendAudit(db, { actorId: null, cycleId: cycle.id, action: 'note', entityType: 'cycle', entityId: cycle.id });
		const third = await buildArchive(cycle, join(dir, 'b3.zip'));
		expect(third.manifest.auditLogUntil!.id).toBeGreaterThan(first.manifest.auditLogUntil!.id);
		expect(third.manifest.files.find((f) => f.path === 'logg/granskningslogg.json')!.sha256).not.toBe(
			first.manifest.files.find((f) => f.path === 'logg/granskningslogg.json')!.sha256
		);
	});

	it('the check finds a changed, a missing and an extra file', async () => {
		const { cycle } = feedbackYear();
		const built = await buildArchive(cycle, join(dir, 'c.zip'));
		const good = unpackAndCheck(readFileSync(built.path));
		const doctored = join(dir, 'doctored.zip');
		const zip = await createZip(doctored);
		const [changed, missing] = built.manifest.files;
		for (const [path, content] of good.files) {
			if (path === missing.path) continue;
			await zip.add(path, path === changed.path ? Buffer.concat([content, Buffer.from(' ')]) : content);
		}
		await zip.add('extra.json', Buffer.from('{}'));
		await zip.close();
		const problems = unpackAndCheck(readFileSync(doctored)).problems;
		expect(problems).toEqual([
			`${changed.path} är ${changed.bytes + 1} byte, manifestet säger ${changed.bytes}.`,
			`${changed.path} har inte den SHA-256 som manifestet anger.`,
			`${missing.path} saknas i paketet.`,
			'extra.json finns i paketet men inte i manifestet.'
		]);
		expect(MANIFEST_FILE).toBe('manifest.json');
	});

	it('leaves nothing behind when it fails, and keeps an earlier package', async () => {
		const { cycle } = feedbackYear();
		const target = join(dir, 'd.zip');
		writeFileSync(target, 'earlier');
		const saved = process.env.FILES_DIR;
		process.env.FILES_DIR = join(dir, 'no-such-store');
		try {
			await expect(buildArchive(cycle, target)).rejects.toThrow(/saknas i dokumentlagret/);
		} finally {
			process.env.FILES_DIR = saved;
		}
		expect(readFileSync(target, 'utf8')).toBe('earlier');
		expect(() => readFileSync(`${target}.partial`)).toThrow();
	});
});
