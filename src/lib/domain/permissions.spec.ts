import { describe, expect, it } from 'vitest';
import { areasOf, may, mayEnterArea, rolesIn, type Action, type EntryFacts, type Viewer } from './permissions';
import { PHASES } from './phases';
import { entryFactsOf, viewerOf } from './test-fixtures';

const CYCLE = 7;
const viewer = viewerOf;
const entry = (over: Partial<EntryFacts> = {}) => entryFactsOf(CYCLE, over);
const admin = viewer({ isAdmin: true });
const examiner = viewer({ cycleRoles: [{ cycleId: CYCLE, role: 'examiner' }] });
const lead = viewer({ cycleRoles: [{ cycleId: CYCLE, role: 'examiner' }], leadCycleIds: [CYCLE] });
const juror = viewer({ cycleRoles: [{ cycleId: CYCLE, role: 'juror' }] });
const chair = viewer({ cycleRoles: [{ cycleId: CYCLE, role: 'chair' }] });
const contact = viewer({ unitIds: [50] });
const coordinator = viewer({ coordinates: [{ cycleId: CYCLE, organisationId: 40 }] });

describe('roles and areas', () => {
	it('gives each role its own area and nothing else', () => {
		expect(areasOf(admin, CYCLE)).toEqual(['admin']);
		expect(areasOf(examiner, CYCLE)).toEqual(['examiner']);
		expect(areasOf(lead, CYCLE)).toEqual(['examiner']);
		expect(areasOf(juror, CYCLE)).toEqual(['jury']);
		expect(areasOf(chair, CYCLE)).toEqual(['jury']);
		expect(areasOf(contact, CYCLE)).toEqual(['unit']);
		expect(areasOf(coordinator, CYCLE)).toEqual(['coordinator']);
	});

	it('counts cycle roles only in their own cycle', () => {
		expect(mayEnterArea(examiner, 'examiner', CYCLE + 1)).toBe(false);
		expect(mayEnterArea(juror, 'jury', null)).toBe(false);
		expect(rolesIn(examiner, CYCLE + 1)).toEqual([]);
		expect(rolesIn(coordinator, CYCLE + 1)).toEqual([]);
	});

	it('names a lead as lead, not also as examiner, and a chair not also as juror', () => {
		expect(rolesIn(lead, CYCLE)).toEqual(['lead']);
		expect(rolesIn(viewer({ cycleRoles: [{ cycleId: CYCLE, role: 'juror' }, { cycleId: CYCLE, role: 'chair' }] }), CYCLE)).toEqual(['chair']);
	});

	it('lets a person with several roles into each of their areas', () => {
		const both = viewer({ isAdmin: true, unitIds: [3], cycleRoles: [{ cycleId: CYCLE, role: 'juror' }] });
		expect(areasOf(both, CYCLE)).toEqual(['admin', 'jury', 'unit']);
	});
});

