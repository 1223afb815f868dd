/**
 * Eligibility rules E1–E8 (docs/eligibility.md), each with a status and a reason in plain Swedish
 * for the award office. E1–E7 decide whether an entry may be assessed; E8 only decides whether it
 * may receive the award. A rule is `unknown` when the data it needs is missing or invalid; the
 * reason then says what is missing. Unknown does not by itself make an entry inadmissible (only a
 * fail does), but it does block the award under E8: the jury needs proof that there is no deficit.
 */
import { compareIsoDays, formatDaySv, isIsoDay, stockholmDay } from './dates';

export type RuleId = 'E1' | 'E2' | 'E3' | 'E4' | 'E5' | 'E6' | 'E7' | 'E8';
export type RuleStatus = 'pass' | 'fail' | 'unknown';

export interface EligibilityUnit {
	managerHasBudgetAndStaffResponsibility: boolean | null;
	hasBusinessPlanWithGoals: boolean | null;
	/** Headcount including the manager. */
	staffCount: number | null;
	/** Run by a contractor or privately (entreprenad, enskilt driven), as opposed to the city or its companies. */
	privatelyRun: boolean | null;
	/** Share of the unit's places filled by Stockholm residents, 0–100. */
	stockholmSharePercent: number | null;
	/** Years in which the unit received the award (honourable mentions do not count); null when not known. */
	winYears: number[] | null;
	/** Last year's financial result; negative is a deficit. */
	lastYearResult: number | null;
	/** This year's forecast result; negative is a deficit. */
	forecastResult: number | null;
}

export interface EligibilityInput {
	cycleYear: number;
	/** ISO days ('YYYY-MM-DD'), Stockholm calendar days; see `stockholmDay` in dates.ts. */
	accountDeadline: string | null;
	/** When null, the rules' standing date, 30 June of the cycle year, applies. */
	minutesDeadline: string | null;
	unit: EligibilityUnit;
	accountReceivedDate: string | null;
	minutesReceivedDate: string | null;
	/** Today in Stockholm. With it, a document still missing after its deadline fails instead of staying unknown. */
	today?: string | null;
}

export interface RuleResult {
	rule: RuleId;
	status: RuleStatus;
	reason: string;
	blocks: 'assessment' | 'award';
}

export interface EligibilitySummary {
	/** No rule E1–E7 fails. */
	admissible: boolean;
	/** E8 does not pass: a deficit, or no proof that there is none. */
	awardBlocked: boolean;
	/** Rules E1–E7 that fail. */
	failing: RuleId[];
}

export interface Eligibility extends EligibilitySummary {
	rules: RuleResult[];
}

/** Short Swedish names of the rules, for table headings. */
export const RULE_LABELS: Record<RuleId, string> = {
	E1: 'Chef med budget- och personalansvar',
	E2: 'Verksamhetsplan med mål',
	E3: 'Minst fem medarbetare',
	E4: 'Skriftlig redovisning i tid',
	E5: 'Nämndprotokoll i tid',
	E6: 'Minst 51 % stockholmare (privat driven enhet)',
	E7: 'Tre år sedan senaste vinst',
	E8: 'Inget underskott (krävs för utmärkelsen)'
};

export const MIN_STAFF = 5;
export const MIN_STOCKHOLM_SHARE_PERCENT = 51;
/** A unit that won in year W may enter again from W + 3 (won 2021 → may enter 2024). */
export const YEARS_BEFORE_REENTRY = 3;

/**
 * A rule's status with its reason still unwritten: the ranking asks only for the statuses of
 * thousands of entries at a time, and writing the sentences would cost it several times the rules.
 */
interface Verdict {
	status: RuleStatus;
	reason: () => string;
}

const pass = (reason: () => string): Verdict => ({ status: 'pass', reason });
const fail = (reason: () => string): Verdict => ({ status: 'fail', reason });
const unknown = (reason: () => string): Verdict => ({ status: 'unknown', reason });

/**
 * E1 asks about both of the manager's responsibilities, which the registry keeps apart: both must be
 * known to pass, and one known "no" is enough to fail.
 */
export function managerHasBudgetAndStaff(budget: boolean | null, staff: boolean | null): boolean | null {
	if (budget === false || staff === false) return false;
	return budget === true && staff === true ? true : null;
}

/**
 * An entry goes to assessment when it fails none of E1–E7, or when the admin admitted it anyway
 * with a written reason. E8 never keeps an entry out; it only blocks the award.
 */
export function isAdmitted(eligibility: Pick<Eligibility, 'admissible'>, overrideReason: string | null | undefined): boolean {
	return eligibility.admissible || Boolean(overrideReason);
}

