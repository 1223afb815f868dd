/**
 * How long the tool keeps what (docs/personal-data.md): the kinds of record that are removed or
 * pseudonymised a set time after a cycle is archived, the per-cycle settings with their safe
 * defaults, what is due on a given day, and whom pseudonymising may touch. Pure: the server
 * gathers the facts and makes the changes.
 */
import { compareIsoDays, isIsoDay } from './dates';

export type RetentionAction = 'delete' | 'pseudonymise';

export interface RetentionKind {
	action: RetentionAction;
	/** Months after the day the cycle was archived. */
	defaultMonths: number;
}

/**
 * Every kind of record that retention touches, in the order a run takes them. A new kind is one
 * line here and one step in `src/lib/server/retention/steps.ts`; decisions, minutes, released
 * reports, submitted assessments and accounts, and the audit log are no kind: they are kept.
 */
export const RETENTION_KINDS = {
	/** Examiners' private notes: their own working memory, never part of the record. */
	privateNotes: { action: 'delete', defaultMonths: 3 },
	/** Every saved state of an assessment but its last, which is what was submitted. */
	assessmentDrafts: { action: 'delete', defaultMonths: 3 },
	/** Every saved state of a unit's written account but its last; the submitted account and its receipt are the record. */
	accountDrafts: { action: 'delete', defaultMonths: 3 },
	/** Every saved state of a feedback report but its last; the released report is the record. */
	reportDrafts: { action: 'delete', defaultMonths: 3 },
	/** Names and addresses of examiners and unit contacts with no later part in the award. */
	personalData: { action: 'pseudonymise', defaultMonths: 24 }
} as const satisfies Record<string, RetentionKind>;

export type RetentionKindName = keyof typeof RETENTION_KINDS;
export const RETENTION_KIND_NAMES = Object.keys(RETENTION_KINDS) as RetentionKindName[];

/** The bounds of a setting: at least a month after archiving, at most ten years. */
export const RETENTION_MONTHS = { min: 1, max: 120 } as const;

export type RetentionSettings = Record<RetentionKindName, number>;

/** The settings form's field for a kind: the page posts it and the server reads and keys its message by it. */
export const monthsField = (kind: string) => `months.${kind}`;

/** A cycle's settings: what it stored, the default for every kind it did not (or stored out of bounds). */
export function retentionSettings(stored: Partial<Record<string, unknown>> | null | undefined): RetentionSettings {
	const settings = {} as RetentionSettings;
	for (const kind of RETENTION_KIND_NAMES) {
		const value = stored?.[kind];
		settings[kind] = isRetentionMonths(value) ? value : RETENTION_KINDS[kind].defaultMonths;
	}
	return settings;
}

export function isRetentionMonths(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value >= RETENTION_MONTHS.min && value <= RETENTION_MONTHS.max;
}

