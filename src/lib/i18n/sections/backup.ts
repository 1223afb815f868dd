/** Texts about the server's scheduled backups, on the admin's home page. */
export const sv = {
	title: 'Säkerhetskopior',
	off: 'Den här servern gör inga schemalagda säkerhetskopior (inställningen BACKUP_DIR saknas). Be den som driftar servern att slå på dem.',
	state: 'Läge',
	health: {
		ok: 'Säkerhetskopiorna görs som de ska.',
		waiting: 'Den första säkerhetskopian görs inom kort.',
		overdue: 'Ingen säkerhetskopia har lyckats på länge. Be den som driftar servern att se efter i serverns logg.',
		failing: 'Den senaste säkerhetskopieringen misslyckades. Tills felet är åtgärdat finns bara äldre säkerhetskopior.'
	},
	details: 'Om säkerhetskopiorna',
	lastSuccess: 'Senaste lyckade',
	lastFailure: 'Senaste misslyckade',
	none: 'Ingen ännu',
	kept: 'Sparade säkerhetskopior'
};

export const en: typeof sv = {
	title: 'Backups',
	off: 'This server makes no scheduled backups (the BACKUP_DIR setting is missing). Ask whoever runs the server to turn them on.',
	state: 'State',
	health: {
		ok: 'Backups are being made as they should.',
		waiting: 'The first backup will be made shortly.',
		overdue: 'No backup has succeeded for a long time. Ask whoever runs the server to look at its log.',
		failing: 'The last backup failed. Until the fault is fixed, only older backups exist.'
	},
	details: 'About the backups',
	lastSuccess: 'Last successful',
	lastFailure: 'Last failed',
	none: 'None yet',
	kept: 'Backups kept'
};
