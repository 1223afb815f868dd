/**
 * Board minutes from the coordinator (docs/unit-side.md#3-board-minutes-from-the-coordinator): one
 * PDF, judged by its content as every stored document is, with its dnr and meeting date, for the
 * registered units of the organisation that the decision approves. Each entry gets the minutes'
 * dnr, meeting date and the day they arrived, the same fields the admin records by hand, so E5
 * reads both alike.
 */
import { z } from 'zod';
import { and, eq, inArray } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { appendAudit } from '../db/audit';
import { validate } from '../http/validate';
import { fields, refused, type Outcome } from '../registry/fields';
import { storePdfStream } from '../registry/documents';
import type { Cycle } from '../cycles/lookup';
import { compareIsoDays, formatDaySv, stockholmDay } from '$lib/domain/dates';
import { MAX_DOCUMENT_BYTES, safeFileName } from '$lib/domain/documents';
import { minutesArrival, minutesDeadlineOf } from '$lib/domain/eligibility';
import type { Messages } from '$lib/i18n';

type M = Messages['registration'];
type EntryM = Messages['entries'];

/** Stores the minutes and links them to the chosen entries, or refuses and changes nothing. */
export async function uploadMinutes(
	cycle: Cycle,
	organisationId: number,
	form: FormData,
	actorId: number,
	m: M,
	em: EntryM,
	now = new Date()
): Promise<Outcome<{ id: number; entries: number }>> {
	const f = fields(m.v);
	const text = (name: string) => (typeof form.get(name) === 'string' ? String(form.get(name)).trim() : '');
	const parsed = validate(z.object({ dnr: f.requiredText(60), meetingDate: f.optionalDay.refine((d) => d !== null, m.v.required) }), {
		dnr: text('dnr'),
		meetingDate: text('meetingDate')
	});
	if (!parsed.ok) return refused(400, parsed.errors);
	const { dnr } = parsed.data;
	const meetingDate = parsed.data.meetingDate!;
	if (compareIsoDays(meetingDate, stockholmDay(now)) > 0) return refused(400, { meetingDate: m.minutes.future });
	const entryIds = [...new Set(form.getAll('entryId').map(String))];
	if (entryIds.length === 0) return refused(400, { entryId: m.minutes.chooseUnits });
	if (!entryIds.every((id) => /^\d{1,12}$/.test(id))) return refused(400, { entryId: m.minutes.otherUnit });
	const deadlineOf = { cycleYear: cycle.year, minutesDeadline: cycle.minutesDeadline };
	if (minutesArrival(deadlineOf, now, now) === 'late') return refused(400, { _form: m.minutes.late(formatDaySv(minutesDeadlineOf(deadlineOf))) });

	const file = form.get('file');
	if (!(file instanceof File) || (file.size === 0 && file.name === '')) return refused(400, { file: em.upload.missing });
	if (file.size === 0) return refused(400, { file: em.upload.empty });
	if (file.size > MAX_DOCUMENT_BYTES) return refused(413, { file: em.upload.tooLarge });
	const name = safeFileName(file.name);
	if (!name) return refused(400, { file: em.upload.badName });

	// The entries are checked before the file is stored, so a refused form leaves no file behind.
	const ids = entryIds.map(Number);
	const ownEntries = () =>
		db()
			.select({ entry: table.entry, boardId: table.unit.boardId })
			.from(table.entry)
			.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
			.where(and(inArray(table.entry.id, ids), eq(table.entry.cycleId, cycle.id), eq(table.unit.organisationId, organisationId), eq(table.entry.status, 'registered')))
			.all();
	if (ownEntries().length !== ids.length) return refused(400, { entryId: m.minutes.otherUnit });

	const stored = await storePdfStream(file.stream());
	if (!stored.ok) {
		const message = stored.reason === 'empty' ? em.upload.empty : stored.reason === 'tooLarge' ? em.upload.tooLarge : em.upload.notPdf;
		return refused(stored.reason === 'tooLarge' ? 413 : 400, { file: message });
	}
	return db().transaction((tx) => {
		// Read again inside the write: an entry withdrawn while the file was stored is not linked.
		const entries = ownEntries();
		if (entries.length !== ids.length) return refused(400, { entryId: m.minutes.otherUnit });
		const boards = [...new Set(entries.map((e) => e.boardId))];
		const boardId = boards.length === 1 ? boards[0] : null;
		const minutes = tx
			.insert(table.boardMinutes)
			.values({ cycleId: cycle.id, organisationId, boardId, dnr, meetingDate, receivedAt: now, sha256: stored.sha256, fileName: name, size: stored.size, uploadedBy: actorId })
			.returning()
			.get();
		const receivedDay = stockholmDay(now);
		for (const { entry, boardId: unitBoard } of entries) {
			const after = tx
				.update(table.entry)
				.set({ minutesDocumentId: minutes.id, minutesBoardId: unitBoard, minutesDnr: dnr, minutesMeetingDate: meetingDate, minutesReceivedDate: receivedDay, version: entry.version + 1 })
				.where(eq(table.entry.id, entry.id))
				.returning()
				.get();
			appendAudit(tx, { actorId, cycleId: cycle.id, action: 'entry.minutes', entityType: 'entry', entityId: entry.id, before: entry, after });
		}
		appendAudit(tx, { actorId, cycleId: cycle.id, action: 'minutes.upload', entityType: 'board_minutes', entityId: minutes.id, after: { ...minutes, entryIds: ids } });
		return { ok: true, value: { id: minutes.id, entries: entries.length } };
	});
}
