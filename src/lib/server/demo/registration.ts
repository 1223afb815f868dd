/**
 * The unit's side of the demo year: a coordinator for Socialförvaltningen, whose board approves its
 * four units in one decision (Socialnämnden did so in 2020), and those units at every step of
 * registration. Only the confirmation of entries the demo already has is set, so the examiner pool,
 * the entries and their documents stay as every other journey knows them.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db';
import * as table from '../db/schema';

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
