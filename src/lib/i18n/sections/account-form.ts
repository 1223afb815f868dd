/** The written account as a form: the unit's editor, its receipt, the admin's reopening and extension, and what examiners read. */
import { bandName } from '$lib/domain/default-model';
import { bandEn, bandSv } from './scoring';

/** A band with its reason; in a draft the reason may wait for its band (null). */
type Self = { band: number | null; reason: string } | null | undefined;

const n = (value: number) => value.toLocaleString('sv-SE');

export const sv = {
	title: 'Skriftlig redovisning',
	open: 'Skriv den skriftliga redovisningen',
	intro: 'Besvara frågorna i den struktur som omgångens modell ger. Allt sparas medan du skriver, och dina kollegor kan skriva i samma redovisning.',
	deadline: (day: string) => `Sista dag att lämna in är ${day}.`,
	noDeadline: 'Omgången har ingen sista dag för redovisningen ännu.',
	introduction: 'Om enheten',
	introductionHint: 'Enhetens uppdrag, storlek och organisation.',
	question: (i: number) => `Fråga ${i}`,
	count: (used: number, limit: number) => `${n(used)} av ${n(limit)} tecken`,
	countOver: (used: number, limit: number) => `${n(used)} av ${n(limit)} tecken – ${n(used - limit)} för många`,
	formatHint: 'Skriv i vanlig text. En tom rad börjar ett nytt stycke, och rader som börjar med "- " blir en punktlista.',
	states: { none: 'Inte påbörjad', draft: 'Utkast', submitted: 'Inlämnad' },
	leave: 'Allt du skrivit är inte sparat än. Vill du lämna sidan ändå?',
	save: 'Spara',
	back: 'Till enhetens sida',
	conflictIntro: 'Din ändring sparades inte, eftersom en kollega har sparat redovisningen sedan du öppnade den. Välj för varje svar vilken text som ska gälla. Inget skrivs över förrän du väljer.',
	conflictClosed: 'Redovisningen har lämnats in sedan du öppnade den. Din ändring sparades inte. Här ser du din text och den inlämnade texten.',
	answerLabel: (criterion: string, i: number) => `${criterion}, fråga ${i}`,
	preview: 'Förhandsgranska',
	previewTitle: 'Förhandsgranskning',
	previewIntro: 'Så här ser redovisningen ut för examinatorerna. Tillbaka till formuläret för att ändra.',
	backToForm: 'Tillbaka till formuläret',
	submit: 'Lämna in redovisningen',
	submitConfirm: 'När redovisningen är inlämnad kan den inte längre ändras. Vill du lämna in den?',
	submitted: (when: string) => `Inlämnad ${when}. Redovisningen kan inte längre ändras.`,
	readOnly: 'Redovisningen kan inte ändras nu.',
	closedNotice: (day: string) => `Sista dag, ${day}, har passerat. Redovisningen kan inte längre ändras eller lämnas in.`,
	phaseNotice: 'Redovisningen skrivs under registreringen. Omgången har gått vidare.',
	receipt: {
		title: 'Kvitto',
		intro: 'Redovisningen är inlämnad. Ett kvitto har skickats med e-post till enhetens kontaktpersoner.',
		time: 'Inlämnad',
		entry: 'Bidrag',
		checksum: 'Kontrollsumma (SHA-256)',
		checksumHint: 'Summan är räknad på allt som lämnades in, bilagornas egna summor inräknade. Samma innehåll ger alltid samma summa.',
		mailSubject: (unit: string) => `Kvitto: skriftlig redovisning från ${unit}`,
		mailText: (unit: string, cycle: string, when: string, sha: string, by: string) =>
			`Hej!\n\nDen skriftliga redovisningen från ${unit} i ${cycle} är inlämnad.\n\nInlämnad: ${when}\nAv: ${by}\nKontrollsumma (SHA-256): ${sha}\n\nSumman är räknad på allt som lämnades in, bilagornas summor inräknade.\n\nKvalitetsutmärkelsen`
	},
	attachments: {
		title: 'Bilagor',
		intro: (count: number, mb: number) => `PDF, PNG eller JPEG, högst ${count} filer och ${mb} MB per fil.`,
		file: 'Fil',
		upload: 'Ladda upp bilagan',
		remove: (name: string) => `Ta bort ${name}`,
		none: 'Inga bilagor.',
		uploaded: (name: string) => `${name} är uppladdad.`,
		removed: 'Bilagan är borttagen.'
	},
	revisions: {
		title: 'Tidigare versioner',
		intro: 'Här visas de tio senaste versionerna och, av de äldre, en per fem minuter den senaste timmen, en per timme det senaste dygnet och en per dag före det, så länge redovisningen kan skrivas. Återställ en äldre version om något har skrivits över; den sparas då som den nyaste, och det som står nu finns kvar bland versionerna.',
		show: 'Visa sparade versioner',
		caption: 'Sparade versioner, senaste först',
		version: 'Version',
		saved: 'Sparad',
		by: 'Av',
		none: 'Inga sparade versioner ännu.',
		restore: 'Återställ',
		restoreLabel: (v: number) => `Återställ version ${v}`,
		restored: (v: number) => `Version ${v} är återställd och sparad som den nyaste versionen.`
	},
	errors: {
		tooLong: (used: number, limit: number) => `Svaret är ${n(used)} tecken; högst ${n(limit)} får plats.`,
		introductionTooLong: (limit: number) => `Beskrivningen av enheten får vara högst ${n(limit)} tecken.`,
		shape: 'Formuläret stämmer inte med omgångens frågor. Ladda om sidan.',
		submitted: 'Redovisningen är redan inlämnad och kan inte ändras. Kontakta utmärkelsekansliet om något behöver öppnas igen.',
		closed: 'Redovisningen kan inte längre ändras: sista dagen har passerat eller omgången har gått vidare. Inget har sparats.',
		empty: (fields: string) => `Besvara alla frågor innan du lämnar in. Tomt: ${fields}.`,
		emptyCount: (count: number) => `${count === 1 ? 'Ett fält är tomt' : `${n(count)} fält är tomma`}. Alla måste vara ifyllda innan redovisningen kan lämnas in.`,
		noFile: 'Välj en fil att ladda upp.',
		notAttachment: 'Filen är varken en PDF, en PNG eller en JPEG. Inget har sparats.',
		tooLarge: (mb: number) => `Filen är större än ${mb} MB. Inget har sparats.`,
		tooMany: (count: number) => `Redovisningen har redan ${count} bilagor, som är det högsta antalet.`,
		noSuchAttachment: 'Bilagan finns inte.',
		noSuchRevision: 'Versionen finns inte. Inget har ändrats.',
		selfBand: 'Välj en av modellens sex nivåer, eller ingen egen bedömning.',
		selfReasonWithoutBand: 'Välj en nivå för er egen bedömning, eller ta bort motiveringen.',
		selfReasonsWithoutBand: (criteria: string) => `Välj en nivå för er egen bedömning innan ni lämnar in, eller ta bort motiveringen. Motivering utan nivå: ${criteria}.`,
		selfReasonWaiting: 'Motiveringen är sparad. Välj en nivå ovanför innan ni lämnar in.',
		selfReasonTooLong: (used: number, limit: number) => `Motiveringen är ${n(used)} tecken; högst ${n(limit)} får plats.`
	},
	self: {
		legend: 'Er egen bedömning (frivillig)',
		hint: 'Välj den nivå ni tycker stämmer bäst, och skriv gärna kort varför. Examinatorerna och juryn ser er bedömning först när examinatorernas gemensamma bedömning av bidraget är klar.',
		none: 'Ingen egen bedömning',
		reason: 'Varför, kort (frivilligt)',
		title: 'Egen bedömning',
		unitTitle: 'Enhetens egen bedömning',
		/** A self-assessment in words: the band as the scale names it, and the reason. */
		inWords: (self: Self) =>
			self?.band == null
				? self?.reason
					? `Ingen nivå vald – ${self.reason}`
					: 'Ingen egen bedömning'
				: self.reason
					? `${bandSv(bandName(self.band))} – ${self.reason}`
					: bandSv(bandName(self.band)),
		label: (criterion: string) => `${criterion}, egen bedömning`
	},
	admin: {
		title: 'Skriftlig redovisning som formulär',
		state: 'Läge',
		submittedAt: 'Inlämnad',
		extendedTo: 'Förlängd till',
		reopen: 'Öppna redovisningen igen',
		reopenHint: 'Enheten kan då ändra och lämna in den på nytt. Inlämningstiden tas bort tills dess.',
		extend: 'Förläng sista dag för bidraget',
		extendDay: 'Ny sista dag',
		reason: 'Skäl (sparas i loggboken)',
		reopened: 'Redovisningen är öppnad igen.',
		extended: (day: string) => `Sista dag för bidraget är nu ${day}.`,
		reasonRequired: 'Skriv ett skäl.',
		notSubmitted: 'Redovisningen är inte inlämnad.',
		dayRequired: 'Ange ett datum (ÅÅÅÅ-MM-DD).',
		version: 'Redovisningen har ändrats sedan sidan laddades. Ladda om och försök igen.'
	},
	reading: {
		show: (criterion: string) => `Enhetens svar om ${criterion}`,
		full: 'Hela redovisningen',
		noAnswer: 'Inget svar.',
		attachments: 'Bilagor'
	},
	pdf: {
		author: 'Stockholms stad',
		document: 'Skriftlig redovisning',
		title: (unit: string) => `Skriftlig redovisning från ${unit}`,
		submitted: (when: string) => `Inlämnad ${when}`,
		checksum: (sha: string) => `Kontrollsumma (SHA-256): ${sha}`,
		page: (n: number, total: number) => `Sida ${n} av ${total}`,
		fileName: (unit: string) => `Skriftlig redovisning ${unit}.pdf`
	},
	limitLabel: 'Längsta svar i redovisningen (tecken)',
	limitError: (min: number, max: number) => `Ange ett heltal mellan ${n(min)} och ${n(max)}.`
};

