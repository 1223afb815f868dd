/**
 * What an archive package holds (docs/records.md), as a fixed sequence of files: the same cycle in
 * the same state gives the same paths in the same order with the same bytes. Each file is made
 * only when the writer asks for it, so a year of written accounts is never held in memory at once.
 */
import { and, asc, eq, ne } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import type { Cycle } from '../cycles/lookup';
import { getModel } from '../cycles/model';
import { entryExportTable } from '../registry/entry-export';
import { writeCsv } from '../imports/write-table';
import { readConsensus } from '../consensus/consensus';
import { rankCycle } from '../ranking/ranking';
import { rankingTable } from '../ranking/export';
import { minutesOf, minutesPdf } from '../jury/minutes';
import { renderReportPdf, pdfFileName } from '../feedback/pdf';
import type { ReportContent } from '$lib/domain/feedback';
import { ARCHIVAL_PDF_PROFILE } from '../pdf/document';
import { accountOf, accountRecord, boardMinutesOf, readStored, typesetAccountFile } from './documents';
import { rankingPdf } from './ranking-pdf';
import { fileSlug, type FileOrigin, type MinutesRecord } from '$lib/domain/archive';
import { stockholmDay } from '$lib/domain/dates';
import { CONSENSUS_DONE, NONE_BARRED } from '$lib/domain/entry-state';
import { messages } from '$lib/i18n';

export type Section = keyof ReturnType<typeof messages>['archive']['package']['sections'];

export interface PackageFile {
	path: string;
	section: Section;
	title: string;
	origin: FileOrigin;
	pdfProfile?: string;
	entryId?: number;
	minutes?: MinutesRecord;
	content: () => Promise<Uint8Array>;
}

/** The audit entries of a package's own making and downloads are logged under this entity type. */
export const PACKAGE_ENTITY = 'archive_package';

const sv = messages('sv');
const text = (value: string) => Buffer.from(value, 'utf8');
const json = (value: unknown) => text(JSON.stringify(value, null, '\t') + '\n');

/** The last audit entry of the cycle's own work: the state the package shows. */
export function lastAuditEntry(cycleId: number): { id: number; at: Date } | null {
	return (
		db()
			.select({ id: table.auditLog.id, at: table.auditLog.at })
			.from(table.auditLog)
			.where(and(eq(table.auditLog.cycleId, cycleId), ne(table.auditLog.entityType, PACKAGE_ENTITY)))
			.orderBy(asc(table.auditLog.id))
			.all()
			.at(-1) ?? null
	);
}

/**
 * The day the package's record stands on: the day the decisions were closed, else the day of the
 * cycle's last logged change. Eligibility and the ranking are judged on that day, not on the day
 * the package is made, so a package made next year says the same.
 */
export function recordDay(cycle: Cycle): string {
	const at = cycle.decisionsClosedAt ?? lastAuditEntry(cycle.id)?.at ?? cycle.createdAt;
	return stockholmDay(at);
}

