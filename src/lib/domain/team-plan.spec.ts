import { describe, expect, it } from 'vitest';
import type { AssignInput } from './assign';
import { applyEdit, checkEdit, groupIntoTeams, isRefused, toAssignments, type PlanTeam } from './team-plan';

const input: AssignInput = {
	teamSize: 3,
	entries: [
		{ id: '1', classId: 'A', organisationId: 'o9' },
		{ id: '2', classId: 'A', organisationId: 'o9' },
		{ id: '3', classId: 'B', organisationId: 'o8' }
	],
	examiners: [
		{ id: '10', organisationId: 'o1', classIds: ['A'], capacity: 2, leadCapable: true },
		{ id: '11', organisationId: 'o2', classIds: ['A'], capacity: 2, leadCapable: false },
		{ id: '12', organisationId: 'o3', classIds: ['A'], capacity: 2, leadCapable: false },
		{ id: '20', organisationId: 'o4', classIds: ['B'], capacity: 1, leadCapable: true },
		{ id: '21', organisationId: 'o5', classIds: ['B'], capacity: 1, leadCapable: false },
		{ id: '22', organisationId: 'o6', classIds: ['B'], capacity: 1, leadCapable: false },
		{ id: '30', organisationId: 'o9', classIds: ['A'], capacity: 2, leadCapable: true },
		{ id: '31', organisationId: 'o7', classIds: ['B'], capacity: 2, leadCapable: true }
	],
	conflicts: [{ examinerId: '31', entryId: '3' }]
};

const teams = (): PlanTeam[] => [
	{ id: '100', classId: 'A', name: 'Lag 1', published: false, memberIds: ['10', '11', '12'], leadId: '10', entryIds: ['1', '2'] },
	{ id: '101', classId: 'B', name: 'Lag 2', published: false, memberIds: ['20', '21', '22'], leadId: '20', entryIds: ['3'] }
];

const edited = (result: ReturnType<typeof applyEdit>) => {
	if (!result.ok) throw new Error(result.error);
	return result.teams;
};

describe('toAssignments and groupIntoTeams', () => {
	it('gives each entry its team as an assignment, and a team without lead an empty lead', () => {
		const plan = teams();
		plan[1].leadId = null;
		expect(toAssignments(plan)).toEqual([
			{ entryId: '1', examinerIds: ['10', '11', '12'], leadId: '10' },
			{ entryId: '2', examinerIds: ['10', '11', '12'], leadId: '10' },
			{ entryId: '3', examinerIds: ['20', '21', '22'], leadId: '' }
		]);
	});

	it('groups entries with the same members, lead and class into one team, in class order', () => {
		const grouped = groupIntoTeams(
			[
				{ entryId: '3', examinerIds: ['22', '20', '21'], leadId: '20' },
				{ entryId: '2', examinerIds: ['12', '11', '10'], leadId: '10' },
				{ entryId: '1', examinerIds: ['10', '11', '12'], leadId: '10' },
				{ entryId: '4', examinerIds: ['10', '11', '12'], leadId: '11' }
			],
			(id) => (id === '3' ? 'B' : 'A'),
			['B', 'A']
		);
		expect(grouped).toEqual([
			{ classId: 'B', memberIds: ['20', '21', '22'], leadId: '20', entryIds: ['3'] },
			{ classId: 'A', memberIds: ['10', '11', '12'], leadId: '10', entryIds: ['1', '2'] },
			{ classId: 'A', memberIds: ['10', '11', '12'], leadId: '11', entryIds: ['4'] }
		]);
	});

	it('gives a third entry with the same members a team of its own: a team takes two entries at most', () => {
		const same = (entryId: string) => ({ entryId, examinerIds: ['10', '11', '12'], leadId: '10' });
		const grouped = groupIntoTeams([same('3'), same('1'), same('2')], () => 'A', ['A']);
		expect(grouped.map((t) => t.entryIds)).toEqual([['1', '2'], ['3']]);
	});
});

