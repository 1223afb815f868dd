/**
 * The demo's written accounts as forms (docs/unit-side.md#4-the-written-account-as-a-form): from
 * assessment on, every entry but the late one has handed in its account as a form, so examiners
 * see the answers beside each criterion; in registration some are drafts half written, one is
 * submitted and one is past its last day, and one unit has nothing but its draft: the award office
 * recorded no account for it, so its home shows the draft being written.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/open';
import * as table from '../db/schema';
import { DEFAULT_CRITERIA } from '../../domain/default-model';
import { canonicalAccount, type AccountDoc } from '../../domain/account';
import type { DemoCalendar } from '../../domain/demo-calendar';
import { phaseAtLeast, type Phase } from '../../domain/phases';
import { UNITS } from './data';
import { demoAccountAnswers } from './account';

/** In registration, the unit (Resursenheten) whose half-written draft is all it has handed in. */
export const DRAFT_ONLY_IN_REGISTRATION = 5;

/** Whether the award office has recorded the unit's account as handed in another way (a PDF). */
export function officeRecordsAccount(phase: Phase, unitIndex: number): boolean {
	return !(phase === 'registration' && unitIndex === DRAFT_ONLY_IN_REGISTRATION);
}

/**
 * The demo's contact logins for the journeys: a colleague at the first unit, and the managers of
 * the late unit, of the unit whose minutes are missing and of the unit with only a draft, who are
 * already their contacts and get a user here.
 */
const EXTRA_CONTACTS = [
	{ unit: 0, email: 'kollega1@demo.test', name: 'Karin Lund' },
	{ unit: 2, email: 'enhet3@demo.test', name: 'Omar Haddad' },
	{ unit: 3, email: 'enhet4@demo.test', name: 'Ljungbackens chef' },
	{ unit: DRAFT_ONLY_IN_REGISTRATION, email: `enhet${DRAFT_ONLY_IN_REGISTRATION + 1}@demo.test`, name: 'Resursenhetens chef' }
];

/** In registration: which units have begun (a draft, half written) or handed in their account. */
const REGISTRATION = new Map<number, 'draft' | 'submitted'>([
	[0, 'draft'],
	[1, 'submitted'],
	[2, 'draft'],
	[4, 'draft'],
	[5, 'draft']
]);

export function seedAccountForms(
	tx: Tx,
	cycleId: number,
	phase: Phase,
	calendar: DemoCalendar,
	addUser: (email: string, name: string, role: string) => number
): void {
	const criteria = tx.select().from(table.criterion).where(eq(table.criterion.cycleId, cycleId)).orderBy(table.criterion.sortOrder, table.criterion.id).all();
	const rows = tx
		.select({ entry: table.entry, unit: table.unit, organisation: table.organisation.name, className: table.awardClass.nameSv })
		.from(table.entry)
		.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
		.innerJoin(table.organisation, eq(table.organisation.id, table.unit.organisationId))
		.innerJoin(table.awardClass, eq(table.awardClass.id, table.entry.classId))
		.where(eq(table.entry.cycleId, cycleId))
		.all();
	for (const c of EXTRA_CONTACTS) {
		const unit = rows.find((r) => r.unit.name === UNITS[c.unit].name)?.unit;
		if (!unit) continue;
		const existing = tx.select().from(table.unitContact).where(and(eq(table.unitContact.unitId, unit.id), eq(table.unitContact.email, c.email))).get();
		const userId = addUser(c.email, existing?.name ?? c.name, `kontaktperson för ${unit.name}`);
		if (existing) tx.update(table.unitContact).set({ userId }).where(eq(table.unitContact.id, existing.id)).run();
		else tx.insert(table.unitContact).values({ unitId: unit.id, userId, name: c.name, email: c.email, title: 'Kvalitetsutvecklare' }).run();
	}
	// The registration demo stands a week after the minutes deadline: the drafts it shows as being
	// written carry an extension two weeks beyond that day, the late one none.
	const extension = calendar.dayAfter('minutesDeadline', 21);
	for (const r of rows) {
		const index = UNITS.findIndex((u) => u.name === r.unit.name);
		const late = UNITS[index]?.trouble === 'late-account';
		const state = phase === 'registration' ? REGISTRATION.get(index) : phaseAtLeast(phase, 'assessment') && !late ? 'submitted' : undefined;
		if (!state) continue;
		const text = demoAccountAnswers(
			{
				index,
				name: r.unit.name,
				organisation: r.organisation,
				className: r.className,
				staff: r.unit.staffCount ?? 0,
				managerName: r.unit.managerName,
				year: calendar.year,
				receivedDate: r.entry.accountReceivedDate ?? calendar.day.accountDeadline,
				deficit: (r.unit.lastYearResult ?? 0) < 0 || (r.unit.forecastResult ?? 0) < 0
			},
			DEFAULT_CRITERIA
		);
		// A draft is half written: the introduction and the first criteria.
		const doc: AccountDoc = {
			introduction: text.introduction,
			criteria: criteria.map((c, ci) => ({
				criterionId: c.id,
				answers: c.questions.map((_, q) => (state === 'submitted' || ci < 3 ? (text.answers[c.key]?.[q] ?? '') : ''))
			}))
		};
		// Handed in on the day the award office recorded, at ten in the morning in Stockholm.
		const submittedAt = new Date(`${r.entry.accountReceivedDate ?? calendar.day.accountDeadline}T08:00:00Z`);
		const accountId = tx
			.insert(table.account)
			.values({
				entryId: r.entry.id,
				status: state,
				introduction: doc.introduction,
				extendedTo: state === 'draft' && !late ? extension : null,
				submittedAt: state === 'submitted' ? submittedAt : null,
				receiptSha256: state === 'submitted' ? createHash('sha256').update(canonicalAccount(r.entry.id, doc, [])).digest('hex') : null,
				updatedBy: null,
				updatedAt: submittedAt
			})
			.returning({ id: table.account.id })
			.get().id;
		for (const c of doc.criteria) c.answers.forEach((t, question) => tx.insert(table.accountAnswer).values({ accountId, criterionId: c.criterionId, question, text: t }).run());
	}
}
