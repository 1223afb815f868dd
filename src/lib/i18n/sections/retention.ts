/** Texts about retention (the admin's page) and a person's own data (the admin's person pages). */
import type { RetentionKindName } from '$lib/domain/retention';

const kindsSv: Record<RetentionKindName, { name: string; what: string }> = {
	privateNotes: { name: 'Privata anteckningar', what: 'Examinatorernas privata anteckningar i bedömningarna tas bort.' },
	assessmentDrafts: { name: 'Utkast till bedömningar', what: 'Alla sparade versioner av en bedömning utom den sista (den inlämnade) tas bort.' },
	accountDrafts: {
		name: 'Utkast till skriftliga redovisningar',
		what: 'Alla sparade versioner av en enhets skriftliga redovisning utom den sista tas bort. Den inlämnade redovisningen och kvittot finns kvar.'
	},
	reportDrafts: { name: 'Utkast till återkopplingsrapporter', what: 'Alla sparade versioner av en återkopplingsrapport utom den sista tas bort. Den utlämnade rapporten finns kvar.' },
	personalData: {
		name: 'Personuppgifter',
		what: 'Namn och e-postadresser för examinatorer och kontaktpersoner som inte är med i en senare omgång ersätts med en pseudonym. Posterna finns kvar.'
	}
};

const kindsEn: typeof kindsSv = {
	privateNotes: { name: 'Private notes', what: 'The examiners’ private notes in their assessments are deleted.' },
	assessmentDrafts: { name: 'Assessment drafts', what: 'Every saved version of an assessment except the last (the submitted one) is deleted.' },
	accountDrafts: { name: 'Written account drafts', what: 'Every saved version of a unit’s written account except the last is deleted. The submitted account and its receipt remain.' },
	reportDrafts: { name: 'Feedback report drafts', what: 'Every saved version of a feedback report except the last is deleted. The released report remains.' },
	personalData: {
		name: 'Personal data',
		what: 'Names and e-mail addresses of examiners and unit contacts who take no part in a later cycle are replaced by a pseudonym. The records remain.'
	}
};

