/**
 * The cycle's entry list with its eligibility, for Excel and the archive: what was received, each
 * rule E1–E8, whether the entry is admitted to assessment (by the rules or by an override), whether
 * the award is blocked, and the reasons of every rule that does not pass.
 */
import { eq } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { entryEligibility } from '../eligibility/eligibility';
import { RULE_LABELS, type RuleId } from '$lib/domain/eligibility';
import type { Locale, Messages } from '$lib/i18n';
import { localName } from '$lib/i18n/names';
import type { Cycle } from '../cycles/lookup';
import type { OutCell, OutTable } from '../imports/write-table';

const RULES = Object.keys(RULE_LABELS) as RuleId[];

/** `today` is the day the eligibility is judged on (the archive package passes the day of its record). */
export function entryExportTable(cycle: Cycle, m: Messages, locale: Locale, today?: string): OutTable {
	const t = m.dataImport.export;
	const details = new Map(
		db()
			.select({ entry: table.entry, staffCount: table.unit.staffCount, share: table.unit.stockholmSharePercent })
			.from(table.entry)
			.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
			.where(eq(table.entry.cycleId, cycle.id))
			.all()
			.map((r) => [r.entry.id, r])
	);
	const day = (value: string | null): OutCell => (value ? { day: value } : null);
	const rows = entryEligibility(cycle.id, { today }).map((e): OutCell[] => {
		const d = details.get(e.entryId)!;
		const status = new Map(e.eligibility.rules.map((r) => [r.rule, r.status]));
		const reasons = e.eligibility.rules.filter((r) => r.status !== 'pass').map((r) => `${r.rule}: ${r.reason}`);
		return [
			e.unitName,
			e.organisation,
			localName(locale, { sv: e.className, en: e.classNameEn }),
			day(d.entry.accountReceivedDate),
			d.entry.minutesDnr,
			day(d.entry.minutesMeetingDate),
			day(d.entry.minutesReceivedDate),
			d.staffCount,
			d.share,
			...RULES.map((rule) => t.status[status.get(rule) ?? 'unknown']),
			e.admitted,
			e.overrideReason,
			e.eligibility.awardBlocked,
			reasons.join('\n') || null
		];
	});
	const c = t.columns;
	return {
		sheet: t.sheet,
		headers: [
			c.unit,
			c.organisation,
			c.className,
			c.accountReceived,
			c.minutesDnr,
			c.minutesMeeting,
			c.minutesReceived,
			c.staff,
			c.share,
			...RULES.map((rule) => `${rule} ${RULE_LABELS[rule]}`),
			c.admitted,
			c.override,
			c.awardBlocked,
			c.reasons
		],
		rows,
		yes: m.common.yes.toLowerCase(),
		no: m.common.no.toLowerCase()
	};
}
