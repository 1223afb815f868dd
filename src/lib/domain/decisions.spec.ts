import { describe, expect, it } from 'vitest';
import { byOutcome, checkClassDecision, type DecisionCandidate } from './decisions';

const candidates: DecisionCandidate[] = [
	{ id: '1', awardBlockedReason: null },
	{ id: '2', awardBlockedReason: 'Förra årets resultat visar underskott.' }
];
const none = { noAward: false, reason: '' };

describe('checkClassDecision', () => {
	it('accepts an award and a mention, each with a citation', () => {
		const input = {
			...none,
			items: [
				{ entryId: '1', outcome: 'award' as const, citation: 'För ett föredömligt arbete.' },
				{ entryId: '2', outcome: 'mention' as const, citation: 'För engagemanget.' }
			]
		};
		expect(checkClassDecision(candidates, input)).toEqual([]);
	});

	it('requires a citation for every award and mention', () => {
		const input = { ...none, items: [{ entryId: '1', outcome: 'mention' as const, citation: '  ' }] };
		expect(checkClassDecision(candidates, input)).toEqual([{ code: 'citation-required', entryId: '1' }]);
	});

	it('lets E8 block the award, with its reason, but not a mention', () => {
		const award = { ...none, items: [{ entryId: '2', outcome: 'award' as const, citation: 'Text' }] };
		expect(checkClassDecision(candidates, award)).toEqual([
			{ code: 'award-blocked', entryId: '2', detail: 'Förra årets resultat visar underskott.' }
		]);
		const mention = { ...none, items: [{ entryId: '2', outcome: 'mention' as const, citation: 'Text' }] };
		expect(checkClassDecision(candidates, mention)).toEqual([]);
	});

	it('refuses entries outside the candidates and duplicates', () => {
		const input = {
			...none,
			items: [
				{ entryId: '9', outcome: 'mention' as const, citation: 'Text' },
				{ entryId: '1', outcome: 'mention' as const, citation: 'Text' },
				{ entryId: '1', outcome: 'award' as const, citation: 'Text' }
			]
		};
		expect(checkClassDecision(candidates, input).map((i) => i.code)).toEqual(['unknown-entry', 'duplicate']);
	});

	it('takes no award with a reason, mentions allowed, but never together with an award', () => {
		expect(checkClassDecision(candidates, { items: [], noAward: true, reason: 'Ingen når nivån.' })).toEqual([]);
		expect(
			checkClassDecision(candidates, {
				items: [{ entryId: '1', outcome: 'mention', citation: 'Text' }],
				noAward: true,
				reason: 'Ingen når nivån.'
			})
		).toEqual([]);
		expect(checkClassDecision(candidates, { items: [], noAward: true, reason: ' ' })).toEqual([{ code: 'reason-required' }]);
		expect(
			checkClassDecision(candidates, { items: [{ entryId: '1', outcome: 'award', citation: 'Text' }], noAward: true, reason: 'Skäl' })
		).toEqual([{ code: 'award-and-none', entryId: '1' }]);
	});

	it('refuses a decision that says nothing', () => {
		expect(checkClassDecision(candidates, { items: [], noAward: false, reason: '' })).toEqual([{ code: 'empty' }]);
	});
});

describe('the order of decisions', () => {
	it('puts the award before the honourable mention and no award last', () => {
		const listed = [{ outcome: 'mention' as const }, { outcome: 'none' as const }, { outcome: 'award' as const }, { outcome: 'mention' as const }];
		expect([...listed].sort(byOutcome).map((d) => d.outcome)).toEqual(['award', 'mention', 'mention', 'none']);
	});
});
