/**
 * The unit's side of the demo year: a coordinator for Socialförvaltningen, whose board approves its
 * four units in one decision (Socialnämnden did so in 2020), and those units at every step of
 * registration. Only the confirmation of entries the demo already has is set, so the examiner pool,
 * the entries and their documents stay as every other journey knows them.
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Tx } from '../db';
import * as table from '../db/schema';
import { storePdfBytes } from '../registry/documents';
import type { DemoCalendar } from '../../domain/demo-calendar';
import { writePdf } from './pdf';

const ORGANISATION = 'Socialförvaltningen';
/** Confirmed by the coordinator; Hvilan waits for confirmation, and Ljungbacken still lacks its minutes. */
const CONFIRMED = ['Enheten för hemlösa', 'Tillfälliga boenden', 'Ljungbacken'];
const DAY_MS = 24 * 60 * 60 * 1000;

export function seedUnitSide(tx: Tx, cycleId: number, addUser: (email: string, name: string, role: string) => number): void {
	const organisationId = tx.select({ id: table.organisation.id }).from(table.organisation).where(eq(table.organisation.name, ORGANISATION)).get()!.id;
	const userId = addUser('samordnare1@demo.test', 'Niklas Öberg', `samordnare för ${ORGANISATION}`);
	tx.insert(table.coordinator).values({ cycleId, organisationId, userId }).run();
	const cycle = tx.select().from(table.cycle).where(eq(table.cycle.id, cycleId)).get()!;
	// Confirmed six weeks before the account deadline, as a coordinator would in the spring.
	const confirmedAt = new Date(Date.parse(`${cycle.accountDeadline}T09:00:00Z`) - 42 * DAY_MS);
	const units = tx.select({ id: table.unit.id, name: table.unit.name }).from(table.unit).where(eq(table.unit.organisationId, organisationId)).all();
	tx.update(table.entry)
		.set({ registeredBy: userId })
		.where(and(eq(table.entry.cycleId, cycleId), inArray(table.entry.unitId, units.map((u) => u.id))))
		.run();
	const confirmed = units.filter((u) => CONFIRMED.includes(u.name)).map((u) => u.id);
	tx.update(table.entry)
		.set({ confirmedAt, confirmedBy: userId })
		.where(and(eq(table.entry.cycleId, cycleId), inArray(table.entry.unitId, confirmed)))
		.run();
}

/**
 * From assessment on, the board's decision that approved Socialförvaltningen's units is on file as
 * the coordinator handed it in: one PDF for the three units with minutes (Ljungbacken has none), so
 * the archive package has minutes to pack. The registration demo shows none handed in yet.
 */
export function seedBoardMinutes(tx: Tx, cycleId: number, calendar: DemoCalendar): void {
	const coordinator = tx.select({ userId: table.coordinator.userId, organisationId: table.coordinator.organisationId }).from(table.coordinator).where(eq(table.coordinator.cycleId, cycleId)).get()!;
	const approved = tx
		.select({ id: table.entry.id, unit: table.unit.name, boardId: table.entry.minutesBoardId, dnr: table.entry.minutesDnr })
		.from(table.entry)
		.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
		.where(and(eq(table.entry.cycleId, cycleId), eq(table.unit.organisationId, coordinator.organisationId), isNotNull(table.entry.minutesDnr)))
		.orderBy(table.entry.id)
		.all();
	const board = tx.select({ name: table.board.name }).from(table.board).where(eq(table.board.id, approved[0].boardId!)).get()!.name;
	const dnr = approved[0].dnr!;
	const meetingDate = calendar.day.minutesMeeting;
	const pdf = writePdf(
		[
			{ kind: 'title', text: `${board}: protokollsutdrag` },
			{ kind: 'subtitle', text: `Sammanträde ${meetingDate}, dnr ${dnr}` },
			{ kind: 'heading', text: `Anmälan till Kvalitetsutmärkelsen ${calendar.year}` },
			{ kind: 'paragraph', text: `Nämnden beslutar att anmäla följande enheter till Stockholms stads kvalitetsutmärkelse ${calendar.year}: ${approved.map((e) => e.unit).join(', ')}.` },
			{ kind: 'paragraph', text: 'Justerat och anslaget enligt kommunallagen.' }
		],
		{ title: `Protokollsutdrag ${dnr}`, author: board, subject: `Kvalitetsutmärkelsen ${calendar.year}`, date: meetingDate, footer: `${board} – dnr ${dnr}` }
	);
	const stored = storePdfBytes(pdf);
	if (!stored.ok) throw new Error(`demo minutes refused: ${stored.reason}`);
	const minutesId = tx
		.insert(table.boardMinutes)
		.values({
			cycleId,
			organisationId: coordinator.organisationId,
			boardId: approved[0].boardId,
			dnr,
			meetingDate,
			receivedAt: new Date(`${calendar.day.minutesReceived}T08:00:00Z`),
			sha256: stored.sha256,
			fileName: `Protokollsutdrag ${meetingDate}.pdf`,
			size: stored.size,
			uploadedBy: coordinator.userId
		})
		.returning({ id: table.boardMinutes.id })
		.get().id;
	tx.update(table.entry)
		.set({ minutesDocumentId: minutesId, minutesDnr: dnr, minutesReceivedDate: calendar.day.minutesReceived })
		.where(inArray(table.entry.id, approved.map((e) => e.id)))
		.run();
}
