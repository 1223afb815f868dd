import type { Actions, PageServerLoad } from './$types';
import { classFinalists, criteriaOf, decisionsOpen, requireClass, requireJury, COMPARE_MAX, COMPARE_MIN } from '$lib/server/jury/jury';
import { classStanding } from '$lib/server/jury/standing';
import { classDecisionBoard } from '$lib/server/jury/decision-board';
import { recordDecisionAction } from '$lib/server/jury/decision-action';

/** The class's page for the meeting: the candidates ranked, the finalists' findings, and the chair's decision. */
export const load: PageServerLoad = (event) => {
	const access = requireJury(event);
	const awardClass = requireClass(access.cycle.id, event.params.classId);
	const reader = { userId: access.user.id, barred: access.barred };
	return {
		awardClass,
		criteria: criteriaOf(access.cycle.id),
		standing: classStanding(access.cycle.id, awardClass.id, reader),
		finalists: classFinalists(access, awardClass.id),
		someBarred: access.barred.size > 0,
		compare: { min: COMPARE_MIN, max: COMPARE_MAX },
		decision: access.isChair ? classDecisionBoard(access.cycle, awardClass, reader) : null,
		open: decisionsOpen(access.cycle)
	};
};

export const actions: Actions = {
	record: recordDecisionAction
};
