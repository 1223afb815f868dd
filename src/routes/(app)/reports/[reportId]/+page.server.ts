import type { Actions, PageServerLoad } from './$types';
import { may } from '$lib/domain/permissions';
import { mayEdit } from '$lib/domain/feedback';
import { requireReport } from '$lib/server/feedback/access';
import { currentContent } from '$lib/server/feedback/reports';
import { blockersFor } from '$lib/server/feedback/release';
import { approveAction, releaseAction, sendBackAction } from '$lib/server/feedback/review-actions';

export const load: PageServerLoad = (event) => {
	const { report, viewer, facts, cycle } = requireReport(event, event.params.reportId);
	const admin = may(viewer, 'feedback.release', facts);
	return {
		report: { id: report.id, entryId: report.entryId, status: report.status, version: report.version, releasedAt: report.releasedAt },
		content: currentContent(report),
		mayEdit: mayEdit(report.status) && may(viewer, 'feedback.draft', facts),
		admin,
		isUnit: viewer.unitIds.includes(facts.unitId),
		blockers: admin ? blockersFor(cycle) : []
	};
};

export const actions: Actions = {
	approve: approveAction,
	sendBack: sendBackAction,
	release: releaseAction
};
