/**
 * Creating and editing a unit with everything eligibility (docs/eligibility.md) needs: its manager's
 * responsibilities, business plan, staff, private running and Stockholm share, past wins, last
 * year's result and this year's forecast, and its contact people. One versioned, audited write;
 * bad input writes nothing.
 */
import { z } from 'zod';
import { and, eq, ne } from 'drizzle-orm';
import { db, type Tx } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { normaliseEmail } from '../auth/login';
import { validate, type FieldErrors } from '../http/validate';
import { parseYearList } from '$lib/domain/form-values';
import { stockholmDay } from '$lib/domain/dates';
import { fields, refused, type Outcome, type V } from './fields';
import type { ContactValues, UnitValues } from './units';

const MAX_CONTACTS = 20;
/** What the register accepts as an e-mail address. */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[0-9+()\-\s]*$/;
const FIRST_AWARD_YEAR = 1990;
const MAX_KRONOR = 100_000_000_000;

/** The posted form as unit values: its fields and its rows of contacts ('contacts.0.name' …). */
export function unitValuesFrom(input: Record<string, string>): UnitValues {
	const rows = new Map<number, Record<string, string>>();
	for (const [key, value] of Object.entries(input)) {
		const m = /^contacts\.(\d{1,2})\.(id|name|email|phone|title|remove)$/.exec(key);
		if (!m) continue;
		const row = rows.get(Number(m[1])) ?? {};
		row[m[2]] = value;
		rows.set(Number(m[1]), row);
	}
	const contacts: ContactValues[] = [...rows.entries()]
		.sort(([a], [b]) => a - b)
		.slice(0, MAX_CONTACTS)
		.map(([, r]) => ({ id: r.id ?? '', name: r.name ?? '', email: r.email ?? '', phone: r.phone ?? '', title: r.title ?? '', remove: r.remove ?? '' }));
	const get = (k: string) => input[k] ?? '';
	return {
		organisationId: get('organisationId'),
		boardId: get('boardId'),
		name: get('name'),
		managerName: get('managerName'),
		managerBudget: get('managerBudget'),
		managerStaff: get('managerStaff'),
		businessPlan: get('businessPlan'),
		staffCount: get('staffCount'),
		privatelyRun: get('privatelyRun'),
		stockholmShare: get('stockholmShare'),
		winYears: get('winYears'),
		lastYearResult: get('lastYearResult'),
		forecastResult: get('forecastResult'),
		version: get('version'),
		contacts
	};
}

/** One row of contact people as the unit form and the registration form post it. */
export function contactSchema(v: V) {
	const f = fields(v);
	return z
		.object({
			id: f.optionalId,
			name: z.string().trim().max(200, v.tooLong(200)),
			email: z.string().trim().max(320, v.tooLong(320)),
			phone: z.string().trim().max(40, v.tooLong(40)).regex(PHONE, v.phone),
			title: z.string().trim().max(200, v.tooLong(200)),
			remove: z.string().transform((s) => s === 'on' || s === 'yes')
		})
		.superRefine((c, ctx) => {
			const blank = c.id === null && !c.name && !c.email && !c.phone && !c.title;
			if (blank || c.remove) return;
			if (!c.name) ctx.addIssue({ code: 'custom', path: ['name'], message: v.required });
			if (!EMAIL.test(c.email)) ctx.addIssue({ code: 'custom', path: ['email'], message: c.email ? v.email : v.required });
		});
}

export type ContactInput = z.output<ReturnType<typeof contactSchema>>;

/** The facts behind E1–E3 and E6, which the unit form and the registration form both ask. */
export function factFields(v: V) {
	const f = fields(v);
	return {
		managerBudget: f.triState,
		managerStaff: f.triState,
		businessPlan: f.triState,
		staffCount: f.integer(1, 100_000, v.staff),
		privatelyRun: z.enum(['yes', 'no'], { message: v.choose }).transform((s) => s === 'yes'),
		stockholmShare: f.decimal(0, 100, v.share)
	};
}

