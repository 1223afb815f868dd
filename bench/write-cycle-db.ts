/**
 * Writes a generated cycle (./generate-scores.ts) into a fresh SQLite file with the real migrations:
 * a cycle in the jury phase, its classes and the default criteria, one unit per entry (all eligible),
 * the examiners' submitted assessments and, per entry, a consensus marked done whose scores are the
 * rounded means of the team's, recommending the entry when that total reaches 55.
 * Raw prepared statements in one transaction: 300,000 rows take seconds, not minutes.
 */
import { rmSync } from 'node:fs';
import { openDatabase, type DB } from '../src/lib/server/db/open';
import { DEFAULT_CLASSES, DEFAULT_CRITERIA } from '../src/lib/domain/default-model';
import type { GeneratedCycle } from './generate-scores';

export interface WrittenCycle {
	db: DB;
	cycleId: number;
	classIds: number[];
	/** Database ids by the generated ids (`e00001`, `x00001`). */
	entryIds: Map<string, number>;
	examinerIds: Map<string, number>;
}

const ORGANISATIONS = 30;

export function writeCycleDb(path: string, cycle: GeneratedCycle, admin?: { email: string; passwordHash: string }): WrittenCycle {
	for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
	const db = openDatabase(path);
	const client = db.$client;
	const insert = (sql: string) => {
		const statement = client.prepare(sql);
		return (...values: unknown[]) => Number(statement.run(...values).lastInsertRowid);
	};
	const write = client.transaction(() => {
		if (admin) insert(`INSERT INTO user (email, name, password_hash, is_admin) VALUES (?, ?, ?, 1)`)(admin.email, 'Bench Admin', admin.passwordHash);
		const cycleId = insert(
			`INSERT INTO cycle (year, name, phase, account_deadline, minutes_deadline) VALUES (2026, 'Benchmark 2026', 'jury', '2026-05-18', '2026-06-30')`
		)();
		const addClass = insert(`INSERT INTO award_class (cycle_id, name_sv, name_en, sort_order) VALUES (?, ?, ?, ?)`);
		const classIds = new Map<string, number>();
		cycle.classes.forEach((c, i) => {
			const names = DEFAULT_CLASSES[i % DEFAULT_CLASSES.length];
			const suffix = i < DEFAULT_CLASSES.length ? '' : ` ${i + 1}`;
			classIds.set(c.id, addClass(cycleId, names.nameSv + suffix, names.nameEn + suffix, i));
		});
		const addCriterion = insert(
			`INSERT INTO criterion (cycle_id, key, title_sv, title_en, kind, weight, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?)`
		);
		const criterionIds = new Map<string, number>();
		cycle.criteria.forEach((c, i) => {
			const known = DEFAULT_CRITERIA.find((d) => d.key === c.key);
			criterionIds.set(c.key, addCriterion(cycleId, c.key, known?.titleSv ?? c.key, known?.titleEn ?? c.key, known?.kind ?? 'approach', c.weight, i));
		});
		const addOrg = insert(`INSERT INTO organisation (name, kind) VALUES (?, 'district')`);
		const orgIds = Array.from({ length: ORGANISATIONS }, (_, i) => addOrg(`Förvaltning ${i + 1}`));
		const addUnit = insert(
			`INSERT INTO unit (organisation_id, name, manager_budget_resp, manager_staff_resp, has_business_plan, staff_count, last_year_result, forecast_result)
			 VALUES (?, ?, 1, 1, 1, 12, 100000, 50000)`
		);
		const addEntry = insert(
			`INSERT INTO entry (cycle_id, unit_id, class_id, account_received_date, minutes_received_date) VALUES (?, ?, ?, '2026-05-12', '2026-06-12')`
		);
		const entryIds = new Map<string, number>();
		cycle.entries.forEach((e, i) => {
			const unitId = addUnit(orgIds[i % ORGANISATIONS], `Enhet ${e.id}`);
			entryIds.set(e.id, addEntry(cycleId, unitId, classIds.get(e.classId)));
		});
		const addUser = insert(`INSERT INTO user (email, name) VALUES (?, ?)`);
		const addRole = insert(`INSERT INTO cycle_role (cycle_id, user_id, role) VALUES (?, ?, 'examiner')`);
		const userIds = new Map<string, number>();
		for (const x of cycle.examiners) {
			const userId = addUser(`${x.id}@bench.test`, `Examinator ${x.id}`);
			addRole(cycleId, userId);
			userIds.set(x.id, userId);
		}
		const addAssessment = insert(
			`INSERT INTO assessment (entry_id, examiner_id, status, updated_at, submitted_at) VALUES (?, ?, 'submitted', 0, 0)`
		);
		const addScore = insert(`INSERT INTO assessment_score (assessment_id, criterion_id, score) VALUES (?, ?, ?)`);
		const assessments = new Map<string, number>();
		const sums = new Map<string, { sum: number; n: number }>();
		for (const s of cycle.scores) {
			const key = `${s.entryId} ${s.examinerId}`;
			let assessmentId = assessments.get(key);
			if (assessmentId === undefined) {
				assessmentId = addAssessment(entryIds.get(s.entryId), userIds.get(s.examinerId));
				assessments.set(key, assessmentId);
			}
			addScore(assessmentId, criterionIds.get(s.criterion), s.score);
			const cell = `${s.entryId} ${s.criterion}`;
			const acc = sums.get(cell) ?? { sum: 0, n: 0 };
			acc.sum += s.score;
			acc.n++;
			sums.set(cell, acc);
		}
		const addConsensus = insert(`INSERT INTO consensus (entry_id, status, recommend_finalist, updated_at) VALUES (?, 'done', ?, 0)`);
		const addConsensusScore = insert(`INSERT INTO consensus_score (consensus_id, criterion_id, score) VALUES (?, ?, ?)`);
		const weightSum = cycle.criteria.reduce((sum, c) => sum + c.weight, 0);
		for (const e of cycle.entries) {
			const agreed = cycle.criteria.map((c) => {
				const acc = sums.get(`${e.id} ${c.key}`);
				return acc ? Math.round(acc.sum / acc.n / 5) * 5 : null;
			});
			if (agreed.includes(null)) continue;
			const total = agreed.reduce<number>((sum, s, i) => sum + s! * cycle.criteria[i].weight, 0) / weightSum;
			const consensusId = addConsensus(entryIds.get(e.id), total >= 55 ? 1 : 0);
			cycle.criteria.forEach((c, i) => addConsensusScore(consensusId, criterionIds.get(c.key), agreed[i]));
		}
		return { cycleId, classIds: [...classIds.values()], entryIds, examinerIds: userIds };
	});
	const written = write();
	client.pragma('wal_checkpoint(TRUNCATE)');
	return { db, ...written };
}
