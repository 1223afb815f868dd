import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { classFinalists, decisionsOpen, requireClass, requireJury } from '$lib/server/jury/jury';
import { ballotSummary, castBallot, openTally, parseBallotForm, withdrawBallot } from '$lib/server/jury/ballots';
import { ballotErrorMessage, refusalMessage, refusalStatus } from '$lib/server/jury/form';
import { readForm } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';

export const load: PageServerLoad = (event) => {
	const access = requireJury(event);
	const awardClass = requireClass(access.cycle.id, event.params.classId);
	const finalists = classFinalists(access, awardClass.id).map(({ entryId, unitName }) => ({ entryId, unitName }));
	return {
		awardClass,
		finalists,
		isChair: access.isChair,
		someBarred: access.barred.size > 0,
		summary: ballotSummary(access.cycle.id, awardClass.id, { userId: access.user.id, barred: access.barred }),
		open: decisionsOpen(access.cycle),
		closed: access.cycle.decisionsClosedAt !== null
	};
};

function voter(event: RequestEvent) {
	const access = requireJury(event);
	const awardClass = requireClass(access.cycle.id, event.params.classId);
	return { access, voter: { userId: access.user.id, cycleId: access.cycle.id, classId: awardClass.id } };
}

export const actions: Actions = {
	cast: async (event) => {
		const { access, voter: v } = voter(event);
		const form = await readForm(event);
		const m = messagesOf(event.cookies).juryWork.errors;
		const places = Math.max(1, classFinalists(access, v.classId).length);
		const values = Object.fromEntries([...form.entries()].filter(([k, x]) => k.startsWith('rank-') && typeof x === 'string'));
		const parsed = parseBallotForm(form, places);
		if (!parsed.ok) return fail(400, { message: m.placeRange(places), values });
		const result = castBallot(v, parsed.ranking);
		if (result.ok) return { saved: true };
		if ('refusal' in result) return fail(refusalStatus(result.refusal), { message: refusalMessage(result.refusal, m), values });
		return fail(400, { message: ballotErrorMessage(result.errors, m, places), values });
	},
	withdraw: async (event) => {
		const { voter: v } = voter(event);
		const m = messagesOf(event.cookies).juryWork.errors;
		const result = withdrawBallot(v);
		if (!result.ok) return fail(refusalStatus(result.refusal), { message: refusalMessage(result.refusal, m) });
		return { withdrawn: true };
	},
	openTally: async (event) => {
		const { voter: v } = voter(event);
		const m = messagesOf(event.cookies).juryWork.errors;
		const result = openTally(v);
		if (!result.ok) return fail(refusalStatus(result.refusal), { message: refusalMessage(result.refusal, m) });
		return { tallyOpened: true };
	}
};