export function packageFiles(cycle: Cycle): PackageFile[] {
	const p = sv.archive.package.files;
	const d = db();
	const day = recordDay(cycle);
	// Every PDF the tool writes is dated by its record, so the same record gives the same bytes.
	const recordDate = cycle.decisionsClosedAt ?? new Date(`${day}T12:00:00Z`);
	const entries = d
		.select({
			entry: table.entry,
			unitName: table.unit.name,
			organisation: table.organisation.name,
			className: table.awardClass.nameSv,
			board: table.board.name,
			consensusStatus: table.consensus.status,
			form: { status: table.account.status, submittedAt: table.account.submittedAt, receiptSha256: table.account.receiptSha256, pdfSha256: table.account.pdfSha256, pdfWithoutSelfSha256: table.account.pdfWithoutSelfSha256 }
		})
		.from(table.entry)
		.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
		.innerJoin(table.organisation, eq(table.organisation.id, table.unit.organisationId))
		.innerJoin(table.awardClass, eq(table.awardClass.id, table.entry.classId))
		.leftJoin(table.board, eq(table.board.id, table.entry.minutesBoardId))
		.leftJoin(table.account, eq(table.account.entryId, table.entry.id))
		.leftJoin(table.consensus, eq(table.consensus.entryId, table.entry.id))
		.where(eq(table.entry.cycleId, cycle.id))
		.orderBy(asc(table.awardClass.sortOrder), asc(table.awardClass.id), asc(table.entry.id))
		.all();
	const accountPath = (e: (typeof entries)[number]) => `bidrag/${e.entry.id}-${fileSlug(e.unitName) || 'enhet'}/redovisning.pdf`;
	const boardMinutes = boardMinutesOf(cycle.id, entries.map((e) => ({ id: e.entry.id, unit: e.unitName, minutesId: e.entry.minutesDocumentId })));
	const minutesFile = (id: number | null) => boardMinutes.find((m) => m.id === id)?.path ?? null;
	const model = getModel(cycle.id);
	const files: PackageFile[] = [];
	const add = (file: PackageFile) => files.push(file);

	add({ path: 'cykel/installningar.json', section: 'cycle', title: p.settings, origin: 'tool', content: async () => json(settingsOf(cycle)) });
	add({ path: 'cykel/bedomningsmodell.json', section: 'cycle', title: p.model, origin: 'tool', content: async () => json(modelOf(model)) });

	add({ path: 'bidrag/bidrag.csv', section: 'entries', title: p.entryList, origin: 'tool', content: async () => text(writeCsv(entryExportTable(cycle, sv, 'sv', day))) });
	add({
		path: 'bidrag/bidrag.json',
		section: 'entries',
		title: p.entryRecords,
		origin: 'tool',
		content: async () =>
			json(
				entries.map((e) => ({
					id: e.entry.id,
					unit: e.unitName,
					organisation: e.organisation,
					class: e.className,
					status: e.entry.status,
					account: accountRecord(e, accountPath(e)),
					boardMinutes: { board: e.board, dnr: e.entry.minutesDnr, meetingDate: e.entry.minutesMeetingDate, receivedDate: e.entry.minutesReceivedDate, file: minutesFile(e.entry.minutesDocumentId) },
					eligibilityOverrideReason: e.entry.eligibilityOverrideReason
				}))
			)
	});
	for (const e of entries) {
		const path = accountPath(e);
		const title = p.account(e.unitName);
		const kind = accountOf(e);
		if (kind === 'typeset') {
			// The unit's own view is part of the record once the consensus is done, as the office then sees it.
			const done = e.consensusStatus === CONSENSUS_DONE;
			const stored = done ? e.form!.pdfSha256 : e.form!.pdfWithoutSelfSha256;
			add({ path, section: 'entries', title, origin: kind, pdfProfile: ARCHIVAL_PDF_PROFILE, entryId: e.entry.id, content: () => typesetAccountFile(e.entry.id, cycle.id, done, stored) });
		} else if (kind === 'uploaded') {
			const sha256 = e.entry.accountSha256!;
			add({ path, section: 'entries', title, origin: kind, entryId: e.entry.id, content: () => readStored(sha256, `Den skriftliga redovisningen från ${e.unitName}`) });
		}
	}
	for (const m of boardMinutes) {
		const { path, id: _id, sha256, ...record } = m;
		add({ path, section: 'entries', title: p.boardMinutes(m.dnr, m.meetingDate, m.units), origin: 'uploaded', minutes: record, content: () => readStored(sha256, `Nämndprotokollet ${m.dnr}`) });
	}

	add({
		path: 'bedomning/konsensus.json',
		section: 'assessment',
		title: p.consensus,
		origin: 'tool',
		content: async () => {
			const keys = new Map(model.criteria.map((c) => [c.id, c.key]));
			const ids = model.criteria.map((c) => c.id);
			return json(
				entries.map((e) => {
					const saved = readConsensus(d, e.entry.id, ids);
					return {
						entryId: e.entry.id,
						unit: e.unitName,
						status: saved?.status ?? null,
						summary: saved?.doc.summary ?? null,
						recommendFinalist: saved?.doc.recommendFinalist ?? null,
						criteria: saved?.doc.criteria.map(({ criterionId, ...rest }) => ({ criterion: keys.get(criterionId), ...rest })) ?? [],
						siteVisit: saved?.doc.siteVisit ?? null
					};
				})
			);
		}
	});

	const ranking = rankCycle(cycle.id, { today: day });
	for (const klass of ranking?.classes ?? []) {
		add({
			path: `rangordning/rangordning-${fileSlug(klass.nameSv) || klass.id}.csv`,
			section: 'ranking',
			title: p.rankingClass(klass.nameSv),
			origin: 'tool',
			content: async () => text(writeCsv(rankingTable(ranking!, klass, sv, 'sv')))
		});
	}
	if (ranking) {
		add({ path: 'rangordning/rangordning.pdf', section: 'ranking', title: p.rankingPdf, origin: 'tool', pdfProfile: ARCHIVAL_PDF_PROFILE, content: () => rankingPdf(cycle, ranking, day, recordDate) });
	}

	// Read whole, as a closed record is read by everyone.
	const minutes = minutesOf(cycle.id, NONE_BARRED)!;
	add({ path: 'jury/beslut.json', section: 'jury', title: p.decisions, origin: 'tool', content: async () => json(minutes.classes) });
	add({
		path: 'jury/protokoll.pdf',
		section: 'jury',
		title: p.minutes,
		origin: 'tool',
		pdfProfile: ARCHIVAL_PDF_PROFILE,
		content: () => minutesPdf(minutes, 'sv', { archival: true, creationDate: recordDate })
	});

	const released = d
		.select({ entryId: table.feedbackReport.entryId, content: table.feedbackReport.content, releasedAt: table.feedbackReport.releasedAt })
		.from(table.feedbackReport)
		.innerJoin(table.entry, eq(table.entry.id, table.feedbackReport.entryId))
		.where(and(eq(table.entry.cycleId, cycle.id), eq(table.feedbackReport.status, 'released')))
		.orderBy(asc(table.feedbackReport.entryId))
		.all();
	for (const r of released) {
		const content = r.content as ReportContent;
		add({
			path: `aterkoppling/${r.entryId}-${pdfFileName(content)}`,
			section: 'feedback',
			title: p.report(content.unit.name),
			origin: 'tool',
			pdfProfile: ARCHIVAL_PDF_PROFILE,
			content: () => renderReportPdf(content, { status: 'released', releasedAt: r.releasedAt, archival: true })
		});
	}

	const audit = () => auditRows(cycle.id);
	add({ path: 'logg/granskningslogg.csv', section: 'log', title: p.auditCsv, origin: 'tool', content: async () => text(auditCsv(audit())) });
	add({ path: 'logg/granskningslogg.json', section: 'log', title: p.auditJson, origin: 'tool', content: async () => json(audit()) });
	return files;
}

