import { eq } from 'drizzle-orm';
import { db } from '../db';
import * as table from '../db/schema';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password';
import { normaliseEmail } from './login';
import { appendAudit } from '../db/audit';

export const USER_ROLES = ['admin', 'examiner', 'juror', 'chair'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export interface NewUser {
	email: string;
	name: string;
	password: string;
	role: UserRole;
	/** The cycle year for a cycle role; the latest cycle when left out. */
	year?: number;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Creates a person with a password and one role; refuses duplicates and weak passwords. */
export async function createUser(input: NewUser): Promise<{ ok: true; userId: number } | { ok: false; message: string }> {
	const email = normaliseEmail(input.email);
	if (!EMAIL.test(email) || email.length > 320) return { ok: false, message: 'Ogiltig e-postadress.' };
	const name = input.name.trim();
	if (!name || name.length > 200) return { ok: false, message: 'Namnet måste ha 1–200 tecken.' };
	if (input.password.length < MIN_PASSWORD_LENGTH) {
		return { ok: false, message: `Lösenordet måste ha minst ${MIN_PASSWORD_LENGTH} tecken.` };
	}
	const d = db();
	if (d.select({ id: table.user.id }).from(table.user).where(eq(table.user.email, email)).get()) {
		return { ok: false, message: `Det finns redan en användare med e-postadressen ${email}.` };
	}
	let cycleId: number | null = null;
	if (input.role !== 'admin') {
		const cycle = input.year
			? d.select().from(table.cycle).where(eq(table.cycle.year, input.year)).get()
			: d.select().from(table.cycle).orderBy(table.cycle.year).all().at(-1);
		if (!cycle) return { ok: false, message: 'Rollen gäller en omgång, men det finns ingen omgång ännu. Skapa användaren som admin först.' };
		cycleId = cycle.id;
	}
	const passwordHash = await hashPassword(input.password);
	const userId = d.transaction((tx) => {
		const id = tx
			.insert(table.user)
			.values({ email, name, passwordHash, isAdmin: input.role === 'admin' })
			.returning({ id: table.user.id })
			.get().id;
		if (cycleId !== null && input.role !== 'admin') {
			tx.insert(table.cycleRole).values({ cycleId, userId: id, role: input.role }).run();
		}
		appendAudit(tx, { actorId: null, cycleId, action: 'user.create', entityType: 'user', entityId: id, after: { email, name, role: input.role } });
		return id;
	});
	return { ok: true, userId };
}
