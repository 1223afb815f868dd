/**
 * What examiners read of a submitted account where they score: per criterion the unit's answers
 * to its questions, the unit's own view once they may see it (after the consensus), and the
 * attachments. Null for an account not handed in as a form, so PDF-only entries stay as they were.
 */
import { madeSelf, type SelfAssessment } from '$lib/domain/account';
import { accountHead, accountShape, listAttachments, readAccount, type AccountReader } from './store';

export interface AnswersForScoring {
	entryId: number;
	/** By criterion id: the unit's answer to each question, in the model's order, cleaned when it was saved. */
	answers: Record<number, string[]>;
	/** By criterion id: the unit's self-assessment, only where one was made and the reader may see it. */
	self?: Record<number, SelfAssessment>;
	attachments: { id: number; fileName: string }[];
}

export function answersForScoring(reader: AccountReader, cycleId: number): AnswersForScoring | null {
	const entryId = reader.entry.id;
	// The cheap look first: most reads of the scoring page are of entries whose state is settled.
	if (accountHead(entryId)?.status !== 'submitted') return null;
	const saved = readAccount(reader, accountShape(cycleId));
	if (!saved) return null;
	const self = saved.doc.criteria.flatMap((c) => {
		const made = madeSelf(c.self);
		return made ? [[c.criterionId, made] as const] : [];
	});
	return {
		entryId,
		answers: Object.fromEntries(saved.doc.criteria.map((c) => [c.criterionId, c.answers])),
		...(self.length > 0 ? { self: Object.fromEntries(self) } : {}),
		attachments: listAttachments(saved.id).map((a) => ({ id: a.id, fileName: a.fileName }))
	};
}