function settingsOf(cycle: Cycle) {
	// The row's own version counter says nothing to a reader of the archive.
	const { version: _version, decisionsClosedBy, ...settings } = cycle;
	const closedBy = decisionsClosedBy ? db().select({ name: table.user.name }).from(table.user).where(eq(table.user.id, decisionsClosedBy)).get()?.name : null;
	return { ...settings, decisionsClosedBy: closedBy ?? null };
}

function modelOf(model: ReturnType<typeof getModel>) {
	return {
		classes: model.classes.map(({ version: _v, cycleId: _c, ...c }) => c),
		criteria: model.criteria.map(({ version: _v, cycleId: _c, ...c }) => c)
	};
}

interface AuditRow {
	id: number;
	at: string;
	actor: string | null;
	action: string;
	entityType: string;
	entityId: string | null;
	before: unknown;
	after: unknown;
	reason: string | null;
}

/** The cycle's audit log, oldest first, without the package's own entries (see PACKAGE_ENTITY). */
function auditRows(cycleId: number): AuditRow[] {
	return db()
		.select({
			id: table.auditLog.id,
			at: table.auditLog.at,
			actor: table.user.name,
			action: table.auditLog.action,
			entityType: table.auditLog.entityType,
			entityId: table.auditLog.entityId,
			before: table.auditLog.before,
			after: table.auditLog.after,
			reason: table.auditLog.reason
		})
		.from(table.auditLog)
		.leftJoin(table.user, eq(table.user.id, table.auditLog.actorId))
		.where(and(eq(table.auditLog.cycleId, cycleId), ne(table.auditLog.entityType, PACKAGE_ENTITY)))
		.orderBy(asc(table.auditLog.id))
		.all()
		.map((r) => ({ ...r, at: r.at.toISOString() }));
}

function auditCsv(rows: AuditRow[]): string {
	const cell = (value: unknown) => (value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value));
	return writeCsv({
		sheet: 'granskningslogg',
		headers: ['id', 'tid', 'av', 'händelse', 'typ', 'post', 'före', 'efter', 'skäl'],
		rows: rows.map((r) => [r.id, r.at, r.actor, r.action, r.entityType, r.entityId, cell(r.before), cell(r.after), r.reason]),
		yes: 'ja',
		no: 'nej'
	});
}
