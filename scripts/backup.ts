/**
 * `npm run backup -- DEST`: a verified backup of the database (DATABASE_PATH) and the stored files
 * (FILES_DIR) in the new folder DEST. Safe while the server runs. Exits with 1 when it fails.
 */
import { parseArgs } from 'node:util';
import { databasePath } from '../src/lib/server/db';
import { filesDir } from '../src/lib/server/registry/documents';
import { createBackup } from '../src/lib/server/backup/create';
import { describeBackup } from '../src/lib/server/backup/verify';

const { positionals } = parseArgs({ allowPositionals: true });
if (positionals.length !== 1) {
	console.error('Ange en ny mapp för säkerhetskopian, t.ex. npm run backup -- /srv/kopior/2026-05-17');
	process.exit(2);
}

const sources = { databasePath: databasePath(), filesDir: filesDir() };
console.log(`Säkerhetskopierar ${sources.databasePath} och ${sources.filesDir} till ${positionals[0]} …`);
const started = performance.now();
try {
	const manifest = await createBackup(positionals[0], sources);
	console.log(`Säkerhetskopian är klar och kontrollerad på ${((performance.now() - started) / 1000).toFixed(1)} s:`);
	for (const line of describeBackup(manifest)) console.log(line);
} catch (e) {
	console.error(`Säkerhetskopieringen misslyckades: ${(e as Error).message}`);
	process.exit(1);
}