describe('applyEdit', () => {
	it('moves a member; a lead who leaves takes the lead along, leaving the team without one', () => {
		const after = edited(applyEdit(teams(), { kind: 'move', teamId: '100', examinerId: '10', toTeamId: '101' }, input));
		expect(after[0]).toMatchObject({ memberIds: ['11', '12'], leadId: null });
		expect(after[1]).toMatchObject({ memberIds: ['20', '21', '22', '10'], leadId: '20' });
	});

	it('swaps two members; the lead passes to the newcomer only when they can lead', () => {
		const byCapable = edited(applyEdit(teams(), { kind: 'swap', teamId: '100', examinerId: '10', otherTeamId: '101', otherExaminerId: '20' }, input));
		expect(byCapable.map((t) => [t.memberIds, t.leadId])).toEqual([
			[['11', '12', '20'], '20'],
			[['21', '22', '10'], '10']
		]);
		const byOther = edited(applyEdit(teams(), { kind: 'swap', teamId: '100', examinerId: '10', otherTeamId: '101', otherExaminerId: '21' }, input));
		expect(byOther.map((t) => t.leadId)).toEqual([null, '20']);
	});

	it('changes the lead, adds and removes members and entries', () => {
		expect(edited(applyEdit(teams(), { kind: 'lead', teamId: '100', examinerId: '11' }, input))[0].leadId).toBe('11');
		expect(edited(applyEdit(teams(), { kind: 'addMember', teamId: '100', examinerId: '30' }, input))[0].memberIds).toEqual(['10', '11', '12', '30']);
		expect(edited(applyEdit(teams(), { kind: 'removeMember', teamId: '101', examinerId: '20' }, input))[1]).toMatchObject({
			memberIds: ['21', '22'],
			leadId: null
		});
		const moved = edited(applyEdit(teams(), { kind: 'addEntry', teamId: '101', entryId: '2' }, input));
		expect(moved.map((t) => t.entryIds)).toEqual([['1'], ['3', '2']]);
		expect(edited(applyEdit(teams(), { kind: 'removeEntry', teamId: '100', entryId: '1' }, input))[0].entryIds).toEqual(['2']);
	});

	it('makes a new team for an entry, taking it from its old team, and drops teams left empty', () => {
		const after = edited(applyEdit(teams(), { kind: 'newTeam', classId: 'B', entryId: '3' }, input));
		expect(after.map((t) => [t.id, t.memberIds, t.entryIds])).toEqual([
			['100', ['10', '11', '12'], ['1', '2']],
			['101', ['20', '21', '22'], []],
			['new-B-3', [], ['3']]
		]);
		const emptied = edited(applyEdit(after, { kind: 'removeEntry', teamId: 'new-B-3', entryId: '3' }, input));
		expect(emptied.map((t) => t.id)).toEqual(['100', '101']);
	});

	it('refuses edits that make no sense or touch a published team', () => {
		const plan = teams();
		plan[1].published = true;
		expect(applyEdit(plan, { kind: 'lead', teamId: '101', examinerId: '21' }, input)).toEqual({ ok: false, error: 'published' });
		expect(applyEdit(plan, { kind: 'move', teamId: '100', examinerId: '10', toTeamId: '101' }, input)).toEqual({ ok: false, error: 'published' });
		expect(applyEdit(plan, { kind: 'addEntry', teamId: '100', entryId: '3' }, input)).toEqual({ ok: false, error: 'published' });
		expect(applyEdit(teams(), { kind: 'lead', teamId: '999', examinerId: '10' }, input)).toEqual({ ok: false, error: 'notFound' });
		expect(applyEdit(teams(), { kind: 'lead', teamId: '100', examinerId: '20' }, input)).toEqual({ ok: false, error: 'notMember' });
		expect(applyEdit(teams(), { kind: 'addMember', teamId: '100', examinerId: '10' }, input)).toEqual({ ok: false, error: 'alreadyMember' });
		expect(applyEdit(teams(), { kind: 'move', teamId: '100', examinerId: '10', toTeamId: '100' }, input)).toEqual({ ok: false, error: 'sameTeam' });
		expect(applyEdit(teams(), { kind: 'addEntry', teamId: '100', entryId: '1' }, input)).toEqual({ ok: false, error: 'alreadyThere' });
	});

	it('leaves the plan it was given untouched', () => {
		const plan = teams();
		applyEdit(plan, { kind: 'swap', teamId: '100', examinerId: '11', otherTeamId: '101', otherExaminerId: '21' }, input);
		expect(plan).toEqual(teams());
	});
});

describe('checkEdit', () => {
	it('lets an unfinished team through but names what it breaks', () => {
		const after = edited(applyEdit(teams(), { kind: 'removeMember', teamId: '100', examinerId: '10' }, input));
		const check = checkEdit(input, teams(), after);
		expect(check.refused).toEqual([]);
		expect(check.introduced.map((b) => [b.code, b.entryId])).toEqual([
			['no-lead', '1'],
			['wrong-size', '1'],
			['no-lead', '2'],
			['wrong-size', '2']
		]);
	});

	it('refuses a conflict (declared or same organisation), a lead who cannot lead and going over capacity', () => {
		const soft = edited(applyEdit(teams(), { kind: 'addMember', teamId: '101', examinerId: '30' }, input));
		const declared = edited(applyEdit(teams(), { kind: 'addMember', teamId: '101', examinerId: '31' }, input));
		const sameOrg = edited(applyEdit(teams(), { kind: 'addMember', teamId: '100', examinerId: '30' }, input));
		const notLead = edited(applyEdit(teams(), { kind: 'lead', teamId: '100', examinerId: '11' }, input));
		const overCapacity = edited(applyEdit(teams(), { kind: 'addEntry', teamId: '101', entryId: '2' }, input));
		const refused = (after: PlanTeam[]) => checkEdit(input, teams(), after).refused.map((b) => [b.code, b.examinerId ?? null]);
		expect(refused(soft)).toEqual([]);
		expect(checkEdit(input, teams(), soft).introduced.map((b) => [b.code, b.hard])).toEqual([
			['expertise-miss', false],
			['wrong-size', true]
		]);
		expect(refused(declared)).toEqual([['conflict', '31']]);
		expect(refused(sameOrg)).toEqual([['conflict', '30'], ['conflict', '30']]);
		expect(refused(notLead)).toEqual([['lead-not-capable', '11'], ['lead-not-capable', '11']]);
		expect(refused(overCapacity).filter(([code]) => code === 'over-capacity').map(([, x]) => x)).toEqual(['20', '21', '22', '20', '21', '22']);
	});

	it('does not blame an edit for what was already broken', () => {
		const plan = teams();
		plan[0].leadId = '11';
		const after = edited(applyEdit(plan, { kind: 'addEntry', teamId: '100', entryId: '3' }, input));
		const check = checkEdit(input, plan, after);
		expect(check.after.some((b) => b.code === 'lead-not-capable' && b.entryId === '1')).toBe(true);
		expect(check.introduced.some((b) => b.code === 'lead-not-capable' && b.entryId === '1')).toBe(false);
		expect(isRefused({ code: 'uncovered', hard: true })).toBe(false);
		expect(isRefused({ code: 'expertise-miss', hard: false })).toBe(false);
		expect(isRefused({ code: 'over-capacity', hard: true })).toBe(true);
	});
});