export const sv = {
	nav: 'Gallring',
	title: 'Gallring och personuppgifter',
	intro:
		'Efter att en omgång har arkiverats gallras det som inte längre behövs, och personuppgifter som inte längre tjänar utmärkelsen pseudonymiseras. Beslut, protokoll, publicerade återkopplingsrapporter, inlämnade bedömningar, inlämnade redovisningar med kvitton och loggen sparas alltid.',
	kinds: kindsSv,
	archivedOn: (day: string) => `Arkiverad ${day}.`,
	notArchived: 'Omgången är inte arkiverad. Ingenting gallras förrän den är det.',
	caption: (name: string) => `Gallring för ${name}`,
	kind: 'Slag',
	when: 'När',
	count: 'Antal',
	state: 'Läge',
	states: {
		done: (day: string) => `Utförd ${day}`,
		due: 'Ska utföras nu',
		waiting: 'Väntar'
	},
	afterArchiving: (months: number) => `${months} ${months === 1 ? 'månad' : 'månader'} efter arkivering`,
	noDate: 'När omgången arkiveras',
	settingsFor: (name: string) => `Inställningar för ${name}`,
	monthsLabel: (kind: string) => `${kind}: månader efter arkivering`,
	monthsHint: (min: number, max: number) => `Ett heltal från ${min} till ${max}.`,
	save: 'Spara inställningarna',
	saved: (name: string) => `Inställningarna för ${name} är sparade.`,
	run: {
		heading: 'Utför det som ska göras nu',
		nothing: 'Ingenting ska gallras eller pseudonymiseras i dag.',
		dueSummary: (n: number) => `${n} ${n === 1 ? 'steg ska' : 'steg ska'} utföras nu. Det går inte att ångra.`,
		confirm: 'Jag förstår att det som tas bort inte går att få tillbaka',
		submit: 'Gallra nu',
		confirmMissing: 'Kryssa i att du förstår att det inte går att ångra.',
		done: (n: number) => (n === 0 ? 'Det fanns ingenting kvar att göra.' : `${n} ${n === 1 ? 'steg är utfört' : 'steg är utförda'}.`),
		stepDone: (kind: string, year: number, count: number) => `${kind} ${year}: ${count}`,
		failed: (kind: string, year: number) =>
			`${kind} ${year} kunde inte utföras och är orört. Stegen före är utförda. Försök igen; körningen fortsätter där den slutade.`
	},
	schedule: {
		off: 'Gallringen körs bara när någon trycker på knappen (inställningen RETENTION_DAILY_AT saknas).',
		on: (time: string) => `Gallringen körs också automatiskt varje dag kl. ${time}.`
	},
	person: {
		nav: 'Personuppgifter',
		title: 'En persons uppgifter',
		intro: 'Sök en person för att ta ut allt verktyget har om hen (registerutdrag), rätta namn och e-postadress, eller radera eller pseudonymisera personen.',
		search: 'Namn eller e-postadress',
		searchHint: 'Minst två tecken.',
		searchSubmit: 'Sök',
		results: (n: number) => (n === 0 ? 'Ingen person matchar sökningen.' : `${n} ${n === 1 ? 'person' : 'personer'}`),
		caption: 'Personer som matchar sökningen',
		name: 'Namn',
		email: 'E-postadress',
		admin: 'Administratör',
		withoutLogin: 'kontaktperson utan inloggning',
		pseudonymised: 'Pseudonymiserad',
		extract: 'Registerutdrag',
		extractIntro: 'Allt verktyget har om personen: konto, roller, lag, bedömningar hen skrivit, jäv, beslut, e-post som skickats till hen, inloggningar och loggens poster om hen. Varje uttag loggas.',
		contactIntro:
			'Personen har aldrig loggat in. Verktyget har hens namn och e-postadress som kontaktperson för enheter eller i samordnares förslag på enheter. Utdraget visar var, vilken e-post som skickats till hen och loggens poster om detta. Varje uttag loggas.',
		downloadJson: 'Ladda ner som JSON',
		downloadPdf: 'Ladda ner som PDF',
		correct: 'Rätta namn och e-postadress',
		correctSubmit: 'Spara rättelsen',
		corrected: 'Rättelsen är sparad.',
		erase: 'Radera personen',
		eraseIntro: 'Kontot, personens kontaktuppgifter för enheter och e-post som skickats till hen tas bort. Det går inte att ångra.',
		eraseConfirm: 'Jag förstår att personen raderas för gott',
		eraseSubmit: 'Radera',
		erased: 'Personen är raderad.',
		refusedIntro: 'Personen kan inte raderas helt, eftersom uppgifter om hen måste sparas:',
		refusals: {
			admin: 'Personen är administratör. Ta först bort administratörsrollen.',
			activeRoles: 'Personen har en roll i en omgång som inte är arkiverad.',
			authoredRecords: 'Personen har skrivit eller beslutat sådant som sparas (bedömningar, konsensus, röster, beslut, rapporter eller jävsanmälningar).',
			auditActions: 'Loggen, som aldrig ändras, har poster som personen gjort.',
			namedInProposals: 'Personen står som kontaktperson i en samordnares förslag på en enhet, som sparas.'
		},
		pseudonymiseIntro: 'Pseudonymisera i stället: namn och e-postadress ersätts med en pseudonym, inloggningen tas bort och posterna finns kvar utan att peka ut personen.',
		pseudonymiseConfirm: 'Jag förstår att namnet och e-postadressen inte går att få tillbaka',
		pseudonymiseSubmit: 'Pseudonymisera',
		pseudonymisedOk: 'Personen är pseudonymiserad.',
		noPseudonym: 'Personen kan inte heller pseudonymiseras nu.',
		alreadyPseudonymised: 'Personen är redan pseudonymiserad.',
		back: 'Tillbaka till sökningen',
		pdf: {
			title: (name: string) => `Registerutdrag för ${name}`,
			madeAt: 'Uttaget',
			account: 'Konto',
			roles: 'Roller',
			teams: 'Lag',
			profiles: 'Examinatorsuppgifter',
			contacts: 'Kontaktperson för enhet',
			withoutLogin: 'Personen har inget konto och har aldrig loggat in.',
			entered: (years: string) => `enheten deltog ${years}`,
			proposals: 'Förslag på enheter som nämner personen',
			assessments: 'Bedömningar',
			conflicts: 'Jäv',
			ballots: 'Röster',
			decisions: 'Beslut',
			emails: 'E-post till personen',
			signIns: 'Inloggning',
			auditAbout: 'Loggens poster om personen',
			auditBy: 'Loggens poster som personen gjort',
			none: 'Inga.',
			yes: 'ja',
			no: 'nej',
			page: (n: number, total: number) => `Sida ${n} av ${total}`
		},
		errors: {
			name: 'Skriv ett namn, högst 200 tecken.',
			email: 'Skriv en e-postadress som namn@exempel.se.',
			emailTaken: 'En annan person har redan den e-postadressen.',
			conflict: 'Någon annan har ändrat personen sedan du öppnade sidan. Sidan visar nu de nya uppgifterna.',
			confirmMissing: 'Kryssa i att du förstår att det inte går att ångra.',
			pseudonymised: 'Personen är pseudonymiserad; uppgifterna går inte att rätta.'
		}
	},
	errors: {
		months: (min: number, max: number) => `Ange ett helt antal månader från ${min} till ${max}.`,
		conflict: 'Någon annan har ändrat inställningarna sedan du öppnade sidan. Sidan visar nu deras värden; gör om din ändring.',
		notFound: 'Omgången finns inte.'
	}
};

