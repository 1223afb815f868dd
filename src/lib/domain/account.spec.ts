import { describe, expect, it } from 'vitest';
import {
	accountArrivalDay,
	accountDeadline,
	accountDifferences,
	accountState,
	answerLength,
	answersOverLimit,
	attachmentType,
	canonicalAccount,
	cleanTextBlocks,
	emptyAccount,
	emptyFields,
	isAccountOpen,
	pickAccountFields,
	textBlocks,
	withinLimit
} from './account';
import { checkEligibility } from './eligibility';

const doc = (introduction: string, answers: string[][]) => ({
	introduction,
	criteria: answers.map((a, i) => ({ criterionId: i + 1, answers: a }))
});

describe('the length limit', () => {
	it('counts characters as the unit sees them, after cleaning', () => {
		expect(answerLength('abc')).toBe(3);
		expect(answerLength('  å ä ö  \r\n')).toBe(5);
		expect(answerLength('rad ett   \r\nrad två')).toBe(15);
		// An emoji is one character, not the two UTF-16 units of its surrogate pair.
		expect(answerLength('😀😀')).toBe(2);
	});

	it('lets an answer of exactly the limit through and refuses one more', () => {
		expect(withinLimit('x'.repeat(100), 100)).toBe(true);
		expect(withinLimit('x'.repeat(101), 100)).toBe(false);
		expect(withinLimit('😀'.repeat(100), 100)).toBe(true);
		expect(withinLimit(`${'x'.repeat(100)}   \n\n`, 100)).toBe(true);
	});

	it('names every answer over the limit with its length', () => {
		const over = answersOverLimit(doc('', [['kort', 'x'.repeat(11)], ['y'.repeat(12)]]), 10);
		expect(over).toEqual([
			{ field: { kind: 'answer', criterionId: 1, question: 1 }, length: 11 },
			{ field: { kind: 'answer', criterionId: 2, question: 0 }, length: 12 }
		]);
	});
});

describe('the state, the deadline and E4', () => {
	it('tells none, draft and submitted with the time', () => {
		const at = new Date('2026-05-10T08:00:00Z');
		expect(accountState(null)).toEqual({ state: 'none', submittedAt: null });
		expect(accountState({ status: 'draft', submittedAt: null })).toEqual({ state: 'draft', submittedAt: null });
		expect(accountState({ status: 'submitted', submittedAt: at })).toEqual({ state: 'submitted', submittedAt: at });
	});

	it('is open until the end of the deadline day in Stockholm, and closed after', () => {
		expect(isAccountOpen(new Date('2026-05-20T21:59:00Z'), '2026-05-20')).toBe(true); // 23:59 in Stockholm
		expect(isAccountOpen(new Date('2026-05-20T22:00:00Z'), '2026-05-20')).toBe(false); // midnight
		expect(isAccountOpen(new Date('2030-01-01T00:00:00Z'), null)).toBe(true);
	});

	it('takes an extension for one entry, never a shorter time', () => {
		expect(accountDeadline('2026-05-20', null)).toBe('2026-05-20');
		expect(accountDeadline('2026-05-20', '2026-05-27')).toBe('2026-05-27');
		expect(accountDeadline('2026-05-20', '2026-05-01')).toBe('2026-05-20');
		expect(accountDeadline(null, '2026-05-27')).toBe('2026-05-27');
	});

	it('gives E4 the Stockholm day of the submission, before a day the admin recorded', () => {
		expect(accountArrivalDay(new Date('2026-05-20T21:30:00Z'), null)).toBe('2026-05-20');
		expect(accountArrivalDay(new Date('2026-05-20T22:30:00Z'), '2026-05-01')).toBe('2026-05-21');
		expect(accountArrivalDay(null, '2026-05-01')).toBe('2026-05-01');
		expect(accountArrivalDay(null, null)).toBeNull();
	});

	it('passes E4 for a submission on the deadline day and fails it for one a minute past midnight', () => {
		const input = (submittedAt: Date) => ({
			cycleYear: 2026,
			accountDeadline: '2026-05-20',
			minutesDeadline: null,
			accountReceivedDate: accountArrivalDay(submittedAt, null),
			minutesReceivedDate: null,
			unit: {
				managerHasBudgetAndStaffResponsibility: true,
				hasBusinessPlanWithGoals: true,
				staffCount: 10,
				privatelyRun: false,
				stockholmSharePercent: null,
				winYears: [],
				lastYearResult: null,
				forecastResult: null
			}
		});
		const e4 = (at: string) => checkEligibility(input(new Date(at))).rules.find((r) => r.rule === 'E4')!.status;
		expect(e4('2026-05-20T21:59:00Z')).toBe('pass');
		expect(e4('2026-05-20T22:01:00Z')).toBe('fail');
	});
});

