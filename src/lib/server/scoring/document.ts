/** The examiner's own assessment as a versioned document: what the scoring page's actions and its autosave are told. */
import { error } from '@sveltejs/kit';
import { mayWrite, requireScoring, saveAccess } from '../access/guards';
import { revisionSnapshot, submitAssessment } from './assessments';
import { assessmentFromForm, assessmentSchema } from './form';
import { readAssessment, saveAssessment } from './save';
import { refuse, scoredTarget, type Begun, type Input, type VersionedDocument } from './versioned-actions';
import type { AssessmentDoc } from '$lib/domain/scoring';

export const assessmentDocument: VersionedDocument<AssessmentDoc, { submitted: true }> = {
	guard: (event) => requireScoring(event, event.params.entryId),
	writable: mayWrite,
	schema: assessmentSchema,
	fromForm: assessmentFromForm,
	read: (access, criterionIds) => readAssessment(access.entry.id, access.user.id, criterionIds),
	save: (access, baseVersion, doc) => saveAssessment(access.entry.id, access.user.id, baseVersion, doc),
	finish: submitAssessment,
	autosave: (event, user) => {
		// The same one read as the page's guard, answering 403 as data: the autosave replies in JSON.
		const entryId = Number(event.params.entryId);
		const access = saveAccess(user.id, entryId);
		if (!access.ok && access.status === 404) error(404, { message: 'not-found' });
		if (!access.ok) return null;
		return scoredTarget('assessment', assessmentSchema, access.scaleStep, access.criterionIds, (baseVersion, doc) => saveAssessment(entryId, user.id, baseVersion, doc));
	},
	closed: 'submitted',
	finished: { submitted: true },
	closedMessage: (e) => e.submitted,
	missingMessage: (m, titles) => m.page.submitMissing(titles)
};

/** An earlier version of one's own assessment, to be saved again as the newest. */
export function restoredRevision(b: Begun<AssessmentDoc>): Input<AssessmentDoc> {
	const revision = revisionSnapshot(b.access.entry.id, b.access.user.id, Number(b.form.get('revision')));
	if (!revision) return refuse(404, { message: b.m.errors.noSuchRevision });
	const doc = b.schema.safeParse(revision.doc);
	if (!doc.success || !Number.isSafeInteger(b.version)) return refuse(400, { message: b.m.errors.badRequest });
	return { ok: true, doc: doc.data, version: b.version, extra: { restored: revision.version } };
}