type Facts = z.output<z.ZodObject<ReturnType<typeof factFields>>>;

/** The facts as the unit's columns, where eligibility reads them (eligibility/rows.ts). */
export function factColumns(data: Facts) {
	return {
		managerHasBudgetResponsibility: data.managerBudget,
		managerHasStaffResponsibility: data.managerStaff,
		hasBusinessPlan: data.businessPlan,
		staffCount: data.staffCount,
		privatelyRun: data.privatelyRun,
		stockholmSharePercent: data.stockholmShare
	};
}

function unitSchema(v: V, thisYear: number) {
	const f = fields(v);
	return z.object({
		organisationId: f.requiredId,
		boardId: f.optionalId,
		name: f.requiredText(200),
		managerName: f.optionalText(200),
		...factFields(v),
		winYears: z
			.string()
			.max(200, v.tooLong(200))
			.transform((s, ctx) => {
				const parsed = parseYearList(s);
				if ('invalid' in parsed) {
					ctx.addIssue({ code: 'custom', message: v.yearList(parsed.invalid) });
					return z.NEVER;
				}
				const odd = parsed.years.find((y) => y < FIRST_AWARD_YEAR || y > thisYear);
				if (odd !== undefined) {
					ctx.addIssue({ code: 'custom', message: v.yearRange(odd, FIRST_AWARD_YEAR, thisYear) });
					return z.NEVER;
				}
				return parsed.years;
			}),
		lastYearResult: f.integer(-MAX_KRONOR, MAX_KRONOR, v.kronor),
		forecastResult: f.integer(-MAX_KRONOR, MAX_KRONOR, v.kronor),
		version: f.version,
		contacts: z.array(contactSchema(v))
	});
}

type UnitInput = z.output<ReturnType<typeof unitSchema>>;

/** Checks against the database: the organisation and board exist and fit, the name is free. */
function dbErrors(tx: Tx, data: UnitInput, id: number | null, v: V): FieldErrors {
	const errors: FieldErrors = {};
	if (!tx.select({ id: table.organisation.id }).from(table.organisation).where(eq(table.organisation.id, data.organisationId)).get()) {
		errors.organisationId = v.choose;
		return errors;
	}
	if (data.boardId !== null) {
		const board = tx.select().from(table.board).where(eq(table.board.id, data.boardId)).get();
		if (!board) errors.boardId = v.choose;
		else if (board.organisationId !== null && board.organisationId !== data.organisationId) errors.boardId = v.boardOtherOrganisation;
	}
	const sameName = and(eq(table.unit.organisationId, data.organisationId), eq(table.unit.name, data.name));
	if (tx.select({ id: table.unit.id }).from(table.unit).where(id === null ? sameName : and(sameName, ne(table.unit.id, id))).get()) {
		errors.name = v.unitExists;
	}
	return errors;
}

function columns(data: UnitInput) {
	return {
		organisationId: data.organisationId,
		boardId: data.boardId,
		name: data.name,
		managerName: data.managerName,
		...factColumns(data),
		lastYearResult: data.lastYearResult,
		forecastResult: data.forecastResult
	};
}

/** Replaces the win years and applies the contact rows. */
function writeDetails(tx: Tx, unitId: number, data: UnitInput, v: V): FieldErrors {
	tx.delete(table.unitWin).where(eq(table.unitWin.unitId, unitId)).run();
	for (const year of data.winYears) tx.insert(table.unitWin).values({ unitId, year }).run();
	return writeContacts(tx, unitId, data.contacts, v);
}

