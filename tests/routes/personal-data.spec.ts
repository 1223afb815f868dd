import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as table from '$lib/server/db/schema';
import { feedbackYear } from '$lib/server/test-support/feedback';
import { outcome, scoringEvent } from '$lib/server/test-support/scoring';
import { contactKey } from '$lib/server/personal-data/contacts';
import * as search from '../../src/routes/(app)/admin/people/+page.server';
import * as person from '../../src/routes/(app)/admin/people/[person]/+page.server';
import * as json from '../../src/routes/(app)/admin/people/[person]/extract.json/+server';
import * as pdf from '../../src/routes/(app)/admin/people/[person]/extract.pdf/+server';

function setup() {
	const y = feedbackYear();
	const admin = y.user('admin@demo.test').id;
	const examiner = y.user('examinator1@demo.test').id;
	const at = (userId: number, path: string, params: Record<string, string> = {}, form?: FormData) => scoringEvent(userId, path, { params, form }) as never;
	const extracts = () => y.db.select().from(table.auditLog).where(eq(table.auditLog.action, 'person.extract')).all();
	return { ...y, admin, examiner, at, extracts };
}

describe('a person’s data, as the admin reaches it', { timeout: 30_000 }, () => {
	it('is the admin’s alone: search, person page, actions and both downloads are a 403 for anyone else', async () => {
		const s = setup();
		const params = { person: String(s.admin) };
		expect(await outcome(() => search.load(s.at(s.examiner, '/admin/people?q=exam')))).toEqual({ thrown: 403 });
		expect(await outcome(() => person.load(s.at(s.examiner, `/admin/people/${s.admin}`, params)))).toEqual({ thrown: 403 });
		expect(await outcome(() => json.GET(s.at(s.examiner, `/admin/people/${s.admin}/extract.json`, params)))).toEqual({ thrown: 403 });
		expect(await outcome(() => pdf.GET(s.at(s.examiner, `/admin/people/${s.admin}/extract.pdf`, params)))).toEqual({ thrown: 403 });
		const form = new FormData();
		form.set('confirm', 'yes');
		expect(await outcome(() => person.actions.erase(s.at(s.examiner, `/admin/people/${s.admin}?/erase`, params, form)))).toEqual({ thrown: 403 });
		expect(s.extracts()).toEqual([]);
	});

	it('hands the admin the JSON extract naming the person’s assessments, and logs it', async () => {
		const s = setup();
		const response = (await json.GET(s.at(s.admin, `/admin/people/${s.examiner}/extract.json`, { person: String(s.examiner) }))) as Response;
		expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="registerutdrag-\d+-\d{4}-\d{2}-\d{2}\.json"$/);
		const body = await response.json();
		expect(body.person.email).toBe('examinator1@demo.test');
		expect(body.assessments.length).toBeGreaterThan(0);
		expect(s.extracts()).toEqual([expect.objectContaining({ actorId: s.admin, entityId: String(s.examiner), after: { format: 'json' } })]);
	});

	it('is a 404 for a person who does not exist', async () => {
		const s = setup();
		expect(await outcome(() => person.load(s.at(s.admin, '/admin/people/999999', { person: '999999' })))).toEqual({ thrown: 404 });
		expect(await outcome(() => json.GET(s.at(s.admin, '/admin/people/x/extract.json', { person: 'x' })))).toEqual({ thrown: 404 });
	});

	it('refuses erasing without the box ticked, and explains a refusal where records are kept', async () => {
		const s = setup();
		const params = { person: String(s.examiner) };
		const unticked = (await person.actions.erase(s.at(s.admin, `/admin/people/${s.examiner}?/erase`, params, new FormData()))) as { status: number; data: { errors: { confirm: string } } };
		expect(unticked.status).toBe(400);
		expect(unticked.data.errors.confirm).toMatch(/^Kryssa i/);
		const form = new FormData();
		form.set('confirm', 'yes');
		const refused = (await person.actions.erase(s.at(s.admin, `/admin/people/${s.examiner}?/erase`, params, form))) as { status: number; data: { refusals: string[] } };
		expect(refused.status).toBe(409);
		expect(refused.data.refusals).toContain('authoredRecords');
		expect(s.db.select().from(table.user).where(eq(table.user.id, s.examiner)).get()).toBeDefined();
	});

	it('opens a contact without a login under the key the search gives, with an extract that lists their unit, and logs it', async () => {
		const s = setup();
		const found = (await search.load(s.at(s.admin, '/admin/people?q=enhet2%40'))) as { people: { key: string; withoutLogin: boolean }[] };
		expect(found.people).toEqual([expect.objectContaining({ withoutLogin: true })]);
		const params = { person: found.people[0].key };
		const page = (await person.load(s.at(s.admin, `/admin/people/${params.person}`, params))) as { person: { email: string; erasureRefusals: string[] } };
		expect(page.person).toMatchObject({ email: 'enhet2@demo.test', erasureRefusals: ['activeRoles'] });
		const response = (await json.GET(s.at(s.admin, `/admin/people/${params.person}/extract.json`, params))) as Response;
		const body = await response.json();
		expect(body.unitContacts).toEqual([expect.objectContaining({ unit: 'Tillfälliga boenden', entered: [2025, 2026] })]);
		expect(s.extracts()).toEqual([expect.objectContaining({ actorId: s.admin, entityType: 'contact_person', after: expect.objectContaining({ format: 'json' }) })]);
		expect(await outcome(() => person.load(s.at(s.examiner, `/admin/people/${params.person}`, params)))).toEqual({ thrown: 403 });
		expect(await outcome(() => person.load(s.at(s.admin, '/admin/people/k0', { person: 'k0' })))).toEqual({ thrown: 404 });

		// A new address is a new key: the correction leads to the page under it, which says it is saved.
		const form = new FormData();
		for (const [name, value] of Object.entries({ name: 'Sara Lind', email: 'sara.lind@demo.test', 'was.name': body.person.name, 'was.email': 'enhet2@demo.test' })) form.set(name, value);
		const moved = await Promise.resolve()
			.then(() => person.actions.correct(s.at(s.admin, `/admin/people/${params.person}?/correct`, params, form)))
			.catch((e: { status: number; location: string }) => e);
		expect(moved).toMatchObject({ status: 303, location: `/admin/people/${contactKey('sara.lind@demo.test')}?done=corrected` });
		expect(await outcome(() => person.load(s.at(s.admin, `/admin/people/${params.person}`, params)))).toEqual({ thrown: 404 });
	});
});
