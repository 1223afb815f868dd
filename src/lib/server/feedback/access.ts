/**
 * The guards of the feedback pages. A report's page and PDF: the report must exist and the person
 * may read its entry's feedback (admin, the entry's team, the jury; the unit's contacts once
 * released). Anything else is the same 404 as for a report that does not exist, so ids in addresses
 * tell nobody anything.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { mayInCycle, requireEntry, type EntryAccess } from '../access/guards';
import { forbidden, requireArea, requireUser } from '../auth/guards';
import { requireCycle, type Cycle } from '../cycles/lookup';
import { getReport, type Report } from './reports';

export interface ReportAccess extends EntryAccess {
	report: Report;
}

export function requireReport(event: Pick<RequestEvent, 'locals' | 'url'>, reportId: string | number): ReportAccess {
	requireUser(event);
	const report = getReport(Number(reportId));
	if (!report) error(404, { message: 'not-found' });
	const access = requireEntry(event, report.entryId, 'feedback.read');
	return { ...access, report };
}

/** The spread of the units' own views over a cycle, and its exports: the admin, through `may`. */
export function requireSpread(event: Pick<RequestEvent, 'locals' | 'url'>, cycleId: string): Cycle {
	const { viewer } = requireArea(event, 'admin');
	const cycle = requireCycle(cycleId);
	if (!mayInCycle(viewer, 'feedback.spread', cycle)) forbidden();
	return cycle;
}
