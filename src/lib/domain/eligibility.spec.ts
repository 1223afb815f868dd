import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEligibility, isAdmitted, managerHasBudgetAndStaff, minutesArrival, RULE_LABELS, summariseEligibility, type EligibilityInput, type EligibilityUnit, type RuleId } from './eligibility';

/** An entry that passes every rule; each test changes only what it is about. */
function entry(overrides: Partial<Omit<EligibilityInput, 'unit'>> = {}, unit: Partial<EligibilityUnit> = {}): EligibilityInput {
	return {
		cycleYear: 2024,
		accountDeadline: '2024-05-17',
		minutesDeadline: '2024-06-30',
		accountReceivedDate: '2024-05-10',
		minutesReceivedDate: '2024-06-12',
		unit: {
			managerHasBudgetAndStaffResponsibility: true,
			hasBusinessPlanWithGoals: true,
			staffCount: 12,
			privatelyRun: false,
			stockholmSharePercent: null,
			winYears: [],
			lastYearResult: 150_000,
			forecastResult: 20_000,
			...unit
		},
		...overrides
	};
}

function rule(input: EligibilityInput, id: RuleId) {
	const found = checkEligibility(input).rules.find((r) => r.rule === id);
	if (!found) throw new Error(`no result for ${id}`);
	return found;
}

describe('checkEligibility: the whole result', () => {
	it('returns every rule once, in order, with what it blocks', () => {
		const result = checkEligibility(entry());
		expect(result.rules.map((r) => [r.rule, r.blocks])).toEqual([
			['E1', 'assessment'],
			['E2', 'assessment'],
			['E3', 'assessment'],
			['E4', 'assessment'],
			['E5', 'assessment'],
			['E6', 'assessment'],
			['E7', 'assessment'],
			['E8', 'award']
		]);
		expect(result.rules.every((r) => r.status === 'pass')).toBe(true);
		expect(result.admissible).toBe(true);
		expect(result.awardBlocked).toBe(false);
	});

	it('gives every rule a Swedish reason ending in a full stop', () => {
		for (const r of checkEligibility(entry()).rules) expect(r.reason).toMatch(/^[A-ZÅÄÖ].*\.$/);
	});

	it('has a label for every rule', () => {
		expect(Object.keys(RULE_LABELS)).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8']);
	});

	it('is inadmissible when any rule E1–E7 fails', () => {
		const failing: EligibilityInput[] = [
			entry({}, { managerHasBudgetAndStaffResponsibility: false }),
			entry({}, { hasBusinessPlanWithGoals: false }),
			entry({}, { staffCount: 4 }),
			entry({ accountReceivedDate: '2024-05-18' }),
			entry({ minutesReceivedDate: '2024-07-01' }),
			entry({}, { privatelyRun: true, stockholmSharePercent: 50 }),
			entry({}, { winYears: [2022] })
		];
		for (const input of failing) expect(checkEligibility(input).admissible).toBe(false);
	});

	it('stays admissible when rules are only unknown', () => {
		const result = checkEligibility(
			entry(
				{ accountReceivedDate: null, minutesReceivedDate: null },
				{ managerHasBudgetAndStaffResponsibility: null, staffCount: null, winYears: null }
			)
		);
		expect(result.rules.filter((r) => r.status === 'unknown').map((r) => r.rule)).toEqual(['E1', 'E3', 'E4', 'E5', 'E7']);
		expect(result.admissible).toBe(true);
	});

	it('does not make an entry in deficit inadmissible, but blocks its award', () => {
		const result = checkEligibility(entry({}, { lastYearResult: -1 }));
		expect(result.admissible).toBe(true);
		expect(result.awardBlocked).toBe(true);
	});

	it('blocks the award when the deficit rule is unknown', () => {
		const result = checkEligibility(entry({}, { forecastResult: null }));
		expect(result.admissible).toBe(true);
		expect(result.awardBlocked).toBe(true);
	});

	it('does not block the award because of a failing E1–E7 rule', () => {
		expect(checkEligibility(entry({}, { staffCount: 3 })).awardBlocked).toBe(false);
	});
});

