/**
 * What examiners read of a submitted account where they score: per criterion the unit's answers
 * to its questions, and the attachments. Null for an account not handed in as a form, so PDF-only
 * entries stay as they were.
 */
import { accountHead, accountShape, listAttachments, readAccount } from './store';

export interface AnswersForScoring {
	entryId: number;
	/** By criterion id: the unit's answer to each question, in the model's order, cleaned when it was saved. */
	answers: Record<number, string[]>;
	attachments: { id: number; fileName: string }[];
}

export function answersForScoring(entryId: number, cycleId: number): AnswersForScoring | null {
	// The cheap look first: most reads of the scoring page are of entries whose state is settled.
	if (accountHead(entryId)?.status !== 'submitted') return null;
	const saved = readAccount(entryId, accountShape(cycleId));
	if (!saved) return null;
	return {
		entryId,
		answers: Object.fromEntries(saved.doc.criteria.map((c) => [c.criterionId, c.answers])),
		attachments: listAttachments(saved.id).map((a) => ({ id: a.id, fileName: a.fileName }))
	};
}
