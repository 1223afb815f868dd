import { describe, expect, it } from 'vitest';
import { sv } from '$lib/i18n/sv';
import { examinerFormValues, parseExaminerForm } from './form';

const form = (fields: Record<string, string | string[]>) => {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
	return data;
};

describe('the examiner form', () => {
	it('reads a filled-in form into the examiner’s data', () => {
		const values = examinerFormValues(
			form({ name: ' Greta Lind ', email: 'greta@stockholm.se', organisationId: '4', trainedYear: '2021', leadCapable: 'on', capacity: '2', classIds: ['1', '3'] })
		);
		expect(parseExaminerForm(values, 2026, sv)).toEqual({
			ok: true,
			data: { name: 'Greta Lind', email: 'greta@stockholm.se', organisationId: 4, trainedYear: 2021, leadCapable: true, capacity: 2, classIds: [1, 3] }
		});
		const bare = parseExaminerForm(examinerFormValues(form({ name: 'Olle', email: 'olle@stockholm.se', capacity: '0' })), 2026, sv);
		expect(bare).toEqual({
			ok: true,
			data: { name: 'Olle', email: 'olle@stockholm.se', organisationId: null, trainedYear: null, leadCapable: false, capacity: 0, classIds: [] }
		});
	});

	it('names each bad field in Swedish', () => {
		const t = sv.assignment.form.errors;
		const result = parseExaminerForm(
			examinerFormValues(form({ name: '', email: 'inte-en-adress', organisationId: 'x', trainedYear: '2030', capacity: '11', classIds: ['a'] })),
			2026,
			sv
		);
		expect(result).toEqual({
			ok: false,
			errors: { name: t.name, email: t.email, organisationId: t.organisation, trainedYear: t.trainedYear, capacity: t.capacity, classIds: t.expertise }
		});
	});
});
