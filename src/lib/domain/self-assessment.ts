/**
 * The unit's own view of each criterion in its written account (docs/unit-side.md#5-self-assessment):
 * what a self-assessment may hold, and who may see it when. Examiners, leads and the jury must not
 * see it before the entry's consensus is done, or it would anchor their judgement.
 */
import { answerLength, type AccountField, type AccountInput, type SelfAssessmentInput } from './account';
import { BANDS } from './default-model';
import { may, type EntryFacts, type Viewer } from './permissions';

/** The longest reason, counted as answers are (`answerLength`): a short reason, not a second answer. */
export const SELF_REASON_LIMIT = 1000;

/** A band the model has: an index into `BANDS`. */
export function isBand(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < BANDS.length;
}

export type SelfAssessmentProblem = 'band' | 'reasonWithoutBand' | 'reasonTooLong';

/**
 * What is wrong with one criterion's self-assessment as sent, or null; none at all is fine. A
 * reason written before its band is kept while the account is a draft, since refusing the save
 * would stop the whole form from saving until a band is chosen; it is refused only when the
 * account is handed in, where a reason without a band would say nothing beside the team's band.
 */
export function selfAssessmentProblem(self: SelfAssessmentInput | null | undefined, stage: 'draft' | 'submission' = 'draft'): SelfAssessmentProblem | null {
	if (!self) return null;
	if (self.band !== null && !isBand(self.band)) return 'band';
	if (answerLength(self.reason) > SELF_REASON_LIMIT) return 'reasonTooLong';
	if (stage === 'submission' && self.band === null && answerLength(self.reason) > 0) return 'reasonWithoutBand';
	return null;
}

/** The reasons still waiting for their band: what keeps the account from being handed in, besides empty answers. */
export function reasonsWithoutBand(doc: AccountInput): (AccountField & { kind: 'reason' })[] {
	return doc.criteria.filter((c) => selfAssessmentProblem(c.self, 'submission') === 'reasonWithoutBand').map((c) => ({ kind: 'reason' as const, criterionId: c.criterionId }));
}

/**
 * Whether the viewer may see the unit's self-assessment of this entry: the unit's own contacts
 * always (it is theirs, and they write it); everyone else who may read the account (the admin,
 * the entry's team, the jury for a finalist) only once the entry's consensus is done. The admin
 * waits too: the award office's use of it, training on the spread, starts after the consensus,
 * and a person who is admin and examiner at once must not be anchored either. The coordinator
 * never reads accounts, so never sees it. A conflict of interest bars as `may` always does.
 */
export function selfAssessmentVisible(viewer: Viewer, facts: EntryFacts): boolean {
	return may(viewer, 'account.open', facts) || (facts.consensusDone && may(viewer, 'entry.readAccount', facts));
}
