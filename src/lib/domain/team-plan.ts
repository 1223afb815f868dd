/**
 * The assignment as the admin edits it: standing teams (members, one lead, one or two entries),
 * turned into the per-entry assignments that `checkAssignment` judges, and the hand edits (move,
 * swap, lead, add or remove a member or an entry). Pure, so the admin screen can preview an edit in
 * the browser with exactly the rules the server applies when it saves it.
 */
import { checkAssignment, type AssignInput, type AssignResult, type RuleBreach, type RuleCode } from './assign';
import { TEAM_ENTRIES } from './assign/quality';

export interface PlanTeam {
	/** The team row's id; a team made by an edit has an id starting with "new". */
	id: string;
	classId: string;
	name: string;
	published: boolean;
	memberIds: string[];
	leadId: string | null;
	entryIds: string[];
}

export type PlanEdit =
	| { kind: 'move'; teamId: string; examinerId: string; toTeamId: string }
	| { kind: 'swap'; teamId: string; examinerId: string; otherTeamId: string; otherExaminerId: string }
	| { kind: 'lead'; teamId: string; examinerId: string }
	| { kind: 'addMember'; teamId: string; examinerId: string }
	| { kind: 'removeMember'; teamId: string; examinerId: string }
	| { kind: 'addEntry'; teamId: string; entryId: string }
	| { kind: 'removeEntry'; teamId: string; entryId: string }
	| { kind: 'newTeam'; classId: string; entryId: string };

export type EditError = 'notFound' | 'published' | 'notMember' | 'alreadyMember' | 'sameTeam' | 'alreadyThere';
export type EditResult = { ok: true; teams: PlanTeam[] } | { ok: false; error: EditError };

type Assignment = AssignResult['assignments'][number];

/** One assignment per entry of every team; a team without a lead gives '' (the check says "no lead"). */
export function toAssignments(teams: PlanTeam[]): Assignment[] {
	return teams.flatMap((t) => t.entryIds.map((entryId) => ({ entryId, examinerIds: [...t.memberIds], leadId: t.leadId ?? '' })));
}

export interface ProposedTeam {
	classId: string;
	memberIds: string[];
	leadId: string;
	entryIds: string[];
}

/**
 * The engine's per-entry assignments grouped into teams: entries of one class with the same members
 * and lead form one team, of two entries at most, as the rule check counts them (`teamsOf`). Teams
 * come in class order, then by their first entry, so names are stable.
 */
export function groupIntoTeams(assignments: Assignment[], classOf: (entryId: string) => string, classOrder: string[]): ProposedTeam[] {
	const groups = new Map<string, ProposedTeam>();
	const teams: ProposedTeam[] = [];
	const byId = (a: string, b: string) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0);
	for (const a of [...assignments].sort((x, y) => byId(x.entryId, y.entryId))) {
		const classId = classOf(a.entryId);
		const memberIds = [...a.examinerIds].sort(byId);
		const key = [classId, a.leadId, ...memberIds].join('\u0000');
		let team = groups.get(key);
		if (!team || team.entryIds.length === TEAM_ENTRIES) {
			team = { classId, memberIds, leadId: a.leadId, entryIds: [] };
			groups.set(key, team);
			teams.push(team);
		}
		team.entryIds.push(a.entryId);
	}
	const rank = new Map(classOrder.map((c, i) => [c, i]));
	return teams.sort(
		(a, b) => (rank.get(a.classId) ?? Infinity) - (rank.get(b.classId) ?? Infinity) || byId(a.entryIds[0], b.entryIds[0])
	);
}

/**
 * Applies one hand edit to the unpublished teams. A lead who leaves a team hands the lead to the one
 * who takes their place when that person can lead, else the team has no lead until one is chosen.
 * Teams left with neither members nor entries disappear.
 */
