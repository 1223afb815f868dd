/**
 * The scoring page with the unit's answers beside each criterion: server time of a page whose
 * entry handed in a 7-criterion account of 20,000 characters as a form, against the same page of
 * an entry with a PDF account only (the baseline), both measured in the same run, interleaved.
 *
 * 1. Seeds the demo year in the assessment phase into a fresh database; one entry of team "Lag 4"
 *    gets a submitted account of 20,000 characters spread over its introduction and answers
 *    (paragraphs and lists), another of the same team keeps only its PDF.
 * 2. Starts the built app (`node server.js`, as `npm start` does; built first if missing) on a free loopback port and signs
 *    examinator10 in.
 * 3. After a warm-up of 50 requests, requests the two pages alternately, one at a time, BENCH_PAGES
 *    (400) times each, and times each answer to its last byte.
 *
 * Target: p95 ≤ 50 ms for the page with the account. Prints median and p95 of both and their ratio;
 * exits non-zero when the target is missed. Run with `npm run bench -- account-scoring`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { openDatabase } from '../src/lib/server/db/open';
import { useDatabase } from '../src/lib/server/db/index';
import * as table from '../src/lib/server/db/schema';
import { seedDemo } from '../src/lib/server/demo/seed';
import { hashPassword } from '../src/lib/server/auth/password';
import { ensureBuilt, freePort, median, percentile, signIn, startServer, stopServer, waitFor } from './server';

const PAGES = Number(process.env.BENCH_PAGES ?? 400);
const WARMUP = 50;
const TARGET_P95_MS = 50;
const CHARACTERS = 20_000;
const PASSWORD = 'bedomning-2026';

const dir = mkdtempSync(join(tmpdir(), 'account-page-bench-'));
const databasePath = join(dir, 'bench.db');
ensureBuilt();

const db = openDatabase(databasePath);
useDatabase(db);
process.env.FILES_DIR = join(dir, 'files');
seedDemo(db, { phase: 'assessment', passwordHash: await hashPassword(PASSWORD) });
const cycle = db.select().from(table.cycle).where(eq(table.cycle.year, 2026)).get()!;
const lead = db.select().from(table.user).where(eq(table.user.email, 'examinator10@demo.test')).get()!;
const teamId = db.select().from(table.teamMember).where(eq(table.teamMember.userId, lead.id)).get()!.teamId;
const [withAccount, withoutAccount] = db.select().from(table.teamEntry).where(eq(table.teamEntry.teamId, teamId)).all().map((r) => r.entryId);

// The baseline has its PDF only; the other a long account, every field a share of 20,000 characters.
db.delete(table.account).where(eq(table.account.entryId, withoutAccount)).run();
const account = db.select().from(table.account).where(eq(table.account.entryId, withAccount)).get()!;
const answers = db.select().from(table.accountAnswer).where(eq(table.accountAnswer.accountId, account.id)).all();
const share = Math.floor(CHARACTERS / (answers.length + 1));
const long = (seed: string) => {
	let text = '';
	for (let i = 0; text.length < share; i++) text += i % 4 === 3 ? `- ${seed} punkt ${i}\n` : `${seed} stycke ${i}: ${'ord '.repeat(30)}\n\n`;
	return text.slice(0, share).trim();
};
db.update(table.account).set({ introduction: long('Om enheten') }).where(eq(table.account.id, account.id)).run();
for (const a of answers) {
	db.update(table.accountAnswer)
		.set({ text: long(`Svar ${a.criterionId}.${a.question}`) })
		.where(and(eq(table.accountAnswer.accountId, a.accountId), eq(table.accountAnswer.criterionId, a.criterionId), eq(table.accountAnswer.question, a.question)))
		.run();
}
const criteria = db.select().from(table.criterion).where(eq(table.criterion.cycleId, cycle.id)).all().length;
const total = db.select().from(table.accountAnswer).where(eq(table.accountAnswer.accountId, account.id)).all().reduce((n, a) => n + a.text.length, share);
db.$client.close();

const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const server = startServer({ port, databasePath, dataDir: dir });
try {
	await waitFor(`${origin}/login`);
	const cookie = await signIn(origin, lead.email, PASSWORD);
	const time = async (entryId: number) => {
		const start = performance.now();
		const response = await fetch(`${origin}/examiner/entries/${entryId}`, { headers: { cookie } });
		const body = await response.text();
		if (response.status !== 200) throw new Error(`${response.status} for entry ${entryId}`);
		return { ms: performance.now() - start, bytes: body.length, answers: body.includes('id="answers-') };
	};
	for (let i = 0; i < WARMUP; i++) await time(i % 2 ? withAccount : withoutAccount);
	const measured = { with: [] as number[], without: [] as number[] };
	let sizes = { with: 0, without: 0 };
	for (let i = 0; i < PAGES; i++) {
		const a = await time(withAccount);
		const b = await time(withoutAccount);
		if (!a.answers || b.answers) throw new Error('the answers are not where they belong');
		measured.with.push(a.ms);
		measured.without.push(b.ms);
		sizes = { with: a.bytes, without: b.bytes };
	}
	const row = (name: string, ms: number[], bytes: number) =>
		`${name.padEnd(32)} median ${median(ms).toFixed(1).padStart(6)} ms   p95 ${percentile(ms, 95).toFixed(1).padStart(6)} ms   ${(bytes / 1024).toFixed(0)} kB`;
	console.log(`Scoring page, ${PAGES} requests each, one at a time (${criteria} criteria, account of ${total.toLocaleString('sv-SE')} characters)`);
	console.log(row('baseline: PDF account only', measured.without, sizes.without));
	console.log(row('with the account form', measured.with, sizes.with));
	const p95 = percentile(measured.with, 95);
	console.log(`ratio (with / baseline): median ${(median(measured.with) / median(measured.without)).toFixed(2)}, p95 ${(p95 / percentile(measured.without, 95)).toFixed(2)}`);
	console.log(p95 <= TARGET_P95_MS ? `p95 ${p95.toFixed(1)} ms ≤ ${TARGET_P95_MS} ms: target met` : `p95 ${p95.toFixed(1)} ms > ${TARGET_P95_MS} ms: TARGET MISSED`);
	if (p95 > TARGET_P95_MS) process.exitCode = 1;
} finally {
	await stopServer(server);
	rmSync(dir, { recursive: true, force: true });
}