describe('may', () => {
	it('only the admin runs the cycle, releases feedback and makes and downloads the archive package', () => {
		for (const v of [examiner, lead, juror, chair, contact]) {
			expect(may(v, 'cycle.manage', entry())).toBe(false);
			expect(may(v, 'feedback.release', entry())).toBe(false);
			expect(may(v, 'feedback.spread', entry({ phase: 'feedback' }))).toBe(false);
			expect(may(v, 'archive.package', entry({ phase: 'archived' }))).toBe(false);
		}
		expect(may(admin, 'cycle.manage', entry())).toBe(true);
		expect(may(admin, 'archive.package', entry())).toBe(true);
		expect(may(admin, 'archive.package', entry({ phase: 'archived' }))).toBe(true);
	});

	it('reads an account: own team, finalists for the jury, own unit', () => {
		expect(may(examiner, 'entry.readAccount', entry())).toBe(false);
		expect(may(examiner, 'entry.readAccount', entry({ onTeam: true }))).toBe(true);
		expect(may(juror, 'entry.readAccount', entry())).toBe(false);
		expect(may(juror, 'entry.readAccount', entry({ isFinalist: true, phase: 'jury' }))).toBe(true);
		// Before the jury phase a finalist's account is the teams' alone.
		expect(may(juror, 'entry.readAccount', entry({ isFinalist: true, phase: 'consensus' }))).toBe(false);
		expect(may(contact, 'entry.readAccount', entry())).toBe(true);
		expect(may(contact, 'entry.readAccount', entry({ unitId: 51 }))).toBe(false);
	});

	it('a conflict of interest bars everyone but the admin', () => {
		const conflicted = entry({ onTeam: true, isLead: true, isFinalist: true, conflicted: true });
		for (const v of [examiner, lead, juror, chair]) {
			expect(may(v, 'entry.readAccount', conflicted)).toBe(false);
			expect(may(v, 'ballot.cast', { ...conflicted, phase: 'jury' })).toBe(false);
		}
		expect(may(admin, 'entry.readAccount', conflicted)).toBe(true);
	});

	it('independence: teammates’ assessments only after one’s own is submitted', () => {
		expect(may(examiner, 'assessment.readTeam', entry({ onTeam: true }))).toBe(false);
		expect(may(examiner, 'assessment.readTeam', entry({ onTeam: true, ownSubmitted: true }))).toBe(true);
		expect(may(lead, 'assessment.readTeam', entry({ onTeam: true, isLead: true }))).toBe(false);
		expect(may(lead, 'assessment.readTeam', entry({ onTeam: true, isLead: true, ownSubmitted: true }))).toBe(true);
		expect(may(admin, 'assessment.readTeam', entry())).toBe(true);
	});

	it('writing an assessment needs the team and the assessment or consensus phase', () => {
		expect(may(examiner, 'assessment.write', entry({ onTeam: true }))).toBe(true);
		expect(may(examiner, 'assessment.write', entry({ onTeam: true, phase: 'jury' }))).toBe(false);
		expect(may(admin, 'assessment.write', entry())).toBe(false);
	});

	it('the scoring pages open to the team in every phase, the consensus page to its lead; a conflict closes both', () => {
		for (const phase of ['assessment', 'jury', 'archived'] as const) {
			expect(may(examiner, 'assessment.open', entry({ onTeam: true, phase }))).toBe(true);
			expect(may(lead, 'consensus.open', entry({ onTeam: true, isLead: true, phase }))).toBe(true);
		}
		expect(may(examiner, 'consensus.open', entry({ onTeam: true }))).toBe(false);
		expect(may(admin, 'assessment.open', entry())).toBe(false);
		expect(may(examiner, 'assessment.open', entry({ onTeam: true, conflicted: true }))).toBe(false);
		expect(may(lead, 'consensus.open', entry({ onTeam: true, isLead: true, conflicted: true }))).toBe(false);
	});

	it('consensus is the lead’s', () => {
		expect(may(lead, 'consensus.write', entry({ onTeam: true, isLead: true, ownSubmitted: true, phase: 'consensus' }))).toBe(true);
		expect(may(lead, 'consensus.write', entry({ onTeam: true, isLead: true, phase: 'consensus' }))).toBe(false);
		expect(may(examiner, 'consensus.write', entry({ onTeam: true, phase: 'consensus' }))).toBe(false);
	});

	it('the ranking opens to the jury from the jury phase', () => {
		expect(may(juror, 'ranking.view', entry({ phase: 'consensus' }))).toBe(false);
		expect(may(juror, 'ranking.view', entry({ phase: 'jury' }))).toBe(true);
		expect(may(chair, 'ranking.view', entry({ phase: 'decided' }))).toBe(true);
		expect(may(examiner, 'ranking.view', entry({ phase: 'jury' }))).toBe(false);
		expect(may(admin, 'ranking.view', entry({ phase: 'assessment' }))).toBe(true);
	});

	it('jurors vote on finalists, only the chair records decisions', () => {
		const finalist = entry({ phase: 'jury', isFinalist: true });
		expect(may(juror, 'ballot.cast', finalist)).toBe(true);
		expect(may(juror, 'ballot.cast', { ...finalist, isFinalist: false })).toBe(false);
		expect(may(juror, 'decision.record', finalist)).toBe(false);
		expect(may(chair, 'decision.record', finalist)).toBe(true);
		expect(may(chair, 'decision.record', { ...finalist, phase: 'decided' })).toBe(false);
		expect(may(admin, 'decision.record', finalist)).toBe(false);
	});

	it('a coordinator sees nothing of scores, rankings, the jury or accounts, even of their own units', () => {
		const own = entry({ isFinalist: true, reportReleased: true });
		const actions: Action[] = ['cycle.manage', 'entry.readAccount', 'assessment.open', 'assessment.write', 'assessment.readTeam', 'consensus.open', 'consensus.write', 'assessment.reopen', 'feedback.draft', 'ranking.view', 'ballot.cast', 'decision.record', 'feedback.release', 'feedback.read', 'account.open', 'account.write'];
		for (const phase of PHASES) {
			for (const action of actions) expect(may(coordinator, action, { ...own, phase }), `${action} in ${phase}`).toBe(false);
		}
	});

	it('a coordinator’s rights are their cycle’s only', () => {
		expect(may(coordinator, 'unit.register', entry({ phase: 'registration', cycleId: CYCLE + 1 }))).toBe(false);
		expect(may(coordinator, 'unit.register', entry({ phase: 'registration' }))).toBe(true);
	});

	it("lets only the unit's own contacts open and write its account", () => {
		const registration = entry({ phase: 'registration' });
		expect(may(contact, 'account.write', registration)).toBe(true);
		expect(may(contact, 'account.open', entry({ unitId: 51 }))).toBe(false);
		for (const v of [admin, examiner, lead, juror, chair]) {
			expect(may(v, 'account.open', registration)).toBe(false);
			expect(may(v, 'account.write', registration)).toBe(false);
		}
		expect(may(contact, 'account.write', { ...registration, conflicted: true })).toBe(false);
	});

	it('a unit reads its feedback only once released', () => {
		expect(may(contact, 'feedback.read', entry())).toBe(false);
		expect(may(contact, 'feedback.read', entry({ reportReleased: true }))).toBe(true);
		expect(may(contact, 'feedback.read', entry({ unitId: 51, reportReleased: true }))).toBe(false);
	});

	it('opens each right in its phases only, for every role: the table of the rights', () => {
		// Per role, the phases in which each phase-bound right holds on an entry the role has a part in.
		const fromJury = ['jury', 'decided', 'feedback', 'archived'];
		const scoring = ['assessment', 'consensus'];
		const cases: [string, Viewer, Partial<EntryFacts>, Action, string[]][] = [
			['juror, finalist account', juror, { isFinalist: true }, 'entry.readAccount', fromJury],
			['chair, finalist account', chair, { isFinalist: true }, 'entry.readAccount', fromJury],
			['juror, feedback report', juror, {}, 'feedback.read', fromJury],
			['chair, feedback report', chair, {}, 'feedback.read', fromJury],
			['team member, account', examiner, { onTeam: true }, 'entry.readAccount', [...PHASES]],
			['team member, feedback report', examiner, { onTeam: true }, 'feedback.read', [...PHASES]],
			['team member, own assessment', examiner, { onTeam: true }, 'assessment.write', scoring],
			['lead before own submitted, reopen', lead, { onTeam: true, isLead: true }, 'assessment.reopen', []],
			['lead after own submitted, reopen', lead, { onTeam: true, isLead: true, ownSubmitted: true }, 'assessment.reopen', scoring],
			['lead before own submitted, consensus', lead, { onTeam: true, isLead: true }, 'consensus.write', []],
			['lead after own submitted, consensus', lead, { onTeam: true, isLead: true, ownSubmitted: true }, 'consensus.write', scoring],
			['admin, reopen', admin, {}, 'assessment.reopen', scoring],
			['admin, account', admin, {}, 'entry.readAccount', [...PHASES]],
			['admin, spread of self-assessments', admin, {}, 'feedback.spread', [...PHASES]],
			['lead, spread of self-assessments', lead, { onTeam: true, isLead: true, ownSubmitted: true }, 'feedback.spread', []],
			['juror, spread of self-assessments', juror, { isFinalist: true }, 'feedback.spread', []],
			['chair, spread of self-assessments', chair, {}, 'feedback.spread', []],
			['contact, spread of self-assessments', contact, { reportReleased: true }, 'feedback.spread', []],
			['coordinator, spread of self-assessments', coordinator, {}, 'feedback.spread', []],
			['contact, released report', contact, { reportReleased: true }, 'feedback.read', [...PHASES]],
			['contact, registration', contact, {}, 'unit.register', ['registration']],
			['contact, reads registration', contact, {}, 'unit.readRegistration', [...PHASES]],
			['contact, confirms', contact, {}, 'registration.confirm', []],
			['contact, minutes', contact, {}, 'minutes.upload', []],
			['coordinator, registration', coordinator, {}, 'unit.register', ['registration']],
			['coordinator, confirms', coordinator, {}, 'registration.confirm', ['registration']],
			['coordinator, minutes', coordinator, {}, 'minutes.upload', ['registration']],
			['coordinator, reads registration', coordinator, {}, 'unit.readRegistration', [...PHASES]],
			['coordinator of another organisation', coordinator, { organisationId: 41 }, 'unit.readRegistration', []],
			['coordinator of another organisation, registers', coordinator, { organisationId: 41 }, 'unit.register', []],
			['admin, registration', admin, {}, 'unit.register', ['preparation', 'registration', 'assessment', 'consensus']],
			['admin, confirms', admin, {}, 'registration.confirm', ['preparation', 'registration', 'assessment', 'consensus']],
			['admin, minutes upload is the coordinator’s', admin, {}, 'minutes.upload', []],
			['coordinator, reads minutes', coordinator, {}, 'minutes.read', [...PHASES]],
			['coordinator of another organisation, minutes', coordinator, { organisationId: 41 }, 'minutes.read', []],
			['admin, reads minutes', admin, {}, 'minutes.read', [...PHASES]],
			['contact, reads minutes', contact, {}, 'minutes.read', []],
			['juror, reads minutes', juror, { isFinalist: true }, 'minutes.read', []],
			['examiner, registration', examiner, { onTeam: true }, 'unit.register', []],
			['juror, registration', juror, { isFinalist: true }, 'unit.readRegistration', []],
			['contact, own account form', contact, {}, 'account.open', [...PHASES]],
			['contact, writing the account', contact, {}, 'account.write', ['registration']],
			['admin, writing the account', admin, {}, 'account.write', []],
			['team member, writing the account', examiner, { onTeam: true }, 'account.write', []],
			['other unit, writing the account', contact, { unitId: 51 }, 'account.write', []]
		];
		for (const [name, who, facts, action, phases] of cases) {
			const open = PHASES.filter((phase) => may(who, action, entry({ ...facts, phase })));
			expect(open, name).toEqual(phases);
		}
	});
});
