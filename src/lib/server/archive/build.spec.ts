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
		const progress: ArchiveProgress[] = [];
		const built = await buildArchive(cycle, join(dir, 'a.zip'), (p) => progress.push(p));
		const unpacked = unpackAndCheck(readFileSync(built.path));
		expect(unpacked.problems).toEqual([]);
		const paths = built.manifest.files.map((f) => f.path);
		expect(unpacked.files.size).toBe(paths.length + 1);

		const entries = db.select().from(table.entry).where(eq(table.entry.cycleId, cycle.id)).all();
		const accounts = built.manifest.files.filter((f) => f.origin === 'uploaded');
		expect(accounts).toHaveLength(entries.filter((e) => e.accountSha256).length);
		expect(accounts.length).toBeGreaterThan(0);
		// Uploaded accounts are packed byte for byte: the hash is the one the store keeps them under.
		expect(new Set(accounts.map((a) => a.sha256))).toEqual(new Set(entries.flatMap((e) => (e.accountSha256 ? [e.accountSha256] : []))));
		expect(accounts.every((a) => a.pdfProfile === undefined && a.mediaType === 'application/pdf')).toBe(true);

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
		for (const f of built.manifest.files.filter((f) => f.origin === 'tool' && f.mediaType === 'application/pdf')) {
			const raw = unpacked.files.get(f.path)!.toString('latin1');
			expect(f.pdfProfile).toBe('PDF/A-2a');
			expect(raw).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>A<\/pdfaid:conformance>/);
			expect(raw).toMatch(/pdfuaid:part/);
			expect(raw).toMatch(/\/OutputIntents/);
			expect(raw).toMatch(/\/FontFile2/);
		}

		const decisions = JSON.parse(unpacked.files.get('jury/beslut.json')!.toString('utf8'));
		expect(decisions.flatMap((c: { decisions: unknown[] }) => c.decisions).length).toBe(db.select().from(table.decision).where(eq(table.decision.cycleId, cycle.id)).all().length);
		const index = unpacked.files.get(INDEX_FILE)!.toString('utf8');
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