export function applyEdit(teams: PlanTeam[], edit: PlanEdit, input: Pick<AssignInput, 'examiners'>): EditResult {
	const next = teams.map((t) => ({ ...t, memberIds: [...t.memberIds], entryIds: [...t.entryIds] }));
	const find = (id: string) => next.find((t) => t.id === id);
	const canLead = (id: string) => input.examiners.some((x) => x.id === id && x.leadCapable);
	const leave = (team: PlanTeam, examinerId: string, successor: string | null) => {
		team.memberIds = team.memberIds.filter((x) => x !== examinerId);
		if (team.leadId === examinerId) team.leadId = successor !== null && canLead(successor) ? successor : null;
	};

	if (edit.kind === 'newTeam') {
		const from = next.find((t) => t.entryIds.includes(edit.entryId));
		if (from?.published) return { ok: false, error: 'published' };
		if (from) from.entryIds = from.entryIds.filter((e) => e !== edit.entryId);
		const id = `new-${edit.classId}-${edit.entryId}`;
		next.push({ id, classId: edit.classId, name: '', published: false, memberIds: [], leadId: null, entryIds: [edit.entryId] });
		return { ok: true, teams: prune(next) };
	}

	const team = find(edit.teamId);
	if (!team) return { ok: false, error: 'notFound' };
	if (team.published) return { ok: false, error: 'published' };

	switch (edit.kind) {
		case 'move': {
			const to = find(edit.toTeamId);
			if (!to) return { ok: false, error: 'notFound' };
			if (to.published) return { ok: false, error: 'published' };
			if (to === team) return { ok: false, error: 'sameTeam' };
			if (!team.memberIds.includes(edit.examinerId)) return { ok: false, error: 'notMember' };
			if (to.memberIds.includes(edit.examinerId)) return { ok: false, error: 'alreadyMember' };
			leave(team, edit.examinerId, null);
			to.memberIds.push(edit.examinerId);
			break;
		}
		case 'swap': {
			const other = find(edit.otherTeamId);
			if (!other) return { ok: false, error: 'notFound' };
			if (other.published) return { ok: false, error: 'published' };
			if (other === team) return { ok: false, error: 'sameTeam' };
			const [a, b] = [edit.examinerId, edit.otherExaminerId];
			if (!team.memberIds.includes(a) || !other.memberIds.includes(b)) return { ok: false, error: 'notMember' };
			if (team.memberIds.includes(b) || other.memberIds.includes(a)) return { ok: false, error: 'alreadyMember' };
			const [aLeads, bLeads] = [team.leadId === a, other.leadId === b];
			leave(team, a, null);
			leave(other, b, null);
			team.memberIds.push(b);
			other.memberIds.push(a);
			if (aLeads) team.leadId = canLead(b) ? b : null;
			if (bLeads) other.leadId = canLead(a) ? a : null;
			break;
		}
		case 'lead':
			if (!team.memberIds.includes(edit.examinerId)) return { ok: false, error: 'notMember' };
			team.leadId = edit.examinerId;
			break;
		case 'addMember':
			if (team.memberIds.includes(edit.examinerId)) return { ok: false, error: 'alreadyMember' };
			team.memberIds.push(edit.examinerId);
			break;
		case 'removeMember':
			if (!team.memberIds.includes(edit.examinerId)) return { ok: false, error: 'notMember' };
			leave(team, edit.examinerId, null);
			break;
		case 'addEntry': {
			if (team.entryIds.includes(edit.entryId)) return { ok: false, error: 'alreadyThere' };
			const from = next.find((t) => t.entryIds.includes(edit.entryId));
			if (from?.published) return { ok: false, error: 'published' };
			if (from) from.entryIds = from.entryIds.filter((e) => e !== edit.entryId);
			team.entryIds.push(edit.entryId);
			break;
		}
		case 'removeEntry':
			if (!team.entryIds.includes(edit.entryId)) return { ok: false, error: 'notFound' };
			team.entryIds = team.entryIds.filter((e) => e !== edit.entryId);
			break;
	}
	return { ok: true, teams: prune(next) };
}

function prune(teams: PlanTeam[]): PlanTeam[] {
	return teams.filter((t) => t.memberIds.length > 0 || t.entryIds.length > 0);
}

/**
 * Hard rules that only say the plan is not finished (a team short of members or lead, an entry
 * without a team): an edit may pass through them, but they block publishing. Every other hard rule
 * (a conflict, over capacity, a lead who cannot lead …) is refused the moment an edit would break it.
 */
const UNFINISHED: ReadonlySet<RuleCode> = new Set(['wrong-size', 'no-lead', 'uncovered']);

export function isRefused(breach: RuleBreach): boolean {
	return breach.hard && !UNFINISHED.has(breach.code);
}

const key = (b: RuleBreach) => [b.code, b.entryId ?? '', b.examinerId ?? '', b.otherExaminerId ?? ''].join('\u0000');

export interface EditCheck {
	/** Every rule broken or bent after the edit. */
	after: RuleBreach[];
	/** What the edit breaks or bends that was not broken before. */
	introduced: RuleBreach[];
	/** Introduced breaches the server refuses. */
	refused: RuleBreach[];
}

/** The rules an edit breaks, judged against the plan as it stood before it. */
export function checkEdit(input: AssignInput, before: PlanTeam[], after: PlanTeam[]): EditCheck {
	const old = new Set(checkAssignment(input, toAssignments(before)).map(key));
	const now = checkAssignment(input, toAssignments(after));
	const introduced = now.filter((b) => !old.has(key(b)));
	return { after: now, introduced, refused: introduced.filter(isRefused) };
}