describe('submitting', () => {
	it('needs the introduction and every answer', () => {
		expect(emptyFields(emptyAccount([{ criterionId: 1, questions: 2 }]))).toHaveLength(3);
		expect(emptyFields(doc('Om oss', [['a', '  \n ']]))).toEqual([{ kind: 'answer', criterionId: 1, question: 1 }]);
	});

	it('checksums the same account the same way, whatever order attachments come in', () => {
		const a = { fileName: 'a.pdf', sha256: 'a'.repeat(64), size: 1 };
		const b = { fileName: 'b.png', sha256: 'b'.repeat(64), size: 2 };
		const account = doc('Om oss ', [['svar\r\n']]);
		expect(canonicalAccount(3, account, [a, b])).toBe(canonicalAccount(3, doc('Om oss', [['svar']]), [b, a]));
		expect(canonicalAccount(3, account, [a])).not.toBe(canonicalAccount(3, account, [a, b]));
		expect(canonicalAccount(3, account, [])).not.toBe(canonicalAccount(4, account, []));
	});
});

describe('reading an answer', () => {
	it('makes paragraphs of blank-line blocks and lists of lines starting with "- "', () => {
		expect(textBlocks('Första stycket\nfortsätter.\n\nAndra.\n- ett\n- två\n  och mer\n\nSlut.')).toEqual([
			{ kind: 'paragraph', text: 'Första stycket\nfortsätter.' },
			{ kind: 'paragraph', text: 'Andra.' },
			{ kind: 'list', items: ['ett', 'två och mer'] },
			{ kind: 'paragraph', text: 'Slut.' }
		]);
		expect(textBlocks('')).toEqual([]);
	});

	it('reads a saved, already cleaned text to the same blocks without cleaning it again', () => {
		const typed = 'Första stycket  \r\nfortsätter.\r\n\r\n- ett\t\n- två';
		const saved = 'Första stycket\nfortsätter.\n\n- ett\n- två';
		expect(cleanTextBlocks(saved)).toEqual(textBlocks(typed));
	});
});

describe('conflicts', () => {
	it('puts the differing answers side by side and takes the chosen ones', () => {
		const mine = doc('Vi', [['min text', 'samma']]);
		const theirs = doc('Vi', [['deras text', 'samma']]);
		const differences = accountDifferences(mine, theirs);
		expect(differences).toEqual([{ field: { kind: 'answer', criterionId: 1, question: 0 }, mine: 'min text', theirs: 'deras text' }]);
		expect(pickAccountFields(mine, theirs, [differences[0].field]).criteria[0].answers).toEqual(['deras text', 'samma']);
		expect(pickAccountFields(mine, theirs, []).criteria[0].answers[0]).toBe('min text');
	});
});

describe('attachments', () => {
	it('tells PDF, PNG and JPEG by their first bytes, and nothing else', () => {
		expect(attachmentType(new TextEncoder().encode('%PDF-1.7'))).toBe('application/pdf');
		expect(attachmentType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
		expect(attachmentType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
		expect(attachmentType(new TextEncoder().encode('GIF89a'))).toBeNull();
		expect(attachmentType(new TextEncoder().encode('%PD'))).toBeNull();
	});
});
