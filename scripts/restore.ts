/**
 * `npm run restore -- SRC`: puts the backup in folder SRC in place of the database (DATABASE_PATH)
 * and the stored files (FILES_DIR), with the server stopped. Checks the backup first and changes
 * nothing when it is damaged or the database is in use; the replaced database is kept beside the
 * new one. Exits with 1 when it refuses or fails.
 */
import { parseArgs } from 'node:util';
import { databasePath } from '../src/lib/server/db';
import { filesDir } from '../src/lib/server/registry/documents';
import { restoreBackup } from '../src/lib/server/backup/restore';
import { describeBackup } from '../src/lib/server/backup/verify';

const { positionals } = parseArgs({ allowPositionals: true });
if (positionals.length !== 1) {
	console.error('Ange mappen med säkerhetskopian, t.ex. npm run restore -- /srv/kopior/utmarkelse-20260517T100000Z');
	process.exit(2);
}

const target = { databasePath: databasePath(), filesDir: filesDir() };
console.log(`Kontrollerar ${positionals[0]} och återställer till ${target.databasePath} och ${target.filesDir} …`);
try {
	const { manifest, setAside, files } = await restoreBackup(positionals[0], target);
	console.log('Säkerhetskopian var hel och är återställd:');
	for (const line of describeBackup(manifest)) console.log(line);
	console.log(`  filer på plats: ${files.copied} kopierade, ${files.present} fanns redan, ${files.mended} var skadade och är ersatta`);
	console.log(setAside ? `Den ersatta databasen ligger kvar som ${setAside}.` : 'Det fanns ingen databas att ersätta.');
	console.log('Starta servern igen.');
} catch (e) {
	console.error(`Återställningen gjordes inte: ${(e as Error).message}`);
	process.exit(1);
}
