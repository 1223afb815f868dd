/** The teams page's edit forms: one posted shape per kind of edit, read into a `PlanEdit`. */
import { z } from 'zod';
import { text } from '../http/request';
import type { PlanEdit } from '$lib/domain/team-plan';

const id = z.string().regex(/^\d{1,9}$/);
/** A team id: a stored team's number. */
const teamId = id;
/** "teamId:examinerId", how a member of another team is chosen. */
const seat = z.string().regex(/^\d{1,9}:\d{1,9}$/);

const schema = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('move'), teamId, examinerId: id, toTeamId: teamId }),
	z.object({ kind: z.literal('swap'), teamId, examinerId: id, other: seat }),
	z.object({ kind: z.literal('lead'), teamId, examinerId: id }),
	z.object({ kind: z.literal('addMember'), teamId, examinerId: id }),
	z.object({ kind: z.literal('removeMember'), teamId, examinerId: id }),
	z.object({ kind: z.literal('addEntry'), teamId, entryId: id }),
	z.object({ kind: z.literal('removeEntry'), teamId, entryId: id }),
	z.object({ kind: z.literal('newTeam'), classId: id, entryId: id })
]);

const FIELDS = ['kind', 'teamId', 'examinerId', 'toTeamId', 'other', 'entryId', 'classId'] as const;

/** The edit a form posted, or null when a choice is missing or malformed. */
export function readEdit(form: FormData): PlanEdit | null {
	const values = Object.fromEntries(FIELDS.map((f) => [f, text(form, f).slice(0, 40)]));
	const parsed = schema.safeParse(values);
	if (!parsed.success) return null;
	const e = parsed.data;
	if (e.kind === 'swap') {
		const [otherTeamId, otherExaminerId] = e.other.split(':');
		return { kind: 'swap', teamId: e.teamId, examinerId: e.examinerId, otherTeamId, otherExaminerId };
	}
	return e;
}