export function checkEligibility(input: EligibilityInput): Eligibility {
	const verdicts = judge(input);
	const rules = verdicts.map(([rule, verdict]): RuleResult => ({
		rule,
		status: verdict.status,
		reason: verdict.reason(),
		blocks: blocksOf(rule)
	}));
	return { rules, ...summarise(verdicts) };
}

/** What `checkEligibility` decides, without the reasons: for lists of thousands of entries. */
export function summariseEligibility(input: EligibilityInput): EligibilitySummary {
	return summarise(judge(input));
}

function summarise(verdicts: [RuleId, Verdict][]): EligibilitySummary {
	const failing: RuleId[] = [];
	let awardBlocked = false;
	for (const [rule, verdict] of verdicts) {
		if (blocksOf(rule) === 'award') awardBlocked ||= verdict.status !== 'pass';
		else if (verdict.status === 'fail') failing.push(rule);
	}
	return { admissible: failing.length === 0, awardBlocked, failing };
}

const blocksOf = (rule: RuleId): RuleResult['blocks'] => (rule === 'E8' ? 'award' : 'assessment');

function judge(input: EligibilityInput): [RuleId, Verdict][] {
	const { unit } = input;
	return [
		['E1', checkYesNo(unit.managerHasBudgetAndStaffResponsibility, 'en chef med budget- och personalansvar')],
		['E2', checkYesNo(unit.hasBusinessPlanWithGoals, 'en verksamhetsplan med mål')],
		['E3', checkStaff(unit.staffCount)],
		['E4', checkAccount(input)],
		['E5', checkMinutes(input)],
		['E6', checkStockholmShare(unit.privatelyRun, unit.stockholmSharePercent)],
		['E7', checkReentry(input.cycleYear, unit.winYears)],
		['E8', checkDeficit(unit.lastYearResult, unit.forecastResult)]
	];
}

function checkYesNo(value: boolean | null, what: string): Verdict {
	if (value === null) return unknown(() => `Uppgift saknas om enheten har ${what}.`);
	return value ? pass(() => `Enheten har ${what}.`) : fail(() => `Enheten saknar ${what}.`);
}

function checkStaff(count: number | null): Verdict {
	if (count === null) return unknown(() => 'Uppgift saknas om antalet medarbetare.');
	if (!Number.isInteger(count) || count < 0) {
		return unknown(() => `Antalet medarbetare (${formatNumber(count)}) är inget giltigt antal.`);
	}
	return (count >= MIN_STAFF ? pass : fail)(() => `Enheten har ${count} medarbetare inklusive chefen; minst ${MIN_STAFF} krävs.`);
}

function checkAccount(input: EligibilityInput): Verdict {
	if (input.accountDeadline === null) {
		return unknown(() => 'Omgången saknar sista dag för den skriftliga redovisningen.');
	}
	return checkArrival('Den skriftliga redovisningen', input.accountDeadline, input.accountReceivedDate, input.today);
}

/** The cycle's own minutes deadline, or the rules' standing 30 June of the cycle year. */
export function minutesDeadlineOf(cycle: { cycleYear: number; minutesDeadline: string | null }): string {
	return cycle.minutesDeadline ?? `${cycle.cycleYear}-06-30`;
}

function checkMinutes(input: EligibilityInput): Verdict {
	const verdict = checkArrival('Nämndprotokollet', minutesDeadlineOf(input), input.minutesReceivedDate, input.today);
	if (input.minutesDeadline !== null) return verdict;
	return { ...verdict, reason: () => `${verdict.reason()} Omgången har inget eget datum, så reglernas 30 juni gäller.` };
}

/**
 * Where a document stands against its deadline day: received on time or late, still awaited, or
 * overdue (missing after the deadline); compared as calendar days in Stockholm. E4 and E5, the
 * unit's home and the reminders all ask this.
 */
export type Arrival = 'onTime' | 'late' | 'awaited' | 'overdue' | 'invalidDeadline' | 'invalidReceived';

export function arrivalOf(deadline: string, received: string | null, today?: string | null): Arrival {
	if (!isIsoDay(deadline)) return 'invalidDeadline';
	if (received === null) return today && isIsoDay(today) && compareIsoDays(today, deadline) > 0 ? 'overdue' : 'awaited';
	if (!isIsoDay(received)) return 'invalidReceived';
	return compareIsoDays(received, deadline) <= 0 ? 'onTime' : 'late';
}