describe('E1 manager with budget and staff responsibility', () => {
	it.each([
		[true, 'pass', 'Enheten har en chef med budget- och personalansvar.'],
		[false, 'fail', 'Enheten saknar en chef med budget- och personalansvar.'],
		[null, 'unknown', 'Uppgift saknas om enheten har en chef med budget- och personalansvar.']
	] as const)('%s → %s', (value, status, reason) => {
		expect(rule(entry({}, { managerHasBudgetAndStaffResponsibility: value }), 'E1')).toMatchObject({ status, reason });
	});
});

describe('managerHasBudgetAndStaff: E1 from the two responsibilities the registry keeps', () => {
	it.each([
		[true, true, true],
		[false, true, false],
		[true, false, false],
		[false, null, false],
		[null, false, false],
		[true, null, null],
		[null, true, null],
		[null, null, null]
	] as const)('budget %s, staff %s → %s', (budget, staff, expected) => {
		expect(managerHasBudgetAndStaff(budget, staff)).toBe(expected);
	});
});

describe('E2 business plan with goals', () => {
	it.each([
		[true, 'pass', 'Enheten har en verksamhetsplan med mål.'],
		[false, 'fail', 'Enheten saknar en verksamhetsplan med mål.'],
		[null, 'unknown', 'Uppgift saknas om enheten har en verksamhetsplan med mål.']
	] as const)('%s → %s', (value, status, reason) => {
		expect(rule(entry({}, { hasBusinessPlanWithGoals: value }), 'E2')).toMatchObject({ status, reason });
	});
});

describe('E3 at least five staff including the manager', () => {
	it('fails with 4', () => {
		expect(rule(entry({}, { staffCount: 4 }), 'E3')).toMatchObject({
			status: 'fail',
			reason: 'Enheten har 4 medarbetare inklusive chefen; minst 5 krävs.'
		});
	});

	it('passes with 5', () => {
		expect(rule(entry({}, { staffCount: 5 }), 'E3')).toMatchObject({
			status: 'pass',
			reason: 'Enheten har 5 medarbetare inklusive chefen; minst 5 krävs.'
		});
	});

	it.each([0, 1, 3])('fails with %i', (count) => {
		expect(rule(entry({}, { staffCount: count }), 'E3').status).toBe('fail');
	});

	it('passes with many', () => {
		expect(rule(entry({}, { staffCount: 250 }), 'E3').status).toBe('pass');
	});

	it('is unknown when the count is missing', () => {
		expect(rule(entry({}, { staffCount: null }), 'E3')).toMatchObject({
			status: 'unknown',
			reason: 'Uppgift saknas om antalet medarbetare.'
		});
	});

	it.each([-1, 4.5, Number.NaN])('is unknown for the invalid count %s', (count) => {
		const result = rule(entry({}, { staffCount: count }), 'E3');
		expect(result.status).toBe('unknown');
		expect(result.reason).toContain('inget giltigt antal');
	});

	it('writes an invalid count with a decimal comma', () => {
		expect(rule(entry({}, { staffCount: 4.5 }), 'E3').reason).toBe('Antalet medarbetare (4,5) är inget giltigt antal.');
	});
});

