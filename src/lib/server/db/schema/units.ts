import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, day, id } from './helpers';
import { user } from './auth';
import { awardClass, cycle } from './cycle';
import { boardMinutes } from './registration';

export const ORGANISATION_KINDS = ['district', 'administration', 'company', 'contractor'] as const;

export const organisation = sqliteTable('organisation', {
	id: id(),
	name: text('name').notNull().unique(),
	kind: text('kind', { enum: ORGANISATION_KINDS }).notNull(),
	version: integer('version').notNull().default(1),
	createdAt: createdAt()
});

export const board = sqliteTable('board', {
	id: id(),
	name: text('name').notNull().unique(),
	organisationId: integer('organisation_id').references(() => organisation.id),
	version: integer('version').notNull().default(1),
	createdAt: createdAt()
});

export const unit = sqliteTable(
	'unit',
	{
		id: id(),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisation.id),
		boardId: integer('board_id').references(() => board.id),
		name: text('name').notNull(),
		managerName: text('manager_name'),
		managerHasBudgetResponsibility: integer('manager_budget_resp', { mode: 'boolean' }),
		managerHasStaffResponsibility: integer('manager_staff_resp', { mode: 'boolean' }),
		hasBusinessPlan: integer('has_business_plan', { mode: 'boolean' }),
		staffCount: integer('staff_count'),
		privatelyRun: integer('privately_run', { mode: 'boolean' }).notNull().default(false),
		stockholmSharePercent: real('stockholm_share_percent'),
		/** Last year's result and this year's forecast in kronor; negative is a deficit (E8). */
		lastYearResult: integer('last_year_result'),
		forecastResult: integer('forecast_result'),
		version: integer('version').notNull().default(1),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('unit_org_name_idx').on(t.organisationId, t.name)]
);

/** Years the unit won the award (E7: it may enter again from the third year after). */
export const unitWin = sqliteTable(
	'unit_win',
	{
		id: id(),
		unitId: integer('unit_id')
			.notNull()
			.references(() => unit.id, { onDelete: 'cascade' }),
		year: integer('year').notNull()
	},
	(t) => [uniqueIndex('unit_win_unit_year_idx').on(t.unitId, t.year)]
);

/** A unit's contact person; `userId` is set once the contact may sign in. */
export const unitContact = sqliteTable(
	'unit_contact',
	{
		id: id(),
		unitId: integer('unit_id')
			.notNull()
			.references(() => unit.id, { onDelete: 'cascade' }),
		userId: integer('user_id').references(() => user.id),
		name: text('name').notNull(),
		email: text('email').notNull(),
		phone: text('phone'),
		title: text('title')
	},
	(t) => [index('unit_contact_unit_idx').on(t.unitId), index('unit_contact_user_idx').on(t.userId)]
);

export const ENTRY_STATUSES = ['registered', 'withdrawn'] as const;

export const entry = sqliteTable(
	'entry',
	{
		id: id(),
		cycleId: integer('cycle_id')
			.notNull()
			.references(() => cycle.id, { onDelete: 'cascade' }),
		unitId: integer('unit_id')
			.notNull()
			.references(() => unit.id),
		classId: integer('class_id')
			.notNull()
			.references(() => awardClass.id),
		status: text('status', { enum: ENTRY_STATUSES }).notNull().default('registered'),
		/** The written account: stored by SHA-256 outside the web root. */
		accountSha256: text('account_sha256'),
		accountFileName: text('account_file_name'),
		accountSize: integer('account_size'),
		accountReceivedDate: day('account_received_date'),
		minutesBoardId: integer('minutes_board_id').references(() => board.id),
		minutesDnr: text('minutes_dnr'),
		minutesMeetingDate: day('minutes_meeting_date'),
		minutesReceivedDate: day('minutes_received_date'),
		/** The uploaded minutes this entry's dnr and dates came from; null when the admin typed them. */
		minutesDocumentId: integer('minutes_document_id').references(() => boardMinutes.id),
		/** Who registered the unit for the cycle, and the coordinator's confirmation (docs/unit-side.md). */
		registeredBy: integer('registered_by').references(() => user.id),
		confirmedAt: integer('confirmed_at', { mode: 'timestamp_ms' }),
		confirmedBy: integer('confirmed_by').references(() => user.id),
		/** The admin admits an entry that fails E1–E7, with a logged reason. */
		eligibilityOverrideReason: text('eligibility_override_reason'),
		version: integer('version').notNull().default(1),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('entry_cycle_unit_idx').on(t.cycleId, t.unitId),
		index('entry_class_idx').on(t.classId)
	]
);