export const en: typeof sv = {
	nav: 'Retention',
	title: 'Retention and personal data',
	intro:
		'Once a cycle is archived, what is no longer needed is deleted, and personal data that no longer serves the award is pseudonymised. Decisions, minutes, released feedback reports, submitted assessments, submitted accounts with their receipts and the log are always kept.',
	kinds: kindsEn,
	archivedOn: (day) => `Archived ${day}.`,
	notArchived: 'The cycle is not archived. Nothing is removed until it is.',
	caption: (name) => `Retention for ${name}`,
	kind: 'Kind',
	when: 'When',
	count: 'Count',
	state: 'State',
	states: {
		done: (day) => `Done ${day}`,
		due: 'Due now',
		waiting: 'Waiting'
	},
	afterArchiving: (months) => `${months} ${months === 1 ? 'month' : 'months'} after archiving`,
	noDate: 'When the cycle is archived',
	settingsFor: (name) => `Settings for ${name}`,
	monthsLabel: (kind) => `${kind}: months after archiving`,
	monthsHint: (min, max) => `A whole number from ${min} to ${max}.`,
	save: 'Save the settings',
	saved: (name) => `The settings for ${name} are saved.`,
	run: {
		heading: 'Carry out what is due now',
		nothing: 'Nothing is due for deletion or pseudonymisation today.',
		dueSummary: (n) => `${n} ${n === 1 ? 'step is' : 'steps are'} due now. This cannot be undone.`,
		confirm: 'I understand that what is removed cannot be brought back',
		submit: 'Carry out now',
		confirmMissing: 'Tick that you understand it cannot be undone.',
		done: (n) => (n === 0 ? 'There was nothing left to do.' : `${n} ${n === 1 ? 'step was' : 'steps were'} carried out.`),
		stepDone: (kind, year, count) => `${kind} ${year}: ${count}`,
		failed: (kind, year) => `${kind} ${year} could not be carried out and is untouched. The steps before it are done. Try again; the run continues where it stopped.`
	},
	schedule: {
		off: 'Retention runs only when someone presses the button (the RETENTION_DAILY_AT setting is missing).',
		on: (time) => `Retention also runs by itself every day at ${time}.`
	},
	person: {
		nav: 'Personal data',
		title: 'A person’s data',
		intro: 'Find a person to take out everything the tool holds about them (a subject access extract), correct their name and e-mail address, or erase or pseudonymise them.',
		search: 'Name or e-mail address',
		searchHint: 'At least two characters.',
		searchSubmit: 'Search',
		results: (n) => (n === 0 ? 'Nobody matches the search.' : `${n} ${n === 1 ? 'person' : 'people'}`),
		caption: 'People matching the search',
		name: 'Name',
		email: 'E-mail address',
		admin: 'Administrator',
		withoutLogin: 'contact without a login',
		pseudonymised: 'Pseudonymised',
		extract: 'Subject access extract',
		extractIntro: 'Everything the tool holds about the person: account, roles, teams, assessments they wrote, conflicts, decisions, e-mail sent to them, sign-ins and the log’s entries about them. Every extract is logged.',
		contactIntro:
			'The person has never signed in. The tool holds their name and e-mail address as a contact of units or in coordinators’ proposals of units. The extract shows where, the e-mail sent to them and the log’s entries about it. Every extract is logged.',
		downloadJson: 'Download as JSON',
		downloadPdf: 'Download as PDF',
		correct: 'Correct name and e-mail address',
		correctSubmit: 'Save the correction',
		corrected: 'The correction is saved.',
		erase: 'Erase the person',
		eraseIntro: 'The account, the person’s unit contact details and the e-mail sent to them are removed. This cannot be undone.',
		eraseConfirm: 'I understand that the person is erased for good',
		eraseSubmit: 'Erase',
		erased: 'The person is erased.',
		refusedIntro: 'The person cannot be erased outright, because records about them must be kept:',
		refusals: {
			admin: 'The person is an administrator. Remove the administrator role first.',
			activeRoles: 'The person has a role in a cycle that is not archived.',
			authoredRecords: 'The person wrote or decided records that are kept (assessments, consensus, ballots, decisions, reports or conflict declarations).',
			auditActions: 'The log, which never changes, holds entries the person made.',
			namedInProposals: 'The person is named as a contact in a coordinator’s proposal of a unit, which is kept.'
		},
		pseudonymiseIntro: 'Pseudonymise instead: the name and e-mail address are replaced by a pseudonym, signing in is removed, and the records remain without pointing to the person.',
		pseudonymiseConfirm: 'I understand that the name and e-mail address cannot be brought back',
		pseudonymiseSubmit: 'Pseudonymise',
		pseudonymisedOk: 'The person is pseudonymised.',
		noPseudonym: 'The person cannot be pseudonymised now either.',
		alreadyPseudonymised: 'The person is already pseudonymised.',
		back: 'Back to the search',
		pdf: {
			title: (name) => `Subject access extract for ${name}`,
			madeAt: 'Taken',
			account: 'Account',
			roles: 'Roles',
			teams: 'Teams',
			profiles: 'Examiner details',
			contacts: 'Unit contact',
			withoutLogin: 'The person has no account and has never signed in.',
			entered: (years) => `the unit entered in ${years}`,
			proposals: 'Proposals of units that name the person',
			assessments: 'Assessments',
			conflicts: 'Conflicts of interest',
			ballots: 'Ballots',
			decisions: 'Decisions',
			emails: 'E-mail to the person',
			signIns: 'Signing in',
			auditAbout: 'The log’s entries about the person',
			auditBy: 'The log’s entries the person made',
			none: 'None.',
			yes: 'yes',
			no: 'no',
			page: (n, total) => `Page ${n} of ${total}`
		},
		errors: {
			name: 'Write a name, at most 200 characters.',
			email: 'Write an e-mail address such as name@example.com.',
			emailTaken: 'Another person already has that e-mail address.',
			conflict: 'Someone else has changed the person since you opened the page. The page now shows the new details.',
			confirmMissing: 'Tick that you understand it cannot be undone.',
			pseudonymised: 'The person is pseudonymised; the details cannot be corrected.'
		}
	},
	errors: {
		months: (min, max) => `Enter a whole number of months from ${min} to ${max}.`,
		conflict: 'Someone else has changed the settings since you opened the page. The page now shows their values; make your change again.',
		notFound: 'The cycle does not exist.'
	}
};
