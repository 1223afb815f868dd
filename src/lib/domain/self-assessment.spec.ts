import { describe, expect, it } from 'vitest';
import { accountDifferences, accountFieldKey, canonicalAccount, cleanAccount, madeSelf, parseAccountFieldKey, pickAccountFields, type AccountDoc, type AccountField } from './account';
import { PHASES } from './phases';
import type { EntryFacts, Viewer } from './permissions';
import { entryFactsOf, viewerOf } from './test-fixtures';
import { isBand, reasonsWithoutBand, SELF_REASON_LIMIT, selfAssessmentProblem, selfAssessmentVisible } from './self-assessment';

const doc = (self: AccountDoc['criteria'][number]['self'][] = []): AccountDoc => ({
	introduction: 'Om oss',
	criteria: [0, 1].map((i) => ({ criterionId: i + 1, answers: ['svar'], ...(self[i] !== undefined ? { self: self[i] } : {}) }))
});

describe('the self-assessment’s fields', () => {
	it('names a criterion’s band and reason and reads the names back', () => {
		const fields: AccountField[] = [
			{ kind: 'band', criterionId: 7 },
			{ kind: 'reason', criterionId: 7 },
			{ kind: 'answer', criterionId: 7, question: 2 },
			{ kind: 'introduction' }
		];
		expect(fields.map(accountFieldKey)).toEqual(['self.7.band', 'self.7.reason', 'answers.7.2', 'introduction']);
		for (const f of fields) expect(parseAccountFieldKey(accountFieldKey(f))).toEqual(f);
		expect(parseAccountFieldKey('self.7.score')).toBeNull();
	});
});

describe('checking a self-assessment', () => {
	it('takes a band 0–5 with or without a reason, and none at all', () => {
		expect([0, 5].map((band) => selfAssessmentProblem({ band, reason: '' }))).toEqual([null, null]);
		expect(selfAssessmentProblem({ band: 3, reason: 'Vi mäter men jämför oss inte.' })).toBeNull();
		expect(selfAssessmentProblem({ band: null, reason: '  \n' })).toBeNull();
		expect(selfAssessmentProblem(null)).toBeNull();
		expect(selfAssessmentProblem(undefined)).toBeNull();
	});

	it('refuses a band the model does not have', () => {
		for (const band of [-1, 6, 2.5, Number.NaN]) expect(selfAssessmentProblem({ band, reason: '' })).toBe('band');
		expect(isBand('3')).toBe(false);
	});

	it('keeps a reason written before its band in a draft, and refuses it when the account is handed in', () => {
		expect(selfAssessmentProblem({ band: null, reason: 'Vi är bäst.' })).toBeNull();
		expect(selfAssessmentProblem({ band: null, reason: 'Vi är bäst.' }, 'submission')).toBe('reasonWithoutBand');
		expect(selfAssessmentProblem({ band: null, reason: ' \n' }, 'submission')).toBeNull();
		expect(selfAssessmentProblem({ band: 2, reason: 'Vi är bäst.' }, 'submission')).toBeNull();
	});

	it('names the criteria whose reason still waits for its band', () => {
		const waiting = doc([{ band: null, reason: 'Vi är bäst.' }, { band: 1, reason: 'Vi har långt kvar.' }]);
		expect(reasonsWithoutBand(waiting)).toEqual([{ kind: 'reason', criterionId: 1 }]);
		expect(reasonsWithoutBand(doc([{ band: 3, reason: 'Därför.' }, null]))).toEqual([]);
	});

	it('counts the reason as answers are counted, after cleaning, an emoji as one', () => {
		expect(selfAssessmentProblem({ band: 1, reason: `${'😀'.repeat(SELF_REASON_LIMIT)}   \n` })).toBeNull();
		expect(selfAssessmentProblem({ band: 1, reason: 'å'.repeat(SELF_REASON_LIMIT + 1) })).toBe('reasonTooLong');
	});
});

