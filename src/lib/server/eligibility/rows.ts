/**
 * The one read of what rules E1–E8 need about a cycle's registered entries: a lean statement that
 * returns arrays rather than ORM objects, because the ranking reads it for cycles of thousands of
 * entries, and the eligibility page, the phase guard and the assignment read it for the same
 * answer.
 */
import { flag, prepared } from '../db/prepared';
import type * as table from '../db/schema';
import { managerHasBudgetAndStaff, type EligibilityInput } from '$lib/domain/eligibility';
import { accountArrivalDay, accountDeadline } from '$lib/domain/account';

type CycleRow = typeof table.cycle.$inferSelect;

export interface EligibilityRow {
	entryId: number;
	classId: number;
	version: number;
	unitName: string;
	organisation: string;
	overrideReason: string | null;
	input: EligibilityInput;
}

const ENTRIES_SQL = `
	SELECT e.id, e.class_id, e.version, u.name, o.name, e.account_received_date, e.minutes_received_date,
		e.eligibility_override_reason, u.id, u.manager_budget_resp, u.manager_staff_resp, u.has_business_plan,
		u.staff_count, u.privately_run, u.stockholm_share_percent, u.last_year_result, u.forecast_result,
		a.submitted_at, a.extended_to
	FROM entry e
	JOIN unit u ON u.id = e.unit_id
	JOIN organisation o ON o.id = u.organisation_id
	LEFT JOIN account a ON a.entry_id = e.id
	WHERE e.cycle_id = ? AND e.status = 'registered'`;

const WINS_SQL = `
	SELECT w.unit_id, w.year FROM unit_win w JOIN entry e ON e.unit_id = w.unit_id
	WHERE e.cycle_id = ? AND e.status = 'registered'`;

type EntryRow = [
	number, number, number, string, string, string | null, string | null, string | null, number,
	number | null, number | null, number | null, number | null, number, number | null, number | null, number | null,
	number | null, string | null
];

/** Every registered entry of the cycle with the input of its rules, in the database's order. */
export function eligibilityRows(
	cycle: Pick<CycleRow, 'id' | 'year' | 'accountDeadline' | 'minutesDeadline'>,
	today: string
): EligibilityRow[] {
	const wins = new Map<number, number[]>();
	for (const [unitId, year] of prepared(WINS_SQL).raw(true).all(cycle.id) as [number, number][]) {
		wins.set(unitId, [...(wins.get(unitId) ?? []), year]);
	}
	return (prepared(ENTRIES_SQL).raw(true).all(cycle.id) as EntryRow[]).map((r) => {
		const [entryId, classId, version, unitName, organisation, accountReceivedDate, minutesReceivedDate, overrideReason, unitId] = r;
		return {
			entryId,
			classId,
			version,
			unitName,
			organisation,
			overrideReason,
			input: {
				cycleYear: cycle.year,
				// An account handed in as a form arrives when it was submitted, by its entry's own deadline.
				accountDeadline: accountDeadline(cycle.accountDeadline, r[18]),
				minutesDeadline: cycle.minutesDeadline,
				accountReceivedDate: accountArrivalDay(r[17] === null ? null : new Date(r[17]), accountReceivedDate),
				minutesReceivedDate,
				today,
				unit: {
					managerHasBudgetAndStaffResponsibility: managerHasBudgetAndStaff(flag(r[9]), flag(r[10])),
					hasBusinessPlanWithGoals: flag(r[11]),
					staffCount: r[12],
					privatelyRun: r[13] === 1,
					stockholmSharePercent: r[14],
					winYears: wins.get(unitId) ?? [],
					lastYearResult: r[15],
					forecastResult: r[16]
				}
			}
		};
	});
}