describe('E4 written account by the deadline', () => {
	it('passes when received before the deadline', () => {
		expect(rule(entry({ accountReceivedDate: '2024-05-02' }), 'E4')).toMatchObject({
			status: 'pass',
			reason: 'Den skriftliga redovisningen kom in 2 maj 2024, i tid (sista dag 17 maj 2024).'
		});
	});

	it('passes when received on the deadline day', () => {
		expect(rule(entry({ accountReceivedDate: '2024-05-17' }), 'E4').status).toBe('pass');
	});

	it('fails when received the day after', () => {
		expect(rule(entry({ accountReceivedDate: '2024-05-18' }), 'E4')).toMatchObject({
			status: 'fail',
			reason: 'Den skriftliga redovisningen kom in 18 maj 2024, efter sista dag 17 maj 2024.'
		});
	});

	it('compares across month and year boundaries as days', () => {
		expect(rule(entry({ accountDeadline: '2024-05-31', accountReceivedDate: '2024-06-01' }), 'E4').status).toBe('fail');
		expect(rule(entry({ accountDeadline: '2024-05-31', accountReceivedDate: '2023-12-31' }), 'E4').status).toBe('pass');
	});

	it('is unknown when the cycle has no deadline', () => {
		expect(rule(entry({ accountDeadline: null }), 'E4')).toMatchObject({
			status: 'unknown',
			reason: 'Omgången saknar sista dag för den skriftliga redovisningen.'
		});
	});

	it('is unknown while the account has not arrived', () => {
		expect(rule(entry({ accountReceivedDate: null }), 'E4')).toMatchObject({
			status: 'unknown',
			reason: 'Den skriftliga redovisningen har inte kommit in ännu; sista dag är 17 maj 2024.'
		});
	});

	it('is still unknown on the deadline day when the account has not arrived', () => {
		expect(rule(entry({ accountReceivedDate: null, today: '2024-05-17' }), 'E4').status).toBe('unknown');
	});

	it('fails when the account is still missing after the deadline', () => {
		expect(rule(entry({ accountReceivedDate: null, today: '2024-05-18' }), 'E4')).toMatchObject({
			status: 'fail',
			reason: 'Den skriftliga redovisningen har inte kommit in; sista dag var 17 maj 2024.'
		});
	});

	it('ignores today once the account has arrived', () => {
		expect(rule(entry({ accountReceivedDate: '2024-05-17', today: '2024-09-01' }), 'E4').status).toBe('pass');
	});

	it('is unknown for dates that are not ISO days', () => {
		expect(rule(entry({ accountReceivedDate: '17/5/2024' }), 'E4')).toMatchObject({
			status: 'unknown',
			reason: 'Mottagningsdatumet för den skriftliga redovisningen (17/5/2024) är inget giltigt datum.'
		});
		expect(rule(entry({ accountReceivedDate: '2024-05-17T10:00:00Z' }), 'E4').status).toBe('unknown');
		expect(rule(entry({ accountDeadline: '2024-02-30' }), 'E4')).toMatchObject({
			status: 'unknown',
			reason: 'Omgångens sista dag för den skriftliga redovisningen (2024-02-30) är inget giltigt datum.'
		});
	});
});

describe('E5 board minutes by the deadline', () => {
	it('passes when received on 30 June', () => {
		expect(rule(entry({ minutesReceivedDate: '2024-06-30' }), 'E5')).toMatchObject({
			status: 'pass',
			reason: 'Nämndprotokollet kom in 30 juni 2024, i tid (sista dag 30 juni 2024).'
		});
	});

	it('fails when received on 1 July', () => {
		expect(rule(entry({ minutesReceivedDate: '2024-07-01' }), 'E5')).toMatchObject({
			status: 'fail',
			reason: 'Nämndprotokollet kom in 1 juli 2024, efter sista dag 30 juni 2024.'
		});
	});

	it("follows the cycle's own deadline", () => {
		const input = entry({ minutesDeadline: '2024-06-14', minutesReceivedDate: '2024-06-20' });
		expect(rule(input, 'E5').status).toBe('fail');
	});

	it('falls back to 30 June of the cycle year when the cycle has no deadline, and says so', () => {
		const onTime = rule(entry({ minutesDeadline: null, minutesReceivedDate: '2024-06-30' }), 'E5');
		expect(onTime).toMatchObject({
			status: 'pass',
			reason:
				'Nämndprotokollet kom in 30 juni 2024, i tid (sista dag 30 juni 2024). Omgången har inget eget datum, så reglernas 30 juni gäller.'
		});
		expect(rule(entry({ minutesDeadline: null, minutesReceivedDate: '2024-07-01' }), 'E5').status).toBe('fail');
	});

	it('is unknown while the minutes have not arrived', () => {
		expect(rule(entry({ minutesReceivedDate: null }), 'E5')).toMatchObject({
			status: 'unknown',
			reason: 'Nämndprotokollet har inte kommit in ännu; sista dag är 30 juni 2024.'
		});
	});

	it('fails when the minutes are still missing after the deadline', () => {
		expect(rule(entry({ minutesReceivedDate: null, today: '2024-07-01' }), 'E5').status).toBe('fail');
	});

	it('is unknown for an invalid received date', () => {
		expect(rule(entry({ minutesReceivedDate: '2024-06-31' }), 'E5').status).toBe('unknown');
	});
});

