/**
 * The autosave's guard. It asks the same question as `requireScoring` + `mayWrite` — the same
 * viewer, the same facts, the same `may` — but reads them in one prepared statement, where the
 * general guard's dozen query builds cost about a millisecond per save. A test holds the two to
 * the same answers for every person, entry and phase of the demo.
 */
import type Database from 'better-sqlite3';
import { db } from '../db';
import { may, type EntryFacts, type Viewer } from '$lib/domain/permissions';
import type { Phase } from '$lib/domain/phases';

interface AccessRow {
	is_admin: number | null;
	roles: string;
	leads: string;
	units: string;
	cycle_id: number;
	phase: Phase;
	scale_step: number;
	unit_id: number;
	member_lead: number | null;
	conflicted: number;
	finalist: number | null;
	own_status: string | null;
	report_status: string | null;
	criterion_ids: string;
}

/** What `loadViewer` and `entryFacts` read, and the cycle's criteria the document must cover, as one row. */
const ACCESS = `
	SELECT
		(SELECT is_admin FROM user WHERE id = :user) AS is_admin,
		(SELECT json_group_array(json_array(cycle_id, role)) FROM cycle_role WHERE user_id = :user) AS roles,
		(SELECT json_group_array(DISTINCT t.cycle_id) FROM team_member tm JOIN team t ON t.id = tm.team_id
			WHERE tm.user_id = :user AND tm.is_lead = 1 AND t.published_at IS NOT NULL) AS leads,
		(SELECT json_group_array(DISTINCT unit_id) FROM unit_contact WHERE user_id = :user) AS units,
		e.cycle_id, c.phase, c.scale_step, e.unit_id,
		(SELECT tm.is_lead FROM team_entry te
			JOIN team t ON t.id = te.team_id
			JOIN team_member tm ON tm.team_id = t.id
			WHERE te.entry_id = e.id AND tm.user_id = :user AND t.published_at IS NOT NULL LIMIT 1) AS member_lead,
		(EXISTS (SELECT 1 FROM conflict WHERE user_id = :user AND entry_id = e.id)
			OR EXISTS (SELECT 1 FROM examiner_profile WHERE user_id = :user AND cycle_id = e.cycle_id AND organisation_id = u.organisation_id)
			OR EXISTS (SELECT 1 FROM cycle_role WHERE user_id = :user AND cycle_id = e.cycle_id AND organisation_id = u.organisation_id)) AS conflicted,
		(SELECT status = 'done' AND recommend_finalist = 1 FROM consensus WHERE entry_id = e.id) AS finalist,
		(SELECT status FROM assessment WHERE entry_id = e.id AND examiner_id = :user) AS own_status,
		(SELECT status FROM feedback_report WHERE entry_id = e.id) AS report_status,
		(SELECT json_group_array(id ORDER BY sort_order, id) FROM criterion WHERE cycle_id = e.cycle_id) AS criterion_ids
	FROM entry e
	JOIN cycle c ON c.id = e.cycle_id
	JOIN unit u ON u.id = e.unit_id
	WHERE e.id = :entry`;

const statements = new WeakMap<Database.Database, Database.Statement<{ user: number; entry: number }, AccessRow>>();

function statement() {
	const client = db().$client;
	let s = statements.get(client);
	if (!s) statements.set(client, (s = client.prepare(ACCESS)));
	return s;
}

export interface SaveAccessFacts {
	viewer: Viewer;
	facts: EntryFacts;
	scaleStep: number;
	/** The cycle's criteria in the model's order, as `criterionIdsOf` lists them. */
	criterionIds: number[];
}

/** The viewer and the entry's facts as the general guard sees them, or null for no such entry. */
export function saveAccessFacts(userId: number, entryId: number): SaveAccessFacts | null {
	if (!Number.isSafeInteger(entryId) || entryId <= 0) return null;
	const row = statement().get({ user: userId, entry: entryId });
	if (!row) return null;
	return {
		viewer: {
			userId,
			isAdmin: row.is_admin === 1,
			cycleRoles: (JSON.parse(row.roles) as [number, Viewer['cycleRoles'][number]['role']][]).map(([cycleId, role]) => ({ cycleId, role })),
			leadCycleIds: JSON.parse(row.leads),
			unitIds: JSON.parse(row.units)
		},
		facts: {
			cycleId: row.cycle_id,
			phase: row.phase,
			unitId: row.unit_id,
			onTeam: row.member_lead !== null,
			isLead: row.member_lead === 1,
			conflicted: row.conflicted === 1,
			isFinalist: row.finalist === 1,
			ownSubmitted: row.own_status === 'submitted',
			reportReleased: row.report_status === 'released'
		},
		scaleStep: row.scale_step,
		criterionIds: JSON.parse(row.criterion_ids)
	};
}

export type SaveAccess = { ok: true; cycleId: number; scaleStep: number; criterionIds: number[] } | { ok: false; status: 404 | 403 };

/** 404 where `requireScoring` would answer 404; 403 where the phase closes writing; else the cycle. */
export function saveAccess(userId: number, entryId: number): SaveAccess {
	const found = saveAccessFacts(userId, entryId);
	if (!found) return { ok: false, status: 404 };
	const { viewer, facts } = found;
	if (!may(viewer, 'entry.readAccount', facts) || !facts.onTeam) return { ok: false, status: 404 };
	if (!may(viewer, 'assessment.write', facts)) return { ok: false, status: 403 };
	return { ok: true, cycleId: facts.cycleId, scaleStep: found.scaleStep, criterionIds: found.criterionIds };
}