/** The day a given number of months after a day; the 31st becomes the month's last day when it has none. */
export function addMonths(isoDay: string, months: number): string {
	const [year, month, day] = isoDay.split('-').map(Number);
	const index = year * 12 + (month - 1) + months;
	const y = Math.floor(index / 12);
	const m = (index % 12) + 1;
	const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
	return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

export interface CycleRetentionFacts {
	/** The Stockholm day the cycle moved to `archived`; null while it is not archived. */
	archivedOn: string | null;
	settings: RetentionSettings;
	/** The kinds already carried out for the cycle. */
	done: readonly RetentionKindName[];
}

export interface RetentionStep {
	kind: RetentionKindName;
	action: RetentionAction;
	months: number;
	/** The first day the step may run; null while the cycle is not archived. */
	dueOn: string | null;
	state: 'done' | 'due' | 'waiting';
}

/** For a cycle and a day: every kind, when it falls due, and whether it is done, due now or waiting. */
export function retentionSteps(facts: CycleRetentionFacts, today: string): RetentionStep[] {
	const archivedOn = facts.archivedOn !== null && isIsoDay(facts.archivedOn) ? facts.archivedOn : null;
	return RETENTION_KIND_NAMES.map((kind) => {
		const months = facts.settings[kind];
		const dueOn = archivedOn === null ? null : addMonths(archivedOn, months);
		const state = facts.done.includes(kind) ? 'done' : dueOn !== null && compareIsoDays(dueOn, today) <= 0 ? 'due' : 'waiting';
		return { kind, action: RETENTION_KINDS[kind].action, months, dueOn, state };
	});
}

/** What a person has to do with the award beyond the cycle being pseudonymised. */
export interface PersonFacts {
	isAdmin: boolean;
	/** Years of the cycles in which they hold a role: examiner, juror, chair, team member, or contact of an entering unit. */
	roleYears: readonly number[];
	/** They sat on a jury: the closed minutes, a public record, name them. */
	namedInMinutes: boolean;
	/** Already pseudonymised: nothing left to replace. */
	pseudonymised: boolean;
}

export type PseudonymDecision = 'pseudonymise' | 'admin' | 'laterRole' | 'namedInMinutes' | 'already';

/**
 * Whether the personal-data step of a cycle pseudonymises a person: not the award office, not
 * someone who still has a part in a later cycle (that cycle's own step will come to them), and not
 * a jury member, whose name the kept minutes carry.
 */
export function pseudonymDecision(person: PersonFacts, cycleYear: number): PseudonymDecision {
	if (person.pseudonymised) return 'already';
	if (person.isAdmin) return 'admin';
	if (person.namedInMinutes) return 'namedInMinutes';
	if (person.roleYears.some((year) => year > cycleYear)) return 'laterRole';
	return 'pseudonymise';
}

const PSEUDONYM_TAGS = { user: 'P', contact: 'K', proposal: 'F' } as const;

/**
 * The stable stand-in for a person's name and address: the same person always gets the same one.
 * A user is tagged P, a unit contact without an account K, the contact named in a unit proposal F.
 */
export function pseudonymFor(subject: { kind: keyof typeof PSEUDONYM_TAGS; id: number }): { name: string; email: string } {
	const tag = `${PSEUDONYM_TAGS[subject.kind]}${subject.id}`;
	return { name: `Pseudonym ${tag}`, email: `${tag.toLowerCase()}@${PSEUDONYM_DOMAIN}` };
}

/** `.invalid` is reserved (RFC 2606): no mail to a pseudonym can ever be delivered. */
export const PSEUDONYM_DOMAIN = 'pseudonymiserad.invalid';

export function isPseudonymAddress(email: string): boolean {
	return email.endsWith(`@${PSEUDONYM_DOMAIN}`);
}

/** What keeps a person's records from being erased outright. */
export interface ErasureFacts {
	isAdmin: boolean;
	/** They wrote or decided something that is kept: assessments, consensus, ballots, decisions, reports, conflict declarations. */
	authoredRecords: number;
	/** Entries in the audit log made by them: the log refers to them and is never rewritten. */
	auditActions: number;
	/** Cycles, not yet archived, in which they hold a role (a contact: units entering such a cycle, or a proposal awaiting the admin). */
	activeRoles: number;
	/** Unit proposals that name them as the unit's contact: the coordinator's record of what was proposed. */
	namedInProposals: number;
}

export type ErasureRefusal = 'admin' | 'authoredRecords' | 'auditActions' | 'activeRoles' | 'namedInProposals';

/**
 * Whether a person may be erased outright, or why not. Where records must be kept the answer is
 * pseudonymising instead: the records stay and no longer name them.
 */
export function erasureRefusals(facts: ErasureFacts): ErasureRefusal[] {
	const refusals: ErasureRefusal[] = [];
	if (facts.isAdmin) refusals.push('admin');
	if (facts.activeRoles > 0) refusals.push('activeRoles');
	if (facts.authoredRecords > 0) refusals.push('authoredRecords');
	if (facts.auditActions > 0) refusals.push('auditActions');
	if (facts.namedInProposals > 0) refusals.push('namedInProposals');
	return refusals;
}

/**
 * Why a person cannot be pseudonymised now: the award office must stay named, and so must anyone
 * with a part in a cycle under way, whose work would lose its author mid-year.
 */
export function pseudonymRefusals(facts: ErasureFacts): ErasureRefusal[] {
	return erasureRefusals(facts).filter((r) => r === 'admin' || r === 'activeRoles');
}
