/** Rule breaches in words, for the teams page and its live preview (runs in the browser too). */
import type { RuleBreach } from '$lib/domain/assign';
import type { PlanTeam } from '$lib/domain/team-plan';
import type { Messages } from '$lib/i18n';

export interface Names {
	entry: (id: string) => string;
	examiner: (id: string) => string;
	/** The class name of an entry. */
	entryClass: (id: string) => string;
	capacity: (examinerId: string) => number;
	teamSize: number;
	teams: PlanTeam[];
}

export interface Described {
	key: string;
	hard: boolean;
	text: string;
}

function words(b: RuleBreach, n: Names, t: Messages['assignment']['teams']): string {
	const entry = n.entry(b.entryId ?? '');
	const who = n.examiner(b.examinerId ?? '');
	const r = t.rules;
	switch (b.code) {
		case 'uncovered':
		case 'no-lead':
		case 'unknown-entry':
		case 'duplicate-entry':
			return r[b.code](entry);
		case 'wrong-size': {
			const team = n.teams.find((x) => x.entryIds.includes(b.entryId ?? ''));
			return r['wrong-size'](entry, new Set(team?.memberIds ?? []).size, n.teamSize);
		}
		case 'duplicate-member':
			return r['duplicate-member'](entry, who);
		case 'lead-not-capable':
		case 'team-split':
		case 'unknown-examiner':
			return r[b.code](who);
		case 'conflict':
			return b.reason === 'organisation' ? r.conflictOrganisation(who, entry) : b.reason === 'coordinator' ? r.conflictCoordinator(who, entry) : r.conflictDeclared(who, entry);
		case 'over-capacity':
			return r['over-capacity'](who, n.capacity(b.examinerId ?? ''));
		case 'expertise-miss':
			return r['expertise-miss'](who, n.entryClass(b.entryId ?? ''));
		case 'same-organisation':
			return r['same-organisation'](who, n.examiner(b.otherExaminerId ?? ''));
	}
}

/**
 * The breaches in words, once each: a rule about a person (over capacity, on split teams, without
 * the class) is said once however many of the team's entries it touches. Errors come first.
 */
export function describeBreaches(breaches: RuleBreach[], n: Names, t: Messages['assignment']['teams']): Described[] {
	const seen = new Set<string>();
	const out: Described[] = [];
	for (const b of breaches) {
		const text = words(b, n, t);
		const key = `${b.hard ? 'E' : 'W'}${text}`;
		if (seen.has(key)) continue;
		seen.add(key);
		out.push({ key, hard: b.hard, text });
	}
	return out.sort((a, b) => Number(b.hard) - Number(a.hard));
}

/** What the page's actions answer, read loosely: each action returns its own part of it. */
export interface ActionOutcome {
	action?: string;
	message?: string;
	teamId?: string | null;
	started?: boolean;
	introduced?: RuleBreach[];
	refused?: RuleBreach[];
	published?: number;
	blocked?: RuleBreach[];
	unpublished?: number;
	discarded?: boolean;
	errors?: Record<string, string>;
	reason?: string;
}
