/**
 * The rules for the chair's decision in one class (docs/jury.md#4-decisions): entries with the
 * award or an honourable mention, each with a citation; or no award in the class, with a reason
 * (mentions may still be given). E8 blocks the award. The candidates are the finalists the chair
 * is not barred from, so one they are in conflict with is as unknown as any other entry. Lengths
 * are checked by the form's schema; these rules only say what may be combined.
 */

export const CITATION_MAX = 1000;
export type Outcome = 'award' | 'mention';

/** How a class's outcomes are listed wherever they are read: the award, then the mentions, then "no award". */
export const OUTCOME_ORDER = { award: 0, mention: 1, none: 2 } as const;

export function byOutcome(a: { outcome: keyof typeof OUTCOME_ORDER }, b: { outcome: keyof typeof OUTCOME_ORDER }): number {
	return OUTCOME_ORDER[a.outcome] - OUTCOME_ORDER[b.outcome];
}

export interface DecisionCandidate {
	id: string;
	/** Why E8 blocks the award, or null when it does not. */
	awardBlockedReason: string | null;
}

export interface ClassDecisionInput {
	items: { entryId: string; outcome: Outcome; citation: string }[];
	noAward: boolean;
	reason: string;
}

export type DecisionIssueCode =
	| 'unknown-entry'
	| 'duplicate'
	| 'citation-required'
	| 'award-blocked'
	| 'award-and-none'
	| 'reason-required'
	| 'empty';

export interface DecisionIssue {
	code: DecisionIssueCode;
	/** The entry concerned, for the codes that concern one. */
	entryId?: string;
	/** For award-blocked: the E8 reason to show. */
	detail?: string;
}

export function checkClassDecision(candidates: readonly DecisionCandidate[], input: ClassDecisionInput): DecisionIssue[] {
	const byId = new Map(candidates.map((c) => [c.id, c]));
	const issues: DecisionIssue[] = [];
	const seen = new Set<string>();
	for (const item of input.items) {
		const candidate = byId.get(item.entryId);
		if (seen.has(item.entryId)) {
			issues.push({ code: 'duplicate', entryId: item.entryId });
			continue;
		}
		seen.add(item.entryId);
		if (!candidate) {
			issues.push({ code: 'unknown-entry', entryId: item.entryId });
			continue;
		}
		if (item.citation.trim() === '') issues.push({ code: 'citation-required', entryId: item.entryId });
		if (item.outcome === 'award') {
			if (candidate.awardBlockedReason !== null) {
				issues.push({ code: 'award-blocked', entryId: item.entryId, detail: candidate.awardBlockedReason });
			} else if (input.noAward) {
				issues.push({ code: 'award-and-none', entryId: item.entryId });
			}
		}
	}
	if (input.noAward && input.reason.trim() === '') issues.push({ code: 'reason-required' });
	if (!input.noAward && input.items.length === 0) issues.push({ code: 'empty' });
	return issues;
}