function checkArrival(what: string, deadline: string, received: string | null, today?: string | null): Verdict {
	switch (arrivalOf(deadline, received, today)) {
		case 'invalidDeadline':
			return unknown(() => `Omgångens sista dag för ${lower(what)} (${deadline}) är inget giltigt datum.`);
		case 'overdue':
			return fail(() => `${what} har inte kommit in; sista dag var ${formatDaySv(deadline)}.`);
		case 'awaited':
			return unknown(() => `${what} har inte kommit in ännu; sista dag är ${formatDaySv(deadline)}.`);
		case 'invalidReceived':
			return unknown(() => `Mottagningsdatumet för ${lower(what)} (${received}) är inget giltigt datum.`);
		case 'onTime':
			return pass(() => `${what} kom in ${formatDaySv(received!)}, i tid (sista dag ${formatDaySv(deadline)}).`);
		case 'late':
			return fail(() => `${what} kom in ${formatDaySv(received!)}, efter sista dag ${formatDaySv(deadline)}.`);
	}
}

/**
 * E5 for minutes that arrive at a moment (an upload): the day it arrived in Stockholm against the
 * cycle's deadline, so that minutes sent at 00:30 on 1 July are late even though it is still 30
 * June in UTC.
 */
export function minutesArrival(cycle: { cycleYear: number; minutesDeadline: string | null }, arrivedAt: Date | null, now: Date): Arrival {
	return arrivalOf(minutesDeadlineOf(cycle), arrivedAt && stockholmDay(arrivedAt), stockholmDay(now));
}

/** "At least 51 %" exactly: 50.5 % fails, nothing is rounded. */
function checkStockholmShare(privatelyRun: boolean | null, share: number | null): Verdict {
	if (privatelyRun === null) {
		return unknown(() => 'Uppgift saknas om enheten drivs privat (entreprenad eller enskilt driven).');
	}
	if (!privatelyRun) return pass(() => 'Gäller inte: enheten drivs inte privat.');
	if (share === null) {
		return unknown(() => 'Enheten drivs privat, men uppgift saknas om hur stor andel av platserna stockholmare har.');
	}
	if (!Number.isFinite(share) || share < 0 || share > 100) {
		return unknown(() => `Andelen platser för stockholmare (${formatNumber(share)} %) är ingen giltig procentsats.`);
	}
	const minimum = MIN_STOCKHOLM_SHARE_PERCENT;
	return (share >= minimum ? pass : fail)(
		() => `Enheten drivs privat och stockholmare har ${formatNumber(share)} % av platserna; minst ${minimum} % krävs.`
	);
}

/**
 * Only wins before the cycle year count: a win in the cycle year itself is this entry's own outcome
 * (or a data error), and a later year cannot bar an earlier entry.
 */
function checkReentry(cycleYear: number, winYears: number[] | null): Verdict {
	if (winYears === null) return unknown(() => 'Uppgift saknas om enheten har vunnit utmärkelsen tidigare.');
	const earlier = winYears.filter((year) => Number.isInteger(year) && year < cycleYear);
	if (earlier.length === 0) return pass(() => `Enheten har inte vunnit utmärkelsen före ${cycleYear}.`);
	const latest = Math.max(...earlier);
	const allowedFrom = latest + YEARS_BEFORE_REENTRY;
	return cycleYear >= allowedFrom
		? pass(() => `Enheten vann senast ${latest} och får tävla igen från ${allowedFrom}.`)
		: fail(() => `Enheten vann ${latest} och får tävla igen tidigast ${allowedFrom}.`);
}

/** A known deficit fails even when the other figure is missing; a result of exactly 0 is no deficit. */
function checkDeficit(lastYear: number | null, forecast: number | null): Verdict {
	const figures = [
		{ name: 'förra årets resultat', value: lastYear },
		{ name: 'årets prognos', value: forecast }
	];
	const deficits = figures.filter((f) => isNumber(f.value) && f.value < 0).map((f) => f.name);
	if (deficits.length > 0) {
		const shows = deficits.length > 1 ? 'visar båda underskott' : 'visar underskott';
		return fail(() => `${capitalise(deficits.join(' och '))} ${shows}; enheten får delta men inte tilldelas utmärkelsen.`);
	}
	const missing = figures.filter((f) => !isNumber(f.value)).map((f) => f.name);
	if (missing.length > 0) {
		const proof = 'utmärkelsen kan inte tilldelas förrän det är visat att enheten inte har underskott';
		return unknown(() => `Uppgift saknas om ${missing.join(' och ')}; ${proof}.`);
	}
	return pass(() => 'Varken förra årets resultat eller årets prognos visar underskott.');
}

function isNumber(value: number | null): value is number {
	return value !== null && Number.isFinite(value);
}

/** Swedish decimal comma: 50.5 → '50,5'. */
function formatNumber(value: number): string {
	return String(value).replace('.', ',');
}

function lower(text: string): string {
	return text.charAt(0).toLowerCase() + text.slice(1);
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