describe('minutesArrival: E5 from the moment uploaded minutes arrive', () => {
	const cycle = { cycleYear: 2026, minutesDeadline: '2026-06-30' };
	const july = new Date('2026-07-10T10:00:00Z');

	it('is on time when the minutes arrive on the deadline day in Stockholm', () => {
		expect(minutesArrival(cycle, new Date('2026-06-30T21:59:00Z'), july)).toBe('onTime');
		expect(minutesArrival(cycle, new Date('2026-05-02T08:00:00Z'), july)).toBe('onTime');
	});

	it('is late when they arrive after the deadline day, even if it is still that day in UTC', () => {
		// 22:30 UTC on 30 June is 00:30 on 1 July in Stockholm.
		expect(minutesArrival(cycle, new Date('2026-06-30T22:30:00Z'), july)).toBe('late');
		expect(minutesArrival(cycle, new Date('2026-08-01T08:00:00Z'), july)).toBe('late');
	});

	it('is awaited while missing before the deadline, and overdue once the deadline has passed', () => {
		expect(minutesArrival(cycle, null, new Date('2026-06-30T12:00:00Z'))).toBe('awaited');
		expect(minutesArrival(cycle, null, july)).toBe('overdue');
	});

	it('falls back on 30 June when the cycle has no date of its own', () => {
		const standing = { cycleYear: 2026, minutesDeadline: null };
		expect(minutesArrival(standing, new Date('2026-06-30T10:00:00Z'), july)).toBe('onTime');
		expect(minutesArrival(standing, new Date('2026-07-01T10:00:00Z'), july)).toBe('late');
	});
});

describe('E6 privately run units: at least 51 % Stockholm residents', () => {
	it('does not apply to a unit that is not privately run', () => {
		expect(rule(entry({}, { privatelyRun: false, stockholmSharePercent: 10 }), 'E6')).toMatchObject({
			status: 'pass',
			reason: 'Gäller inte: enheten drivs inte privat.'
		});
	});

	it('fails at 50 %', () => {
		expect(rule(entry({}, { privatelyRun: true, stockholmSharePercent: 50 }), 'E6')).toMatchObject({
			status: 'fail',
			reason: 'Enheten drivs privat och stockholmare har 50 % av platserna; minst 51 % krävs.'
		});
	});

	it('fails at 50.5 %: the rule is at least 51 %, nothing is rounded', () => {
		expect(rule(entry({}, { privatelyRun: true, stockholmSharePercent: 50.5 }), 'E6')).toMatchObject({
			status: 'fail',
			reason: 'Enheten drivs privat och stockholmare har 50,5 % av platserna; minst 51 % krävs.'
		});
		expect(rule(entry({}, { privatelyRun: true, stockholmSharePercent: 50.99 }), 'E6').status).toBe('fail');
	});

	it('passes at 51 %', () => {
		expect(rule(entry({}, { privatelyRun: true, stockholmSharePercent: 51 }), 'E6')).toMatchObject({
			status: 'pass',
			reason: 'Enheten drivs privat och stockholmare har 51 % av platserna; minst 51 % krävs.'
		});
	});

	it.each([0, 100])('handles the extreme %i %', (share) => {
		expect(rule(entry({}, { privatelyRun: true, stockholmSharePercent: share }), 'E6').status).toBe(share >= 51 ? 'pass' : 'fail');
	});

	it('is unknown when it is not known whether the unit is privately run', () => {
		expect(rule(entry({}, { privatelyRun: null, stockholmSharePercent: 80 }), 'E6')).toMatchObject({
			status: 'unknown',
			reason: 'Uppgift saknas om enheten drivs privat (entreprenad eller enskilt driven).'
		});
	});

	it('is unknown when a privately run unit has no share recorded', () => {
		expect(rule(entry({}, { privatelyRun: true, stockholmSharePercent: null }), 'E6')).toMatchObject({
			status: 'unknown',
			reason: 'Enheten drivs privat, men uppgift saknas om hur stor andel av platserna stockholmare har.'
		});
	});

	it.each([-1, 101, Number.NaN])('is unknown for the invalid share %s', (share) => {
		const result = rule(entry({}, { privatelyRun: true, stockholmSharePercent: share }), 'E6');
		expect(result.status).toBe('unknown');
		expect(result.reason).toContain('ingen giltig procentsats');
	});
});