export const en: typeof sv = {
	title: 'Written account',
	open: 'Write the written account',
	intro: 'Answer the questions in the structure the cycle’s model gives. Everything is saved as you type, and your colleagues can write in the same account.',
	deadline: (day) => `The last day to submit is ${day}.`,
	noDeadline: 'The cycle has no deadline for the account yet.',
	introduction: 'About the unit',
	introductionHint: 'The unit’s mission, size and organisation.',
	question: (i) => `Question ${i}`,
	count: (used, limit) => `${used.toLocaleString('en-GB')} of ${limit.toLocaleString('en-GB')} characters`,
	countOver: (used, limit) => `${used.toLocaleString('en-GB')} of ${limit.toLocaleString('en-GB')} characters – ${(used - limit).toLocaleString('en-GB')} too many`,
	formatHint: 'Write plain text. A blank line starts a new paragraph, and lines starting with "- " make a bulleted list.',
	states: { none: 'Not started', draft: 'Draft', submitted: 'Submitted' },
	leave: 'Not everything you typed is saved yet. Leave the page anyway?',
	save: 'Save',
	back: 'To the unit’s page',
	conflictIntro: 'Your change was not saved, because a colleague has saved the account since you opened it. Choose for each answer which text should stand. Nothing is overwritten until you choose.',
	conflictClosed: 'The account has been submitted since you opened it. Your change was not saved. Here are your text and the submitted text.',
	answerLabel: (criterion, i) => `${criterion}, question ${i}`,
	preview: 'Preview',
	previewTitle: 'Preview',
	previewIntro: 'This is how examiners will see the account. Go back to the form to change it.',
	backToForm: 'Back to the form',
	submit: 'Submit the account',
	submitConfirm: 'Once submitted the account can no longer be changed. Submit it?',
	submitted: (when) => `Submitted ${when}. The account can no longer be changed.`,
	readOnly: 'The account cannot be changed now.',
	closedNotice: (day) => `The last day, ${day}, has passed. The account can no longer be changed or submitted.`,
	phaseNotice: 'The account is written during registration. The cycle has moved on.',
	receipt: {
		title: 'Receipt',
		intro: 'The account is submitted. A receipt has been e-mailed to the unit’s contacts.',
		time: 'Submitted',
		entry: 'Entry',
		checksum: 'Checksum (SHA-256)',
		checksumHint: 'The checksum covers everything submitted, the attachments’ own checksums included. The same content always gives the same checksum.',
		mailSubject: (unit) => `Receipt: written account from ${unit}`,
		mailText: (unit, cycle, when, sha, by) =>
			`Hello,\n\nThe written account from ${unit} in ${cycle} has been submitted.\n\nSubmitted: ${when}\nBy: ${by}\nChecksum (SHA-256): ${sha}\n\nThe checksum covers everything submitted, the attachments’ checksums included.\n\nThe quality award`
	},
	attachments: {
		title: 'Attachments',
		intro: (count, mb) => `PDF, PNG or JPEG, at most ${count} files and ${mb} MB per file.`,
		file: 'File',
		upload: 'Upload the attachment',
		remove: (name) => `Remove ${name}`,
		none: 'No attachments.',
		uploaded: (name) => `${name} is uploaded.`,
		removed: 'The attachment is removed.'
	},
	revisions: {
		title: 'Earlier versions',
		intro: 'Listed here, while the account can be written, are the ten latest versions and, of the older ones, one per five minutes of the last hour, one per hour of the last day and one per day before that. Restore an older version if something was overwritten; it is then saved as the newest, and what stands now stays among the versions.',
		show: 'Show saved versions',
		caption: 'Saved versions, latest first',
		version: 'Version',
		saved: 'Saved',
		by: 'By',
		none: 'No saved versions yet.',
		restore: 'Restore',
		restoreLabel: (v) => `Restore version ${v}`,
		restored: (v) => `Version ${v} is restored and saved as the newest version.`
	},
	errors: {
		tooLong: (used, limit) => `The answer is ${used} characters; at most ${limit} fit.`,
		introductionTooLong: (limit) => `The description of the unit may be at most ${limit} characters.`,
		shape: 'The form does not match the cycle’s questions. Reload the page.',
		submitted: 'The account is already submitted and cannot be changed. Contact the award office if it needs reopening.',
		closed: 'The account can no longer be changed: the last day has passed or the cycle has moved on. Nothing was saved.',
		empty: (fields) => `Answer every question before submitting. Empty: ${fields}.`,
		emptyCount: (count) => `${count === 1 ? 'One field is' : `${count} fields are`} empty. All must be filled in before the account can be submitted.`,
		noFile: 'Choose a file to upload.',
		notAttachment: 'The file is not a PDF, a PNG or a JPEG. Nothing was saved.',
		tooLarge: (mb) => `The file is larger than ${mb} MB. Nothing was saved.`,
		tooMany: (count) => `The account already has ${count} attachments, the most allowed.`,
		noSuchAttachment: 'The attachment does not exist.',
		noSuchRevision: 'The version does not exist. Nothing was changed.',
		selfBand: 'Choose one of the model’s six levels, or no self-assessment.',
		selfReasonWithoutBand: 'Choose a level for your self-assessment, or remove the reason.',
		selfReasonsWithoutBand: (criteria: string) => `Choose a level for your self-assessment before you submit, or remove the reason. Reason without a level: ${criteria}.`,
		selfReasonWaiting: 'The reason is saved. Choose a level above before you submit.',
		selfReasonTooLong: (used, limit) => `The reason is ${used} characters; at most ${limit} fit.`
	},
	self: {
		legend: 'Your own assessment (optional)',
		hint: 'Choose the level you think fits best, and say briefly why if you like. The examiners and the jury see your assessment only once the examiners’ joint assessment of the entry is done.',
		none: 'No self-assessment',
		reason: 'Why, briefly (optional)',
		title: 'Self-assessment',
		unitTitle: 'The unit’s own assessment',
		inWords: (self) =>
			self?.band == null
				? self?.reason
					? `No level chosen – ${self.reason}`
					: 'No self-assessment'
				: self.reason
					? `${bandEn(bandName(self.band))} – ${self.reason}`
					: bandEn(bandName(self.band)),
		label: (criterion) => `${criterion}, self-assessment`
	},
	admin: {
		title: 'Written account as a form',
		state: 'State',
		submittedAt: 'Submitted',
		extendedTo: 'Extended to',
		reopen: 'Reopen the account',
		reopenHint: 'The unit can then change it and submit it again. The submission time is removed until then.',
		extend: 'Extend the entry’s deadline',
		extendDay: 'New last day',
		reason: 'Reason (kept in the audit log)',
		reopened: 'The account is reopened.',
		extended: (day) => `The entry’s last day is now ${day}.`,
		reasonRequired: 'Write a reason.',
		notSubmitted: 'The account is not submitted.',
		dayRequired: 'Give a date (YYYY-MM-DD).',
		version: 'The account has changed since the page loaded. Reload and try again.'
	},
	reading: {
		show: (criterion) => `The unit’s answers on ${criterion}`,
		full: 'The whole account',
		noAnswer: 'No answer.',
		attachments: 'Attachments'
	},
	pdf: {
		author: 'City of Stockholm',
		document: 'Written account',
		title: (unit) => `Written account from ${unit}`,
		submitted: (when) => `Submitted ${when}`,
		checksum: (sha) => `Checksum (SHA-256): ${sha}`,
		page: (n, total) => `Page ${n} of ${total}`,
		fileName: (unit) => `Written account ${unit}.pdf`
	},
	limitLabel: 'Longest answer in the account (characters)',
	limitError: (min, max) => `Give a whole number between ${min} and ${max}.`
};
