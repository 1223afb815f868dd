/** Texts about the archive package of a cycle: its contents (written in Swedish) and the admin's page. */
export const sv = {
	package: {
		title: (cycle: string) => `Arkivpaket: ${cycle}`,
		city: 'Stockholms stad',
		intro:
			'Paketet rymmer årets handlingar i Kvalitetsutmärkelsen som de stod när paketet skapades. Filen manifest.json anger varje fils SHA-256, storlek och typ; med den kan man kontrollera att inget har ändrats.',
		asOf: (auditId: number, at: string) => `Granskningsloggen till och med post ${auditId} (${at}).`,
		noAudit: 'Granskningsloggen har inga poster för året.',
		phase: 'Årets fas',
		file: 'Fil',
		content: 'Innehåll',
		size: 'Storlek',
		type: 'Typ',
		origin: { tool: 'skapad av verktyget', uploaded: 'inlämnad, oförändrad', typeset: 'inlämnad som formulär, satt av verktyget' },
		sections: {
			cycle: 'Året och bedömningsmodellen',
			entries: 'Bidragen med skriftliga redovisningar och nämndprotokoll',
			assessment: 'Konsensus och platsbesök',
			ranking: 'Rangordningen vid beslutet',
			jury: 'Juryns beslut och protokoll',
			feedback: 'Återkopplingsrapporter',
			log: 'Granskningslogg',
			index: 'Paketet'
		},
		files: {
			settings: 'Årets inställningar och datum',
			model: 'Bedömningsmodellen: klasser och kriterier med vikter',
			entryList: 'Bidragen med behörighet (E1–E8), mottagna handlingar och nämndprotokoll',
			entryRecords: 'Bidragen som data: enhet, klass, redovisning och nämndprotokoll',
			account: (unit: string) => `Skriftlig redovisning från ${unit}`,
			boardMinutes: (dnr: string, meetingDate: string, units: string[]) =>
				`Nämndprotokoll ${dnr}, sammanträde ${meetingDate}${units.length > 0 ? `, godkänner ${units.join(', ')}` : ''}`,
			minutesOf: (dnr: string) => `Nämndprotokoll ${dnr}`,
			consensus: 'Teamens konsensus per kriterium och platsbesöken',
			rankingClass: (klass: string) => `Rangordning, ${klass}`,
			rankingPdf: 'Rangordningen för alla klasser',
			decisions: 'Juryns beslut med motiveringar',
			minutes: 'Juryns protokoll',
			report: (unit: string) => `Återkopplingsrapport till ${unit}`,
			auditCsv: 'Granskningsloggen för året (CSV)',
			auditJson: 'Granskningsloggen för året (JSON)',
			index: 'Den här innehållsförteckningen'
		},
		ranking: {
			title: (cycle: string) => `Rangordning ${cycle}`,
			asOf: (day: string) => `Rangordningen som den stod den ${day}.`,
			row: (rank: string, unit: string, organisation: string) => `${rank}. ${unit} (${organisation})`,
			total: (total: string, adjusted: string) => `Viktad summa ${total}; justerad ${adjusted}`,
			none: 'Inga bidrag i klassen.',
			page: (n: number, total: number) => `Sida ${n} av ${total}`
		}
	},
	page: {
		title: 'Arkivpaket',
		intro: 'Ett arkivpaket är en ZIP-fil med årets handlingar och ett manifest som stadsarkivet kan ta emot. Paketet skapas i bakgrunden; sidan visar hur långt det har kommit.',
		create: 'Skapa arkivpaket',
		recreate: 'Skapa arkivpaketet på nytt',
		running: (done: number, total: number) => (total > 0 ? `Skapar arkivpaketet: ${done} av ${total} filer klara.` : 'Skapar arkivpaketet …'),
		ready: (at: string) => `Arkivpaketet skapades ${at}.`,
		failed: (message: string) => `Arkivpaketet kunde inte skapas: ${message}`,
		download: (size: string) => `Ladda ned arkivpaketet (ZIP, ${size})`,
		refresh: 'Uppdatera',
		started: 'Arkivpaketet skapas nu.',
		busy: 'Ett arkivpaket skapas redan för året.',
		none: 'Inget arkivpaket har skapats för året än.'
	}
};

export const en: typeof sv = {
	package: {
		title: (cycle) => `Archive package: ${cycle}`,
		city: 'City of Stockholm',
		intro:
			"The package holds the year's records of the Quality Award as they stood when it was made. The file manifest.json gives every file's SHA-256, size and type, so anyone can check that nothing has changed.",
		asOf: (auditId, at) => `The audit log up to and including entry ${auditId} (${at}).`,
		noAudit: 'The audit log has no entries for the year.',
		phase: "The year's phase",
		file: 'File',
		content: 'Content',
		size: 'Size',
		type: 'Type',
		origin: { tool: 'made by the tool', uploaded: 'as received, unchanged', typeset: 'handed in as a form, typeset by the tool' },
		sections: {
			cycle: 'The year and the assessment model',
			entries: 'The entries with their written accounts and board minutes',
			assessment: 'Consensus and site visits',
			ranking: 'The ranking at the decision',
			jury: "The jury's decisions and minutes",
			feedback: 'Feedback reports',
			log: 'Audit log',
			index: 'The package'
		},
		files: {
			settings: "The year's settings and dates",
			model: 'The assessment model: classes and criteria with weights',
			entryList: 'The entries with eligibility (E1–E8), documents received and board minutes',
			entryRecords: 'The entries as data: unit, class, written account and board minutes',
			account: (unit) => `Written account from ${unit}`,
			boardMinutes: (dnr, meetingDate, units) => `Board minutes ${dnr}, meeting ${meetingDate}${units.length > 0 ? `, approving ${units.join(', ')}` : ''}`,
			minutesOf: (dnr) => `Board minutes ${dnr}`,
			consensus: "The teams' consensus per criterion and the site visits",
			rankingClass: (klass) => `Ranking, ${klass}`,
			rankingPdf: 'The ranking of every class',
			decisions: "The jury's decisions with citations",
			minutes: "The jury's minutes",
			report: (unit) => `Feedback report to ${unit}`,
			auditCsv: "The year's audit log (CSV)",
			auditJson: "The year's audit log (JSON)",
			index: 'This table of contents'
		},
		ranking: {
			title: (cycle) => `Ranking ${cycle}`,
			asOf: (day) => `The ranking as it stood on ${day}.`,
			row: (rank, unit, organisation) => `${rank}. ${unit} (${organisation})`,
			total: (total, adjusted) => `Weighted total ${total}; adjusted ${adjusted}`,
			none: 'No entries in the class.',
			page: (n, total) => `Page ${n} of ${total}`
		}
	},
	page: {
		title: 'Archive package',
		intro: "An archive package is a ZIP file with the year's records and a manifest that the city archive can take in. It is made in the background; this page shows how far it has come.",
		create: 'Create archive package',
		recreate: 'Create the archive package again',
		running: (done, total) => (total > 0 ? `Creating the archive package: ${done} of ${total} files done.` : 'Creating the archive package …'),
		ready: (at) => `The archive package was made ${at}.`,
		failed: (message) => `The archive package could not be made: ${message}`,
		download: (size) => `Download the archive package (ZIP, ${size})`,
		refresh: 'Refresh',
		started: 'The archive package is being made.',
		busy: 'An archive package is already being made for the year.',
		none: 'No archive package has been made for the year yet.'
	}
};
