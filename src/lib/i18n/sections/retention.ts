/** Texts about retention (the admin's page) and a person's own data (the admin's person pages). */
import type { RetentionKindName } from '$lib/domain/retention';

const kindsSv: Record<RetentionKindName, { name: string; what: string }> = {
	privateNotes: { name: 'Privata anteckningar', what: 'Examinatorernas privata anteckningar i bedömningarna tas bort.' },
	assessmentDrafts: { name: 'Utkast till bedömningar', what: 'Alla sparade versioner av en bedömning utom den sista (den inlämnade) tas bort.' },
	personalData: {
		name: 'Personuppgifter',
		what: 'Namn och e-postadresser för examinatorer och kontaktpersoner som inte är med i en senare omgång ersätts med en pseudonym. Posterna finns kvar.'
	}
};

const kindsEn: typeof kindsSv = {
	privateNotes: { name: 'Private notes', what: 'The examiners’ private notes in their assessments are deleted.' },
	assessmentDrafts: { name: 'Assessment drafts', what: 'Every saved version of an assessment except the last (the submitted one) is deleted.' },
	personalData: {
		name: 'Personal data',
		what: 'Names and e-mail addresses of examiners and unit contacts who take no part in a later cycle are replaced by a pseudonym. The records remain.'
	}
};

export const sv = {
	nav: 'Gallring',
	title: 'Gallring och personuppgifter',
	intro:
		'Efter att en omgång har arkiverats gallras det som inte längre behövs, och personuppgifter som inte längre tjänar utmärkelsen pseudonymiseras. Beslut, protokoll, publicerade återkopplingsrapporter, inlämnade bedömningar och loggen sparas alltid.',
	kinds: kindsSv,
	cycleHeading: (name: string) => name,
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
	settings: 'Inställningar',
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
		'Once a cycle is archived, what is no longer needed is deleted, and personal data that no longer serves the award is pseudonymised. Decisions, minutes, released feedback reports, submitted assessments and the log are always kept.',
	kinds: kindsEn,
	cycleHeading: (name) => name,
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
	settings: 'Settings',
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
	errors: {
		months: (min, max) => `Enter a whole number of months from ${min} to ${max}.`,
		conflict: 'Someone else has changed the settings since you opened the page. The page now shows their values; make your change again.',
		notFound: 'The cycle does not exist.'
	}
};
