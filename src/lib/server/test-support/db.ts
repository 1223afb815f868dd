import { openDatabase, type DB } from '../db/open';
import { useDatabase } from '../db/index';

/** A fresh in-memory database with the real migrations, made the process's database. */
export function createTestDatabase(): DB {
	const database = openDatabase(':memory:');
	useDatabase(database);
	return database;
}
