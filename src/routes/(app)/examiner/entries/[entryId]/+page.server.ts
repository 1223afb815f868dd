import { fail, type ActionFailure } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { readForm } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';
import { cycleCriteria, revisionSnapshot, scoringPage, submitAssessment } from '$lib/server/scoring/assessments';
import { mayWrite, requireScoring } from '$lib/server/access/guards';
import { criterionIdsOf, readAssessment, saveAssessment } from '$lib/server/scoring/save';
import { assessmentFromForm, assessmentSchema, conflictChoices, fieldErrors, formVersion, validatePosted } from '$lib/server/scoring/form';
import { pickFields, type AssessmentDoc } from '$lib/domain/scoring';

export const load: PageServerLoad = (event) => scoringPage(requireScoring(event, event.params.entryId));

/** Guard, phase and the posted form, read once for every action of the page. */
async function begin(event: RequestEvent) {
	const access = requireScoring(event, event.params.entryId);
	const m = messagesOf(event.cookies).scoring;
	const form = await readForm(event);
	const criterionIds = criterionIdsOf(access.cycle.id);
	const schema = assessmentSchema(m.errors, access.cycle.scaleStep, criterionIds);
	return { access, m, form, criterionIds, schema, open: mayWrite(access), version: formVersion(form) };
}

type Begun = Awaited<ReturnType<typeof begin>>;
type Input = { ok: true; doc: AssessmentDoc; version: number; extra?: Record<string, unknown> } | { ok: false; failure: ActionFailure<Record<string, unknown>> };

/** 409 with both texts: what was sent and what is saved now. */
function conflict(b: Begun, reason: 'conflict' | 'submitted', mine: AssessmentDoc) {
	const current = readAssessment(b.access.entry.id, b.access.user.id, b.criterionIds);
	return fail(409, {
		message: reason === 'submitted' ? b.m.errors.submitted : b.m.errors.conflict,
		conflict: { mine, theirs: current && { version: current.version, status: current.status, doc: current.doc } }
	});
}

/** The posted assessment validated; a refusal carries the field messages and what was typed. */
function posted(b: Begun): Input {
	const post = assessmentFromForm(b.form, b.criterionIds);
	const result = validatePosted(post, b.schema, b.m.errors);
	if (!result.ok) {
		const errors = fieldErrors(result.errors, b.criterionIds);
		return { ok: false, failure: fail(400, { message: Object.values(errors)[0], errors, values: post.foreign ? null : post.raw }) };
	}
	if (!Number.isSafeInteger(b.version)) return { ok: false, failure: fail(400, { message: b.m.errors.version }) };
	return { ok: true, doc: result.data, version: b.version };
}

/** Saves what `input` makes of the request on top of its version; nothing is written on refusal. */
async function save(event: RequestEvent, input: (b: Begun) => Input) {
	const b = await begin(event);
	if (!b.open) return fail(403, { message: b.m.errors.phase });
	const i = input(b);
	if (!i.ok) return i.failure;
	const out = saveAssessment(b.access.entry.id, b.access.user.id, i.version, i.doc);
	if (!out.ok) return conflict(b, out.reason, i.doc);
	return { saved: true, version: out.version, ...i.extra };
}

export const actions: Actions = {
	/** The "Spara" button without JavaScript, and the list buttons (move, remove) with it off. */
	save: (event) => save(event, posted),

	submit: async (event) => {
		const b = await begin(event);
		if (!b.open) return fail(403, { message: b.m.errors.phase });
		const p = posted(b);
		if (!p.ok) return p.failure;
		const out = submitAssessment(b.access, p.version, p.doc);
		if (out.ok) return { submitted: true };
		if (out.reason === 'incomplete') {
			const titles = cycleCriteria(b.access.cycle.id).filter((c) => out.missing.includes(c.id)).map((c) => c.titleSv);
			return fail(400, { message: b.m.page.submitMissing(titles.join(', ')), values: p.doc });
		}
		return conflict(b, out.reason, p.doc);
	},

	/** The conflict view's choices: per field mine or the saved one, on top of the version saved now. */
	resolve: (event) =>
		save(event, (b) => {
			let raw: unknown = null;
			try {
				raw = JSON.parse(String(b.form.get('mine') ?? ''));
			} catch {
				/* refused just below */
			}
			const mine = b.schema.safeParse(raw);
			if (!mine.success || !Number.isSafeInteger(b.version)) return { ok: false, failure: fail(400, { message: b.m.errors.badRequest }) };
			const current = readAssessment(b.access.entry.id, b.access.user.id, b.criterionIds);
			if ((current?.version ?? 0) !== b.version || current?.status === 'submitted')
				return { ok: false, failure: conflict(b, current?.status === 'submitted' ? 'submitted' : 'conflict', mine.data) };
			const doc = current ? pickFields(mine.data, current.doc, conflictChoices(b.form)) : mine.data;
			return { ok: true, doc, version: b.version };
		}),

	/** An earlier version, saved again as the newest. */
	restore: (event) =>
		save(event, (b) => {
			const revision = revisionSnapshot(b.access.entry.id, b.access.user.id, Number(b.form.get('revision')));
			if (!revision) return { ok: false, failure: fail(404, { message: b.m.errors.noSuchRevision }) };
			const doc = b.schema.safeParse(revision.doc);
			if (!doc.success || !Number.isSafeInteger(b.version)) return { ok: false, failure: fail(400, { message: b.m.errors.badRequest }) };
			return { ok: true, doc: doc.data, version: b.version, extra: { restored: revision.version } };
		})
};
