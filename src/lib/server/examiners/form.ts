/** The examiner form: posted values, their validation with Swedish messages, and the choices it offers. */
import { z } from 'zod';
import { asc, eq } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { validate, type Validated } from '../http/validate';
import type { Messages } from '$lib/i18n';
import type { ExaminerData, PoolMember } from './pool';

export interface ExaminerFormValues {
	name: string;
	email: string;
	organisationId: string;
	trainedYear: string;
	leadCapable: boolean;
	capacity: string;
	classIds: string[];
}

export function examinerFormValues(form: FormData): ExaminerFormValues {
	const field = (name: string) => {
		const v = form.get(name);
		return typeof v === 'string' ? v.trim().slice(0, 400) : '';
	};
	return {
		name: field('name'),
		email: field('email'),
		organisationId: field('organisationId'),
		trainedYear: field('trainedYear'),
		leadCapable: form.get('leadCapable') === 'on',
		capacity: field('capacity'),
		classIds: form.getAll('classIds').filter((v): v is string => typeof v === 'string').slice(0, 50)
	};
}

export function memberFormValues(p: PoolMember): ExaminerFormValues {
	return {
		name: p.name,
		email: p.email,
		organisationId: p.organisationId === null ? '' : String(p.organisationId),
		trainedYear: p.trainedYear === null ? '' : String(p.trainedYear),
		leadCapable: p.leadCapable,
		capacity: String(p.capacity),
		classIds: p.classIds.map(String)
	};
}

export function emptyFormValues(defaultCapacity: number): ExaminerFormValues {
	return { name: '', email: '', organisationId: '', trainedYear: '', leadCapable: false, capacity: String(defaultCapacity), classIds: [] };
}

const id = /^\d{1,9}$/;

export function parseExaminerForm(values: ExaminerFormValues, cycleYear: number, m: Messages): Validated<ExaminerData> {
	const t = m.assignment.form.errors;
	const schema = z.object({
		name: z.string().min(1, t.name).max(200, t.name),
		email: z.email(t.email).max(254, t.email),
		organisationId: z
			.string()
			.regex(/^(\d{1,9})?$/, t.organisation)
			.transform((s) => (s === '' ? null : Number(s))),
		trainedYear: z
			.string()
			.regex(/^(\d{4})?$/, t.trainedYear)
			.transform((s) => (s === '' ? null : Number(s)))
			.refine((y) => y === null || (y >= 1990 && y <= cycleYear), t.trainedYear),
		leadCapable: z.boolean(),
		capacity: z
			.string()
			.regex(/^\d{1,2}$/, t.capacity)
			.transform(Number)
			.refine((n) => n <= 10, t.capacity),
		classIds: z.array(z.string().regex(id, t.expertise).transform(Number))
	});
	const result = validate(schema, values);
	if (result.ok) return result;
	// A bad choice among the classes is one message at the fieldset, whichever box it was.
	const errors: Record<string, string> = {};
	for (const [key, message] of Object.entries(result.errors)) errors[key.startsWith('classIds.') ? 'classIds' : key] ??= message;
	return { ok: false, errors };
}

/** The organisations and the cycle's classes the form offers. */
export function examinerFormChoices(cycleId: number) {
	const d = db();
	return {
		organisations: d.select({ id: table.organisation.id, name: table.organisation.name }).from(table.organisation).orderBy(asc(table.organisation.name)).all(),
		classes: d
			.select({ id: table.awardClass.id, nameSv: table.awardClass.nameSv, nameEn: table.awardClass.nameEn })
			.from(table.awardClass)
			.where(eq(table.awardClass.cycleId, cycleId))
			.orderBy(asc(table.awardClass.sortOrder))
			.all()
	};
}
