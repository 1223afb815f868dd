/**
 * Retention benchmark (docs/personal-data.md) on the 2,000-entry bench cycle, archived long enough
 * ago that every kind is due: 6,000 submitted assessments with private notes and three saved
 * revisions each (18,000 revisions), a submitted written account and a released feedback report per
 * entry with three saved revisions each, 1,500 examiners and a contact per unit.
 *
 * 1. The admin's overview (`retentionOverview`, what the page loads): median of several runs, against
 *    a baseline of plain SQL counting the same rows.
 * 2. The whole run (`runRetention`: notes, drafts, pseudonymising), on fresh in-memory copies of the
 *    database: median, against a baseline of the same removals as bare SQL statements on the same copies.
 *
 * Run with `npm run bench -- retention` or `npx tsx bench/retention.bench.ts`.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../src/lib/server/db/schema';
import { useDatabase, type DB } from '../src/lib/server/db';
import { retentionOverview } from '../src/lib/server/retention/plan';
import { runRetention } from '../src/lib/server/retention/run';
import { RETENTION_STEP_WORK } from '../src/lib/server/retention/steps';
import { generateCycle } from './generate-scores';
import { writeCycleDb } from './write-cycle-db';
import { median } from './server';

const RUNS = 5;
const dir = join(tmpdir(), 'utmarkelse-bench');
mkdirSync(dir, { recursive: true });
const ms = (v: number) => `${v.toFixed(1)} ms`;

const written = writeCycleDb(join(dir, 'retention.db'), generateCycle({ entries: 2000 }));
const client = written.db.$client;
client.transaction(() => {
	client.prepare(`UPDATE assessment SET notes = 'Privat anteckning om hela bidraget'`).run();
	client.prepare(`UPDATE assessment_score SET notes = 'Privat anteckning'`).run();
	const addRevision = client.prepare(`INSERT INTO assessment_revision (assessment_id, version, snapshot, saved_by, created_at) VALUES (?, ?, ?, ?, 0)`);
	const assessments = client.prepare(`SELECT id, examiner_id FROM assessment`).all() as { id: number; examiner_id: number }[];
	for (const a of assessments) {
		for (const version of [1, 2, 3]) {
			const doc = { notes: `Anteckning ${version}`, criteria: Array.from({ length: 7 }, (_, i) => ({ criterionId: i + 1, score: 50, strengths: ['Styrka'], improvements: ['Förbättring'], notes: 'Privat' })) };
			addRevision.run(a.id, version, JSON.stringify(doc), a.examiner_id);
		}
	}
	const examiner = (client.prepare(`SELECT id FROM user LIMIT 1`).get() as { id: number }).id;
	client.prepare(`INSERT INTO account (entry_id, status, updated_at) SELECT id, 'submitted', 0 FROM entry`).run();
	client.prepare(`INSERT INTO feedback_report (entry_id, status, content, updated_at) SELECT id, 'released', '{"summary":"Sammanfattning"}', 0 FROM entry`).run();
	for (const version of [1, 2, 3]) {
		client.prepare(`INSERT INTO account_revision (account_id, version, snapshot, saved_by) SELECT id, ?, '{"introduction":"Utkast","criteria":[]}', ? FROM account`).run(version, examiner);
		client.prepare(`INSERT INTO feedback_report_revision (report_id, version, content, saved_by) SELECT id, ?, '{"summary":"Utkast"}', ? FROM feedback_report`).run(version, examiner);
	}
	client.prepare(`INSERT INTO unit_contact (unit_id, name, email, phone) SELECT id, 'Kontakt ' || id, 'kontakt' || id || '@bench.test', '08-123 45' FROM unit`).run();
	client.prepare(`UPDATE cycle SET phase = 'archived' WHERE id = ?`).run(written.cycleId);
	client.prepare(`INSERT INTO audit_log (cycle_id, action, entity_type, entity_id, "after", created_at) VALUES (?, 'cycle.phase', 'cycle', ?, '{"phase":"archived"}', ?)`).run(
		written.cycleId,
		String(written.cycleId),
		Date.UTC(2024, 0, 15)
	);
})();
// An image of a WAL database cannot be opened from memory; the rollback journal's can.
client.pragma('journal_mode = DELETE');
const image = client.serialize();
const copy = (): DB => {
	const db = drizzle(new Database(image), { schema }) as DB;
	db.$client.pragma('foreign_keys = ON');
	return db;
};
const count = (db: DB, sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;
console.log(
	`Cykel: ${count(copy(), 'SELECT count(*) AS n FROM entry')} bidrag, ${count(copy(), 'SELECT count(*) AS n FROM assessment')} bedömningar, ` +
		`${count(copy(), 'SELECT count(*) AS n FROM assessment_revision')} versioner, ${count(copy(), 'SELECT count(*) AS n FROM user')} examinatorer`
);

function timed(run: () => void): number {
	const started = performance.now();
	run();
	return performance.now() - started;
}

// 1. The overview, on one copy, against plain counts of the same rows.
const live = copy();
useDatabase(live);
retentionOverview();
const overview = median(Array.from({ length: RUNS }, () => timed(() => retentionOverview())));
const counts = median(
	Array.from({ length: RUNS }, () =>
		timed(() => {
			count(live, `SELECT count(*) AS n FROM assessment WHERE notes <> ''`);
			count(live, `SELECT count(*) AS n FROM assessment_revision`);
			count(live, `SELECT count(*) AS n FROM unit_contact`);
			count(live, `SELECT count(*) AS n FROM cycle_role`);
		})
	)
);
for (const [kind, work] of Object.entries(RETENTION_STEP_WORK)) {
	const cycle = { id: written.cycleId, year: 2026 };
	console.log(`  ${kind}: ${ms(median(Array.from({ length: RUNS }, () => timed(() => work.pending(live, cycle)))))}`);
}
console.log(`Översikten: median ${ms(overview)}; enkla räkningar av samma rader ${ms(counts)}; kvot ${(overview / counts).toFixed(1)}`);

// 2. The whole run, each time on a fresh copy, against bare SQL doing the same removals.
const runs: number[] = [];
const bare: number[] = [];
let removed = '';
for (let i = 0; i < RUNS; i++) {
	const db = copy();
	useDatabase(db);
	runs.push(
		timed(() => {
			const run = runRetention({ actorId: null, now: new Date(Date.UTC(2027, 0, 1)) });
			if (run.failed) throw new Error(run.failed.message);
			removed = run.done.map((s) => `${s.kind} ${s.count}`).join(', ');
		})
	);
	const plain = copy().$client;
	bare.push(
		timed(() =>
			plain.transaction(() => {
				plain.prepare(`UPDATE assessment SET notes = ''`).run();
				plain.prepare(`UPDATE assessment_score SET notes = ''`).run();
				plain.prepare(`UPDATE assessment_revision SET snapshot = json_set(snapshot, '$.notes', '')`).run();
				plain.prepare(`DELETE FROM assessment_revision WHERE id NOT IN (SELECT max(id) FROM assessment_revision GROUP BY assessment_id)`).run();
				plain.prepare(`DELETE FROM account_revision WHERE id NOT IN (SELECT max(id) FROM account_revision GROUP BY account_id)`).run();
				plain.prepare(`DELETE FROM feedback_report_revision WHERE id NOT IN (SELECT max(id) FROM feedback_report_revision GROUP BY report_id)`).run();
				plain.prepare(`UPDATE user SET name = 'Pseudonym P' || id, email = 'p' || id || '@pseudonymiserad.invalid', password_hash = NULL WHERE is_admin = 0`).run();
				plain.prepare(`UPDATE unit_contact SET name = 'Pseudonym K' || id, email = 'k' || id || '@pseudonymiserad.invalid', phone = NULL`).run();
			})()
		)
	);
}
console.log(`Gallringen (${removed}): median ${ms(median(runs))}; samma borttagningar som rå SQL ${ms(median(bare))}; kvot ${(median(runs) / median(bare)).toFixed(1)}`);
