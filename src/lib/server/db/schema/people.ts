import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id } from './helpers';
import { user } from './auth';
import { awardClass, cycle } from './cycle';
import { entry, organisation } from './units';

/** Roles held in one cycle; admin is global (user.isAdmin), a unit contact hangs on unit_contact. */
export const CYCLE_ROLES = ['examiner', 'juror', 'chair'] as const;
export type CycleRole = (typeof CYCLE_ROLES)[number];

export const cycleRole = sqliteTable(
	'cycle_role',
	{
		id: id(),
		cycleId: integer('cycle_id')
			.notNull()
			.references(() => cycle.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		role: text('role', { enum: CYCLE_ROLES }).notNull(),
		/** Home organisation: same-organisation entries are a conflict of interest. */
		organisationId: integer('organisation_id').references(() => organisation.id)
	},
	(t) => [
		uniqueIndex('cycle_role_unique_idx').on(t.cycleId, t.userId, t.role),
		index('cycle_role_user_idx').on(t.userId)
	]
);

export const examinerProfile = sqliteTable(
	'examiner_profile',
	{
		id: id(),
		cycleId: integer('cycle_id')
			.notNull()
			.references(() => cycle.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		trainedYear: integer('trained_year'),
		leadCapable: integer('lead_capable', { mode: 'boolean' }).notNull().default(false),
		capacity: integer('capacity').notNull().default(2),
		organisationId: integer('organisation_id').references(() => organisation.id),
		version: integer('version').notNull().default(1)
	},
	(t) => [uniqueIndex('examiner_profile_cycle_user_idx').on(t.cycleId, t.userId)]
);

export const examinerExpertise = sqliteTable(
	'examiner_expertise',
	{
		profileId: integer('profile_id')
			.notNull()
			.references(() => examinerProfile.id, { onDelete: 'cascade' }),
		classId: integer('class_id')
			.notNull()
			.references(() => awardClass.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.profileId, t.classId] })]
);

export const CONFLICT_REASONS = ['former-workplace', 'relative', 'consultancy', 'other'] as const;

/** A declared conflict of interest (same-organisation conflicts are implied, not stored). */
export const conflict = sqliteTable(
	'conflict',
	{
		id: id(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		entryId: integer('entry_id')
			.notNull()
			.references(() => entry.id, { onDelete: 'cascade' }),
		reason: text('reason', { enum: CONFLICT_REASONS }).notNull(),
		note: text('note').notNull().default(''),
		declaredBy: integer('declared_by')
			.notNull()
			.references(() => user.id),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('conflict_user_entry_idx').on(t.userId, t.entryId),
		index('conflict_entry_idx').on(t.entryId)
	]
);

export const team = sqliteTable(
	'team',
	{
		id: id(),
		cycleId: integer('cycle_id')
			.notNull()
			.references(() => cycle.id, { onDelete: 'cascade' }),
		classId: integer('class_id')
			.notNull()
			.references(() => awardClass.id),
		name: text('name').notNull(),
		publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('team_cycle_idx').on(t.cycleId)]
);

export const teamMember = sqliteTable(
	'team_member',
	{
		teamId: integer('team_id')
			.notNull()
			.references(() => team.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id),
		isLead: integer('is_lead', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_member_user_idx').on(t.userId)]
);

/** Which team assesses which entry; an entry has at most one team. */
export const teamEntry = sqliteTable(
	'team_entry',
	{
		teamId: integer('team_id')
			.notNull()
			.references(() => team.id, { onDelete: 'cascade' }),
		entryId: integer('entry_id')
			.notNull()
			.unique()
			.references(() => entry.id, { onDelete: 'cascade' })
	},
	(t) => [index('team_entry_team_idx').on(t.teamId)]
);