describe('E7 three years between wins', () => {
	it('lets a 2021 winner enter 2024', () => {
		expect(rule(entry({ cycleYear: 2024 }, { winYears: [2021] }), 'E7')).toMatchObject({
			status: 'pass',
			reason: 'Enheten vann senast 2021 och får tävla igen från 2024.'
		});
	});

	it('keeps a 2021 winner out of 2023', () => {
		expect(rule(entry({ cycleYear: 2023 }, { winYears: [2021] }), 'E7')).toMatchObject({
			status: 'fail',
			reason: 'Enheten vann 2021 och får tävla igen tidigast 2024.'
		});
	});

	it('keeps a 2021 winner out of 2022', () => {
		expect(rule(entry({ cycleYear: 2022 }, { winYears: [2021] }), 'E7').status).toBe('fail');
	});

	it('lets a 2021 winner enter any later year', () => {
		expect(rule(entry({ cycleYear: 2030 }, { winYears: [2021] }), 'E7').status).toBe('pass');
	});

	it('judges by the latest earlier win', () => {
		expect(rule(entry({ cycleYear: 2024 }, { winYears: [2022, 2015] }), 'E7')).toMatchObject({
			status: 'fail',
			reason: 'Enheten vann 2022 och får tävla igen tidigast 2025.'
		});
		expect(rule(entry({ cycleYear: 2024 }, { winYears: [2015, 2021, 2018] }), 'E7').status).toBe('pass');
	});

	it('passes a unit that never won', () => {
		expect(rule(entry({ cycleYear: 2024 }, { winYears: [] }), 'E7')).toMatchObject({
			status: 'pass',
			reason: 'Enheten har inte vunnit utmärkelsen före 2024.'
		});
	});

	it('ignores a win in the cycle year itself: that is this entry’s own outcome', () => {
		expect(rule(entry({ cycleYear: 2024 }, { winYears: [2024] }), 'E7')).toMatchObject({
			status: 'pass',
			reason: 'Enheten har inte vunnit utmärkelsen före 2024.'
		});
	});

	it('ignores wins in later years', () => {
		expect(rule(entry({ cycleYear: 2024 }, { winYears: [2025, 2026] }), 'E7').status).toBe('pass');
		expect(rule(entry({ cycleYear: 2024 }, { winYears: [2026, 2020] }), 'E7')).toMatchObject({
			status: 'pass',
			reason: 'Enheten vann senast 2020 och får tävla igen från 2023.'
		});
	});

	it('is unknown when the unit’s earlier wins are not known', () => {
		expect(rule(entry({}, { winYears: null }), 'E7')).toMatchObject({
			status: 'unknown',
			reason: 'Uppgift saknas om enheten har vunnit utmärkelsen tidigare.'
		});
	});
});

