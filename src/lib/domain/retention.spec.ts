import { describe, expect, it } from 'vitest';
import {
	addMonths,
	erasureRefusals,
	isPseudonymAddress,
	pseudonymDecision,
	pseudonymFor,
	pseudonymRefusals,
	RETENTION_KIND_NAMES,
	retentionSettings,
	retentionSteps,
	type PersonFacts
} from './retention';

describe('addMonths', () => {
	it('moves by whole months across years', () => {
		expect(addMonths('2026-12-15', 3)).toBe('2027-03-15');
		expect(addMonths('2026-12-15', 24)).toBe('2028-12-15');
		expect(addMonths('2026-01-01', 12)).toBe('2027-01-01');
	});

	it('lands on the last day of a shorter month', () => {
		expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
		expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
		expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
	});
});

describe('retentionSettings', () => {
	it('gives the safe defaults where nothing is stored', () => {
		expect(retentionSettings(null)).toEqual({ privateNotes: 3, assessmentDrafts: 3, accountDrafts: 3, reportDrafts: 3, personalData: 24 });
	});

	it('keeps stored values within bounds and replaces the rest with the default', () => {
		expect(retentionSettings({ privateNotes: 6, assessmentDrafts: 0, accountDrafts: 12, reportDrafts: -1, personalData: 2.5, unknownKind: 4 })).toEqual({
			privateNotes: 6,
			assessmentDrafts: 3,
			accountDrafts: 12,
			reportDrafts: 3,
			personalData: 24
		});
		expect(retentionSettings({ personalData: 121 }).personalData).toBe(24);
		expect(retentionSettings({ personalData: '12' }).personalData).toBe(24);
	});
});

describe('retentionSteps', () => {
	const settings = retentionSettings(null);

	it('has nothing due while the cycle is not archived', () => {
		const steps = retentionSteps({ archivedOn: null, settings, done: [] }, '2040-01-01');
		expect(steps.map((s) => [s.kind, s.dueOn, s.state])).toEqual(RETENTION_KIND_NAMES.map((k) => [k, null, 'waiting']));
	});

	it('makes each kind due on its own day after archiving, the day itself included', () => {
		const facts = { archivedOn: '2026-12-15', settings, done: [] };
		expect(retentionSteps(facts, '2027-03-14').map((s) => s.state)).toEqual(['waiting', 'waiting', 'waiting', 'waiting', 'waiting']);
		expect(retentionSteps(facts, '2027-03-15').map((s) => [s.kind, s.action, s.dueOn, s.state])).toEqual([
			['privateNotes', 'delete', '2027-03-15', 'due'],
			['assessmentDrafts', 'delete', '2027-03-15', 'due'],
			['accountDrafts', 'delete', '2027-03-15', 'due'],
			['reportDrafts', 'delete', '2027-03-15', 'due'],
			['personalData', 'pseudonymise', '2028-12-15', 'waiting']
		]);
		expect(retentionSteps(facts, '2028-12-15').every((s) => s.state === 'due')).toBe(true);
	});

	it('follows the cycle’s own settings and marks what was carried out as done', () => {
		const facts = { archivedOn: '2026-12-15', settings: { ...settings, assessmentDrafts: 12, accountDrafts: 1 }, done: ['privateNotes' as const] };
		expect(retentionSteps(facts, '2027-06-01').map((s) => [s.kind, s.dueOn, s.state])).toEqual([
			['privateNotes', '2027-03-15', 'done'],
			['assessmentDrafts', '2027-12-15', 'waiting'],
			['accountDrafts', '2027-01-15', 'due'],
			['reportDrafts', '2027-03-15', 'due'],
			['personalData', '2028-12-15', 'waiting']
		]);
	});
});

describe('pseudonymDecision', () => {
	const examiner: PersonFacts = { isAdmin: false, roleYears: [2025, 2026], namedInMinutes: false, pseudonymised: false };

	it('pseudonymises an examiner or contact with no part in a later cycle', () => {
		expect(pseudonymDecision(examiner, 2026)).toBe('pseudonymise');
	});

	it('keeps a person who has a role in a later cycle', () => {
		expect(pseudonymDecision(examiner, 2025)).toBe('laterRole');
	});

	it('keeps the award office, jury members named in the minutes, and those already pseudonymised', () => {
		expect(pseudonymDecision({ ...examiner, isAdmin: true }, 2026)).toBe('admin');
		expect(pseudonymDecision({ ...examiner, namedInMinutes: true }, 2026)).toBe('namedInMinutes');
		expect(pseudonymDecision({ ...examiner, pseudonymised: true, isAdmin: true }, 2026)).toBe('already');
	});
});

describe('pseudonymFor', () => {
	it('is stable per person, differs between people and kinds, and is no deliverable address', () => {
		expect(pseudonymFor({ kind: 'user', id: 7 })).toEqual(pseudonymFor({ kind: 'user', id: 7 }));
		expect(pseudonymFor({ kind: 'user', id: 7 }).name).not.toBe(pseudonymFor({ kind: 'user', id: 8 }).name);
		expect(pseudonymFor({ kind: 'user', id: 7 }).email).not.toBe(pseudonymFor({ kind: 'contact', id: 7 }).email);
		expect(isPseudonymAddress(pseudonymFor({ kind: 'contact', id: 3 }).email)).toBe(true);
		expect(pseudonymFor({ kind: 'proposal', id: 3 })).toEqual({ name: 'Pseudonym F3', email: 'f3@pseudonymiserad.invalid' });
		expect(isPseudonymAddress('anna.ek@stockholm.se')).toBe(false);
	});
});

describe('erasureRefusals', () => {
	const none = { isAdmin: false, authoredRecords: 0, auditActions: 0, activeRoles: 0, namedInProposals: 0 };

	it('allows erasing a person the records do not need', () => {
		expect(erasureRefusals(none)).toEqual([]);
	});

	it('names every reason records must be kept', () => {
		expect(erasureRefusals({ isAdmin: true, authoredRecords: 4, auditActions: 9, activeRoles: 1, namedInProposals: 1 })).toEqual([
			'admin',
			'activeRoles',
			'authoredRecords',
			'auditActions',
			'namedInProposals'
		]);
		expect(erasureRefusals({ ...none, auditActions: 1 })).toEqual(['auditActions']);
		// A contact who never signed in: named in a kept proposal, or of a unit entering a cycle under way.
		expect(erasureRefusals({ ...none, namedInProposals: 2 })).toEqual(['namedInProposals']);
		expect(erasureRefusals({ ...none, activeRoles: 1 })).toEqual(['activeRoles']);
	});
});

describe('pseudonymRefusals', () => {
	it('refuses only the award office and people with a part in a cycle under way; kept records are no bar', () => {
		expect(pseudonymRefusals({ isAdmin: false, authoredRecords: 40, auditActions: 12, activeRoles: 0, namedInProposals: 3 })).toEqual([]);
		expect(pseudonymRefusals({ isAdmin: true, authoredRecords: 40, auditActions: 12, activeRoles: 2, namedInProposals: 0 })).toEqual(['admin', 'activeRoles']);
	});
});