/** Applies the contact rows: kept, changed, added or removed; a row someone else removed is an error. */
export function writeContacts(tx: Tx, unitId: number, contacts: ContactInput[], v: V): FieldErrors {
	const errors: FieldErrors = {};
	contacts.forEach((c, i) => {
		const blank = c.id === null && !c.name && !c.email && !c.phone && !c.title;
		if (blank || (c.id === null && c.remove)) return;
		const values = { name: c.name, email: c.email, phone: c.phone || null, title: c.title || null };
		if (c.id === null) {
			tx.insert(table.unitContact).values({ unitId, ...values }).run();
			return;
		}
		const own = and(eq(table.unitContact.id, c.id), eq(table.unitContact.unitId, unitId));
		const changed = c.remove ? tx.delete(table.unitContact).where(own).run() : tx.update(table.unitContact).set({ ...values, userId: keptUser(tx, c.id, c.email) }).where(own).run();
		if (changed.changes === 0) errors[`contacts.${i}.name`] = v.contactGone;
	});
	return errors;
}

/**
 * The contact's link to a user survives a save only while the address stays the user's own: a
 * new address is another person's, who signs in through their own link once a release finds them.
 */
function keptUser(tx: Tx, contactId: number, email: string): number | null {
	const linked = tx
		.select({ userId: table.user.id, email: table.user.email })
		.from(table.unitContact)
		.innerJoin(table.user, eq(table.user.id, table.unitContact.userId))
		.where(eq(table.unitContact.id, contactId))
		.get();
	return linked && linked.email === normaliseEmail(email) ? linked.userId : null;
}

function snapshot(tx: Tx, unitId: number) {
	return {
		unit: tx.select().from(table.unit).where(eq(table.unit.id, unitId)).get(),
		wins: tx.select({ year: table.unitWin.year }).from(table.unitWin).where(eq(table.unitWin.unitId, unitId)).all().map((w) => w.year),
		contacts: tx.select().from(table.unitContact).where(eq(table.unitContact.unitId, unitId)).all()
	};
}

/** Thrown inside a transaction to undo it and answer with these field errors. */
export class Rollback extends Error {
	constructor(readonly errors: FieldErrors) {
		super('rollback');
	}
}

/**
 * Creates (id null) or updates a unit from the posted form. A save based on an old version is
 * refused with 409; any field error refuses the whole save.
 */
export function saveUnit(input: Record<string, string>, id: number | null, actorId: number, v: V): Outcome<{ id: number }> {
	const values = unitValuesFrom(input);
	const thisYear = Number(stockholmDay(new Date()).slice(0, 4));
	const parsed = validate(unitSchema(v, thisYear), values);
	if (!parsed.ok) return refused(400, parsed.errors);
	const data = parsed.data;
	try {
		return db().transaction((tx) => {
			const errors = dbErrors(tx, data, id, v);
			if (Object.keys(errors).length > 0) return refused(400, errors);
			if (id === null) {
				const unitId = tx.insert(table.unit).values(columns(data)).returning().get().id;
				const detailErrors = writeDetails(tx, unitId, data, v);
				if (Object.keys(detailErrors).length > 0) throw new Rollback(detailErrors);
				appendAudit(tx, { actorId, action: 'unit.create', entityType: 'unit', entityId: unitId, after: snapshot(tx, unitId) });
				return { ok: true, value: { id: unitId } };
			}
			const current = tx.select({ version: table.unit.version }).from(table.unit).where(eq(table.unit.id, id)).get();
			if (!current) return refused(404, { _form: v.notFound });
			if (data.version !== current.version) return refused(409, { _form: v.conflict });
			const before = snapshot(tx, id);
			tx.update(table.unit)
				.set({ ...columns(data), version: current.version + 1 })
				.where(and(eq(table.unit.id, id), eq(table.unit.version, current.version)))
				.run();
			const detailErrors = writeDetails(tx, id, data, v);
			if (Object.keys(detailErrors).length > 0) throw new Rollback(detailErrors);
			appendAudit(tx, { actorId, action: 'unit.update', entityType: 'unit', entityId: id, before, after: snapshot(tx, id) });
			return { ok: true, value: { id } };
		});
	} catch (e) {
		if (e instanceof Rollback) return refused(409, e.errors);
		throw e;
	}
}
