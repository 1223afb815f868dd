/**
 * `npm run archive -- --year 2026 DEST`: the archive package of the year's cycle, from the database
 * (DATABASE_PATH) and the stored files (FILES_DIR), as DEST/arkivpaket-2026.zip (or DEST when it
 * ends in .zip). Safe while the server runs. Exits with 1 when it fails, 2 on wrong arguments.
 */
import { runArchiveCommand } from '../src/lib/server/archive/command';

process.exitCode = await runArchiveCommand(process.argv.slice(2), { log: (l) => console.log(l), error: (l) => console.error(l) });