describe('E8 no deficit (blocks the award only)', () => {
	it('passes when neither figure is negative', () => {
		expect(rule(entry({}, { lastYearResult: 1, forecastResult: 1 }), 'E8')).toMatchObject({
			status: 'pass',
			blocks: 'award',
			reason: 'Varken förra årets resultat eller årets prognos visar underskott.'
		});
	});

	it('counts a result of exactly 0 as no deficit', () => {
		expect(rule(entry({}, { lastYearResult: 0, forecastResult: 0 }), 'E8').status).toBe('pass');
	});

	it("fails on last year's deficit", () => {
		expect(rule(entry({}, { lastYearResult: -1, forecastResult: 5 }), 'E8')).toMatchObject({
			status: 'fail',
			blocks: 'award',
			reason: 'Förra årets resultat visar underskott; enheten får delta men inte tilldelas utmärkelsen.'
		});
	});

	it("fails on this year's forecast deficit", () => {
		expect(rule(entry({}, { lastYearResult: 5, forecastResult: -0.5 }), 'E8')).toMatchObject({
			status: 'fail',
			reason: 'Årets prognos visar underskott; enheten får delta men inte tilldelas utmärkelsen.'
		});
	});

	it('fails when both show a deficit', () => {
		expect(rule(entry({}, { lastYearResult: -3, forecastResult: -2 }), 'E8')).toMatchObject({
			status: 'fail',
			reason: 'Förra årets resultat och årets prognos visar båda underskott; enheten får delta men inte tilldelas utmärkelsen.'
		});
	});

	it('fails on a known deficit even when the other figure is missing', () => {
		expect(rule(entry({}, { lastYearResult: null, forecastResult: -10 }), 'E8').status).toBe('fail');
	});

	it('is unknown when a figure is missing and none shows a deficit', () => {
		expect(rule(entry({}, { lastYearResult: 10, forecastResult: null }), 'E8')).toMatchObject({
			status: 'unknown',
			reason:
				'Uppgift saknas om årets prognos; utmärkelsen kan inte tilldelas förrän det är visat att enheten inte har underskott.'
		});
		expect(rule(entry({}, { lastYearResult: null, forecastResult: null }), 'E8')).toMatchObject({
			status: 'unknown',
			reason:
				'Uppgift saknas om förra årets resultat och årets prognos; utmärkelsen kan inte tilldelas förrän det är visat att enheten inte har underskott.'
		});
	});

	it('treats a figure that is not a finite number as missing', () => {
		expect(rule(entry({}, { lastYearResult: Number.NaN }), 'E8').status).toBe('unknown');
	});
});

describe('isAdmitted', () => {
	it('admits an admissible entry, and an inadmissible one only with an override reason', () => {
		expect(isAdmitted({ admissible: true }, null)).toBe(true);
		expect(isAdmitted({ admissible: false }, null)).toBe(false);
		expect(isAdmitted({ admissible: false }, '')).toBe(false);
		expect(isAdmitted({ admissible: false }, 'Protokollet kom försenat p.g.a. postgång.')).toBe(true);
	});
});

describe('summariseEligibility', () => {
	const maybe = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: null });
	const day = fc.constantFrom('2024-04-30', '2024-05-17', '2024-05-18', '2024-06-30', '2024-07-01', '2024-02-30', '17/5/2024');
	const input: fc.Arbitrary<EligibilityInput> = fc.record({
		cycleYear: fc.constantFrom(2023, 2024, 2025),
		accountDeadline: maybe(day),
		minutesDeadline: maybe(day),
		accountReceivedDate: maybe(day),
		minutesReceivedDate: maybe(day),
		today: maybe(day),
		unit: fc.record({
			managerHasBudgetAndStaffResponsibility: maybe(fc.boolean()),
			hasBusinessPlanWithGoals: maybe(fc.boolean()),
			staffCount: maybe(fc.constantFrom(-1, 0, 4, 4.5, 5, 30)),
			privatelyRun: maybe(fc.boolean()),
			stockholmSharePercent: maybe(fc.constantFrom(-5, 0, 50.5, 51, 100, 101)),
			winYears: maybe(fc.array(fc.integer({ min: 2018, max: 2026 }), { maxLength: 3 })),
			lastYearResult: maybe(fc.constantFrom(-1, 0, 1, Number.NaN)),
			forecastResult: maybe(fc.constantFrom(-1, 0, 1))
		})
	});

	it('decides exactly what checkEligibility decides, without writing the reasons', () => {
		fc.assert(
			fc.property(input, (i) => {
				const full = checkEligibility(i);
				const failing = full.rules.filter((r) => r.blocks === 'assessment' && r.status === 'fail').map((r) => r.rule);
				expect(summariseEligibility(i)).toEqual({ admissible: full.admissible, awardBlocked: full.awardBlocked, failing });
				expect(full.failing).toEqual(failing);
			}),
			{ numRuns: 2000 }
		);
	});
});
