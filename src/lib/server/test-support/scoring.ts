/**
 * Shared set-up for the scoring integration tests: the demo year in the assessment phase and the
 * people of team "Lag 4" — examinator10 leads and has submitted, examinator11 has a draft,
 * examinator12 has not started — with unmistakable marks in the teammates' texts, so a test can
 * see whether anything of theirs leaks.
 */
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from './db';
import * as table from '../db/schema';
import type { DB } from '../db';
import { seedDemo, type DemoPhase } from '../demo/seed';
import { criterionKey, type AssessmentDoc } from '$lib/domain/scoring';

export const SECRET = { lead: 'HEMLIGT-LEDARE', draft: 'HEMLIGT-UTKAST', notes: 'PRIVAT-ANTECKNING' };

export function scoringYear(phase: DemoPhase = 'assessment') {
	const db: DB = createTestDatabase();
	seedDemo(db, { phase, passwordHash: 'x' });
	const cycle = db.select().from(table.cycle).where(eq(table.cycle.year, 2026)).get()!;
	const oldCycle = db.select().from(table.cycle).where(eq(table.cycle.year, 2025)).get()!;
	const userId = (email: string) => db.select().from(table.user).where(eq(table.user.email, email)).get()!.id;
	const lead = userId('examinator10@demo.test');
	const drafter = userId('examinator11@demo.test');
	const fresh = userId('examinator12@demo.test');
	const admin = userId('admin@demo.test');
	const teamId = db.select().from(table.teamMember).where(eq(table.teamMember.userId, lead)).get()!.teamId;
	const entries = db.select().from(table.teamEntry).where(eq(table.teamEntry.teamId, teamId)).all().map((r) => r.entryId);
	const entryId = entries[0];
	const otherEntry = db.select().from(table.teamEntry).all().find((r) => r.teamId !== teamId)!.entryId;
	const criteria = db.select().from(table.criterion).where(eq(table.criterion.cycleId, cycle.id)).orderBy(table.criterion.sortOrder).all();
	const criterionIds = criteria.map((c) => c.id);
	const oldCriterion = db.select().from(table.criterion).where(eq(table.criterion.cycleId, oldCycle.id)).get()!.id;

	// Marks in the teammates' texts (the lead's submitted, the drafter's draft) and private notes.
	for (const [examiner, mark] of [
		[lead, SECRET.lead],
		[drafter, SECRET.draft]
	] as const) {
		for (const e of entries) {
			const a = db.select().from(table.assessment).where(and(eq(table.assessment.entryId, e), eq(table.assessment.examinerId, examiner))).get();
			if (!a) continue;
			db.update(table.assessmentScore).set({ strengths: [`${mark} styrka`], improvements: [`${mark} förbättring`], notes: SECRET.notes }).where(eq(table.assessmentScore.assessmentId, a.id)).run();
			db.update(table.assessment).set({ notes: SECRET.notes }).where(eq(table.assessment.id, a.id)).run();
		}
	}

	const doc = (score: number | null = 50, text = 'Egen text'): AssessmentDoc => ({
		notes: `${text} anteckning`,
		criteria: criterionIds.map((criterionId) => ({ criterionId, score, strengths: [`${text} styrka`], improvements: [`${text} förbättring`], notes: '' }))
	});
	const assessmentOf = (examiner: number, entry = entryId) =>
		db.select().from(table.assessment).where(and(eq(table.assessment.entryId, entry), eq(table.assessment.examinerId, examiner))).get();
	/** Everything a scoring write touches, to prove that a refused write changed nothing. */
	const snapshot = () => ({
		assessments: db.select().from(table.assessment).all(),
		scores: db.select().from(table.assessmentScore).all(),
		revisions: db.select().from(table.assessmentRevision).all().length,
		consensus: db.select().from(table.consensus).all(),
		consensusScores: db.select().from(table.consensusScore).all(),
		visits: db.select().from(table.siteVisit).all(),
		audit: db.select().from(table.auditLog).all().length
	});
	const setPhase = (phase: typeof cycle.phase) => db.update(table.cycle).set({ phase }).where(eq(table.cycle.id, cycle.id)).run();
	return { db, cycle, lead, drafter, fresh, admin, userId, entries, entryId, otherEntry, criteria, criterionIds, oldCriterion, doc, assessmentOf, snapshot, setPhase };
}

interface EventInit {
	params?: Record<string, string>;
	form?: FormData;
	json?: unknown;
	method?: string;
}

/** A request as routes see it: a signed-in user (or none), cookies without a language. */
export function scoringEvent(userId: number | null, path: string, init: EventInit = {}) {
	const url = `http://localhost${path}`;
	const request = init.form
		? new Request(url, { method: 'POST', body: init.form })
		: init.json !== undefined
			? new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.json) })
			: new Request(url, { method: init.method ?? 'GET' });
	return {
		locals: { user: userId === null ? null : { id: userId, email: '', name: '', isAdmin: false }, session: null },
		url: new URL(url),
		params: init.params ?? {},
		cookies: { get: () => undefined },
		request,
		// A load may declare what it depends on (for invalidation); a test has nothing to invalidate.
		depends: () => {}
	} as never;
}

/** The assessment form as the page posts it. */
export function assessmentForm(doc: AssessmentDoc, version: number, extra: Record<string, string> = {}): FormData {
	const form = new FormData();
	form.set('version', String(version));
	form.set('notes', doc.notes);
	for (const c of doc.criteria) {
		form.set(criterionKey(c.criterionId, 'score'), c.score === null ? '' : String(c.score));
		for (const p of c.strengths) form.append(criterionKey(c.criterionId, 'strengths'), p);
		for (const p of c.improvements) form.append(criterionKey(c.criterionId, 'improvements'), p);
		form.set(criterionKey(c.criterionId, 'notes'), c.notes);
	}
	for (const [k, v] of Object.entries(extra)) form.set(k, v);
	return form;
}

/** Runs a thrown SvelteKit error or redirect into a value, so tests can look at its status. */
export async function outcome<T>(run: () => T | Promise<T>): Promise<T | { thrown: number }> {
	try {
		return await run();
	} catch (e) {
		const status = (e as { status?: number }).status;
		if (typeof status === 'number') return { thrown: status };
		throw e;
	}
}
