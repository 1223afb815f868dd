/**
 * `node --import tsx hold-database.ts <path>`: opens the database as the server does (the same
 * connection set-up, the checkpoint worker) and keeps it open until killed, so that a test can
 * play a running server in another process.
 */
import { openDatabase } from '../db/open';
import { startCheckpointer } from '../db/checkpoint';

const db = openDatabase(process.argv[2]);
startCheckpointer(db);
db.$client.prepare('SELECT count(*) FROM entry').get();
console.log('open');
setInterval(() => {}, 60_000);
