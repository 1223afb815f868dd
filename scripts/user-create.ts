/**
 * `npm run user:create -- --email a@b.se --name "Namn" --role admin`: creates a user for real use.
 * The password comes from USER_PASSWORD, or is asked for on the terminal.
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/lib/server/db/open';
import { useDatabase } from '../src/lib/server/db';
import { createUser, USER_ROLES, type UserRole } from '../src/lib/server/auth/users';

const { values } = parseArgs({
	options: {
		email: { type: 'string' },
		name: { type: 'string' },
		role: { type: 'string', default: 'admin' },
		year: { type: 'string' }
	}
});

function fail(message: string): never {
	console.error(message);
	process.exit(2);
}

if (!values.email || !values.name) fail('Ange --email och --name, t.ex. --email anna@stockholm.se --name "Anna Ek" --role admin');
if (!USER_ROLES.includes(values.role as UserRole)) fail(`Okänd roll "${values.role}". Välj en av: ${USER_ROLES.join(', ')}.`);

let password = process.env.USER_PASSWORD;
if (!password) {
	const rl = createInterface({ input: process.stdin, output: process.stdout });
	password = await rl.question('Lösenord (minst 10 tecken): ');
	rl.close();
}

const db = openDatabase(process.env.DATABASE_PATH ?? 'data/utmarkelse.db');
useDatabase(db);
const result = await createUser({
	email: values.email,
	name: values.name,
	password,
	role: values.role as UserRole,
	year: values.year ? Number(values.year) : undefined
});
db.$client.close();
if (!result.ok) fail(result.message);
console.log(`Skapade ${values.email} (${values.role}).`);
