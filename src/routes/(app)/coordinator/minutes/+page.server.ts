import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';
import { coordinatedOrganisations, unitFacts } from '$lib/server/registration/access';
import { coordinatorOverview } from '$lib/server/registration/overview';
import { uploadMinutes } from '$lib/server/registration/minutes';
import { discardBody, uploadTooLarge } from '$lib/server/registry/account';
import { minutesArrival, minutesDeadlineOf } from '$lib/domain/eligibility';
import { may } from '$lib/domain/permissions';

export const load: PageServerLoad = (event) => {
	const { viewer, cycle } = requireArea(event, 'coordinator');
	const organisations = coordinatorOverview(coordinatedOrganisations(viewer, cycle!.id), cycle!).map((o) => ({
		id: o.id,
		name: o.name,
		open: may(viewer, 'minutes.upload', unitFacts(cycle!, { id: -1, organisationId: o.id })),
		units: o.units.filter((u) => u.progress.state === 'registered' || u.progress.state === 'confirmed'),
		minutes: o.minutes,
		// Minutes the award office recorded from a letter or an e-mail: they count for E5 as well,
		// so the coordinator sees them here rather than wondering why nothing is listed.
		recordedByOffice: o.units.filter((u) => u.minutesReceivedDate && u.minutesId === null).map((u) => ({ unitId: u.unitId, name: u.name, dnr: u.minutesDnr, receivedDate: u.minutesReceivedDate! }))
	}));
	const deadlineOf = { cycleYear: cycle!.year, minutesDeadline: cycle!.minutesDeadline };
	const now = new Date();
	// Past the last day the upload would be refused, so the page says so instead of offering the form.
	return { deadline: minutesDeadlineOf(deadlineOf), past: minutesArrival(deadlineOf, now, now) === 'late', organisations };
};

export const actions: Actions = {
	upload: async (event) => {
		const { viewer, cycle, user } = requireArea(event, 'coordinator');
		const m = messagesOf(event.cookies);
		// Refuse by the declared size first: a body that is too large is drained, never parsed.
		const tooLarge = uploadTooLarge(event.request, m.entries);
		if (tooLarge) {
			await discardBody(event.request);
			return fail(413, { errors: { file: tooLarge.account }, values: {} });
		}
		const form = await readForm(event);
		const organisationId = Number(form.get('organisationId'));
		const values = { dnr: String(form.get('dnr') ?? '').slice(0, 60), meetingDate: String(form.get('meetingDate') ?? '').slice(0, 20), organisationId: String(organisationId) };
		if (!coordinatedOrganisations(viewer, cycle!.id).includes(organisationId)) return fail(400, { errors: { _form: m.registration.coordinator.notYours }, values });
		if (!may(viewer, 'minutes.upload', unitFacts(cycle!, { id: -1, organisationId }))) return fail(400, { errors: { _form: m.registration.coordinator.closed }, values });
		const result = await uploadMinutes(cycle!, organisationId, form, user.id, m.registration, m.entries);
		if (!result.ok) return fail(result.status, { errors: result.errors, values });
		return { uploaded: result.value.entries };
	}
};