describe('the self-assessment in the account', () => {
	it('is kept cleaned where a band is chosen or a reason written, and left out where neither is', () => {
		const cleaned = cleanAccount({
			introduction: 'Om oss',
			criteria: [
				{ criterionId: 1, answers: ['svar'], self: { band: 4, reason: 'Vi mäter varje månad.  \r\n' } },
				{ criterionId: 2, answers: ['svar'], self: { band: null, reason: '' } },
				{ criterionId: 3, answers: ['svar'], self: { band: null, reason: 'Först orden, sedan nivån. \n' } }
			]
		});
		expect(cleaned.criteria).toEqual([
			{ criterionId: 1, answers: ['svar'], self: { band: 4, reason: 'Vi mäter varje månad.' } },
			{ criterionId: 2, answers: ['svar'] },
			{ criterionId: 3, answers: ['svar'], self: { band: null, reason: 'Först orden, sedan nivån.' } }
		]);
	});

	it('is made only with a band: a reason waiting for one is no self-assessment yet', () => {
		expect(madeSelf({ band: 0, reason: '' })).toEqual({ band: 0, reason: '' });
		expect(madeSelf({ band: null, reason: 'Först orden.' })).toBeNull();
		expect(madeSelf(undefined)).toBeNull();
		expect(canonicalAccount(3, doc([{ band: null, reason: 'Först orden.' }]), [])).toBe(canonicalAccount(3, doc(), []));
	});

	it('keeps the checksum of an account without one exactly as it was', () => {
		// The canonical text written before units could assess themselves.
		const before = JSON.stringify({
			entry: 3,
			introduction: 'Om oss',
			criteria: [
				{ criterion: 1, answers: ['svar'] },
				{ criterion: 2, answers: ['svar'] }
			],
			attachments: []
		});
		expect(canonicalAccount(3, doc(), [])).toBe(before);
		expect(canonicalAccount(3, doc([null, null]), [])).toBe(before);
	});

	it('gives a different checksum for a different self-assessment', () => {
		const texts = [doc(), doc([{ band: 3, reason: '' }]), doc([{ band: 4, reason: '' }]), doc([{ band: 4, reason: 'Därför.' }]), doc([null, { band: 4, reason: 'Därför.' }])].map((d) =>
			canonicalAccount(3, d, [])
		);
		expect(new Set(texts).size).toBe(texts.length);
		expect(canonicalAccount(3, doc([{ band: 4, reason: 'Därför. \n' }]), [])).toBe(canonicalAccount(3, doc([{ band: 4, reason: 'Därför.' }]), []));
	});

	it('is one choice in a conflict: band and reason are taken together', () => {
		const mine = doc([{ band: 4, reason: 'Min' }]);
		const theirs = doc([{ band: 2, reason: 'Deras' }, { band: 1, reason: '' }]);
		const differences = accountDifferences(mine, theirs);
		expect(differences).toEqual([
			{ field: { kind: 'band', criterionId: 1 }, mine: { band: 4, reason: 'Min' }, theirs: { band: 2, reason: 'Deras' } },
			{ field: { kind: 'band', criterionId: 2 }, mine: null, theirs: { band: 1, reason: '' } }
		]);
		const taken = pickAccountFields(mine, theirs, differences.map((d) => d.field));
		expect(taken.criteria.map((c) => c.self)).toEqual([{ band: 2, reason: 'Deras' }, { band: 1, reason: '' }]);
		// Taking "none" from theirs removes mine.
		expect(pickAccountFields(theirs, mine, [{ kind: 'band', criterionId: 2 }]).criteria[1].self).toBeUndefined();
		expect(pickAccountFields(mine, theirs, []).criteria[0].self).toEqual({ band: 4, reason: 'Min' });
	});
});

describe('who sees a self-assessment when', () => {
	const CYCLE = 1;
	const viewer = viewerOf;
	const facts = (over: Partial<EntryFacts> = {}) => entryFactsOf(CYCLE, { phase: 'consensus', ...over });
	const examiner = viewer({ cycleRoles: [{ cycleId: CYCLE, role: 'examiner' }] });
	const lead = viewer({ cycleRoles: [{ cycleId: CYCLE, role: 'examiner' }], leadCycleIds: [CYCLE] });
	const juror = viewer({ cycleRoles: [{ cycleId: CYCLE, role: 'juror' }] });
	const chair = viewer({ cycleRoles: [{ cycleId: CYCLE, role: 'chair' }] });
	const admin = viewer({ isAdmin: true });
	const contact = viewer({ unitIds: [50] });
	const otherContact = viewer({ unitIds: [51] });
	const coordinator = viewer({ coordinates: [{ cycleId: CYCLE, organisationId: 40 }] });

	// Per role: the entry's facts for them, and whether they see it before and after the consensus is done, in every phase.
	const table: [string, Viewer, Partial<EntryFacts>, boolean, boolean][] = [
		['the unit’s own contact', contact, {}, true, true],
		['a contact of another unit', otherContact, {}, false, false],
		['a team member', examiner, { onTeam: true }, false, true],
		['the team’s lead', lead, { onTeam: true, isLead: true, ownSubmitted: true }, false, true],
		['an examiner not on the team', examiner, {}, false, false],
		['the admin', admin, {}, false, true],
		['the coordinator of the unit’s organisation', coordinator, {}, false, false]
	];

	it.each(table)('%s', (_, who, own, before, after) => {
		for (const phase of PHASES) {
			expect(selfAssessmentVisible(who, facts({ ...own, phase })), `${phase}, before`).toBe(before);
			expect(selfAssessmentVisible(who, facts({ ...own, phase, consensusDone: true })), `${phase}, after`).toBe(after);
		}
	});

	it('shows the jury a finalist’s once they read its account, and a non-finalist’s never', () => {
		for (const member of [juror, chair]) {
			// A finalist's consensus is done by definition; the jury reads from its own phase on.
			expect(selfAssessmentVisible(member, facts({ phase: 'jury', isFinalist: true, consensusDone: true }))).toBe(true);
			expect(selfAssessmentVisible(member, facts({ phase: 'consensus', isFinalist: true, consensusDone: true }))).toBe(false);
			expect(selfAssessmentVisible(member, facts({ phase: 'jury', consensusDone: true }))).toBe(false);
		}
	});

	it('shows nothing to anyone in conflict but the admin, as every right', () => {
		const conflicted = { onTeam: true, isFinalist: true, consensusDone: true, phase: 'jury' as const, conflicted: true };
		for (const who of [examiner, lead, juror, chair]) expect(selfAssessmentVisible(who, facts(conflicted))).toBe(false);
		expect(selfAssessmentVisible(admin, facts(conflicted))).toBe(true);
	});
});
