// Area sections: import * as area from './sections/area'; then add `area: area.sv` below.
import * as assignment from './sections/assignment';
import * as dataImport from './sections/data-import';
import * as validation from './sections/validation';
import * as units from './sections/units';
import * as entries from './sections/entries';
import * as registration from './sections/registration';
import * as accountForm from './sections/account-form';
import * as cycles from './sections/cycles';
import * as model from './sections/model';
import * as eligibility from './sections/eligibility';
import * as scoring from './sections/scoring';
import * as entryProgress from './sections/entry-progress';
import * as juryWork from './sections/jury-work';
import * as charts from './sections/charts';
import * as feedback from './sections/feedback';
import * as selfComparison from './sections/self-comparison';
import * as ranking from './sections/ranking';
import * as signOn from './sections/sign-on';
import * as backup from './sections/backup';
import * as archive from './sections/archive';
import * as retention from './sections/retention';

/** The Swedish catalogue: the source of every text a user sees. `en.ts` must match its shape. */
export const sv = {
	app: {
		name: 'Utmärkelse',
		long: 'Stockholms stads kvalitetsutmärkelse',
		skipToContent: 'Hoppa till innehållet'
	},
	nav: {
		label: 'Huvudmeny',
		home: 'Start',
		admin: 'Administration',
		examiner: 'Mina bedömningar',
		jury: 'Jury',
		coordinator: 'Samordnare',
		unit: 'Min enhet',
		account: 'Mitt konto',
		signOut: 'Logga ut',
		signedInAs: (name: string) => `Inloggad som ${name}`,
		language: 'In English',
		languageLabel: 'Byt språk till engelska'
	},
	roles: {
		admin: 'Administratör (kvalitetssamordnare)',
		examiner: 'Examinator',
		lead: 'Utvärderingsledare',
		juror: 'Jurymedlem',
		chair: 'Juryns ordförande',
		coordinator: 'Samordnare för förvaltning eller bolag',
		unit: 'Kontaktperson för enhet'
	},
	phases: {
		preparation: 'Förberedelse',
		registration: 'Anmälan',
		assessment: 'Individuell bedömning',
		consensus: 'Konsensus och platsbesök',
		jury: 'Juryarbete',
		decided: 'Beslut fattade',
		feedback: 'Återkoppling',
		archived: 'Arkiverad'
	},
	login: {
		title: 'Logga in',
		intro: 'Logga in med din e-postadress och ditt lösenord.',
		email: 'E-postadress',
		password: 'Lösenord',
		submit: 'Logga in',
		wrong: 'Fel e-postadress eller lösenord. Kontrollera och försök igen.',
		missing: 'Fyll i både e-postadress och lösenord.',
		throttled: (wait: string) => `För många misslyckade inloggningar. Vänta ${wait} och försök igen.`,
		wait: (seconds: number) => {
			if (seconds < 60) return `${seconds} ${seconds === 1 ? 'sekund' : 'sekunder'}`;
			const minutes = Math.ceil(seconds / 60);
			return `${minutes} ${minutes === 1 ? 'minut' : 'minuter'}`;
		}
	},
	account: {
		title: 'Mitt konto',
		changePassword: 'Byt lösenord',
		current: 'Nuvarande lösenord',
		next: 'Nytt lösenord',
		repeat: 'Upprepa nytt lösenord',
		hint: (min: number) => `Minst ${min} tecken. När du byter lösenord loggas du ut i alla andra webbläsare.`,
		submit: 'Byt lösenord',
		changed: 'Lösenordet är bytt. Du är utloggad i alla andra webbläsare.',
		wrongCurrent: 'Nuvarande lösenord stämmer inte.',
		tooShort: (min: number) => `Det nya lösenordet måste ha minst ${min} tecken.`,
		tooLong: 'Det nya lösenordet får ha högst 200 tecken.',
		mismatch: 'De två nya lösenorden är inte lika.'
	},
	home: {
		title: 'Start',
		greeting: (name: string) => `Välkommen, ${name}`,
		cycle: (name: string, phase: string) => `${name} – fas: ${phase}`,
		noCycle: 'Det finns ingen omgång ännu.',
		noRole: 'Du har ingen roll i årets omgång. Kontakta kvalitetssamordnaren om det är fel.',
		yourRoles: 'Dina roller',
		nextStep: 'Att göra nu',
		open: 'Öppna'
	},
	admin: {
		overviewNav: 'Översikt',
		title: 'Administration',
		overview: 'Översikt för omgången',
		entries: 'Tävlingsbidrag',
		admitted: 'Godkända för bedömning',
		examiners: 'Examinatorer',
		jury: 'Jury',
		assessments: 'Inlämnade bedömningar',
		consensus: 'Klar konsensus',
		dates: 'Datum',
		accountDeadline: 'Sista dag för skriftlig redovisning',
		minutesDeadline: 'Sista dag för nämndprotokoll',
		assessmentDue: 'Individuella bedömningar klara',
		consensusDue: 'Konsensus klar',
		juryMeeting: 'Jurymöte',
		ceremony: 'Prisutdelning',
		feedbackDate: 'Återkoppling',
		next: {
			preparation: 'Lägg upp tävlingsklasser, bedömningsmodell, examinatorer och jury. Öppna sedan anmälan.',
			registration: 'Registrera bidrag, ta emot skriftliga redovisningar och nämndprotokoll och pröva behörigheten.',
			assessment: 'Följ examinatorernas bedömningar och påminn den som ligger efter.',
			consensus: 'Följ lagens konsensusarbete och platsbesök.',
			jury: 'Stöd juryn; rangordningen per klass är klar.',
			decided: 'Besluten är fattade. Förbered återkopplingsrapporterna.',
			feedback: 'Granska och skicka ut återkopplingsrapporterna.',
			archived: 'Omgången är arkiverad.'
		}
	},
	examiner: {
		title: 'Mina bedömningar',
		intro: 'Bidragen som ditt examinatorslag bedömer.',
		team: 'Examinatorslag',
		lead: 'utvärderingsledare',
		entry: 'Bidrag',
		class: 'Tävlingsklass',
		status: 'Status',
		none: 'Du har inga tilldelade bidrag ännu. Du får dem när kvalitetssamordnaren har publicerat lagen.',
		due: (date: string) => `Bedömningarna ska vara klara ${date}.`
	},
	jury: {
		title: 'Jury',
		intro: 'Juryn jämför kandidaterna i varje tävlingsklass och beslutar om pristagare.',
		members: 'Juryns ledamöter',
		chair: 'ordförande',
		classes: 'Tävlingsklasser',
		finalists: (n: number) => `${n} ${n === 1 ? 'finalist' : 'finalister'}`,
		entries: (n: number) => `${n} bidrag`,
		next: {
			before: 'Juryarbetet börjar när konsensus är klar. Rangordningen visas från juryfasen.',
			jury: 'Läs finalisternas sammanfattningar, rangordna finalisterna i varje klass och förbered beslutet.',
			after: 'Besluten är fattade.'
		}
	},
	unit: {
		title: 'Min enhet',
		entry: 'Tävlingsbidrag',
		noEntry: 'Enheten har inget tävlingsbidrag i år.',
		class: 'Tävlingsklass',
		status: 'Status',
		reports: 'Återkopplingsrapporter',
		noReports: 'Ingen återkopplingsrapport är publicerad ännu. Du får e-post när den är klar.',
		next: {
			register: 'Anmäl enheten till årets kvalitetsutmärkelse.',
			account: (due: string | null) => `Skriv den skriftliga redovisningen och lämna in den${due ? ` senast ${due}` : ''}.`,
			accountOverdue: (due: string) => `Sista dag för den skriftliga redovisningen var ${due}. Kontakta kvalitetsutmärkelsen om ni behöver mer tid.`,
			confirmation: 'Samordnaren i er förvaltning eller ert bolag bekräftar anmälan. Ni behöver inte göra något just nu.',
			minutes: (due: string | null) => `Samordnaren skickar in nämndens eller styrelsens protokoll${due ? ` senast ${due}` : ''}. Ni behöver inte göra något just nu.`,
			handedIn: 'Allt är inlämnat. Bidraget bedöms när anmälningstiden är slut, och du får återkopplingsrapporten när juryn har beslutat och priset är utdelat.',
			withdrawn: 'Enheten har dragit tillbaka sin anmälan i år.',
			waiting: 'Bidraget bedöms. Du får återkopplingsrapporten när juryn har beslutat och priset är utdelat.',
			released: 'Läs enhetens återkopplingsrapport.'
		}
	},
	errors: {
		notFoundTitle: 'Sidan finns inte',
		notFound: 'Sidan du söker finns inte, eller så har du inte tillgång till den. Kontrollera adressen.',
		forbiddenTitle: 'Du har inte tillgång till sidan',
		forbidden:
			'Du är inloggad men din roll ger inte tillgång till den här sidan. Kontakta kvalitetssamordnaren om du behöver den.',
		serverTitle: 'Något gick fel',
		server: 'Något gick fel hos oss. Det du redan har sparat finns kvar. Försök igen om en stund.',
		reference: (ref: string) => `Ange referensen ${ref} om du kontaktar support.`,
		badRequestTitle: 'Något var fel i det du skickade',
		badForm: 'Vi kunde inte läsa formuläret. Ladda om sidan och försök igen.',
		badRequest: 'Vi kunde inte ta emot det du skickade. Kontrollera adressen, eller ladda om sidan och försök igen.',
		crossSite: 'Formuläret skickades från en annan webbplats och togs inte emot. Öppna sidan i Utmärkelse och skicka formuläret därifrån.',
		unknownAction: 'Formuläret hör till en äldre version av sidan och kunde inte tas emot. Ladda om sidan och försök igen.',
		tooLarge: 'Det du skickade är för stort.',
		backHome: 'Till startsidan'
	},
	// sections
	assignment: assignment.sv,
	units: units.sv,
	entries: entries.sv,
	registration: registration.sv,
	accountForm: accountForm.sv,
	cycles: cycles.sv,
	model: model.sv,
	eligibility: eligibility.sv,
	scoring: scoring.sv,
	entryProgress: entryProgress.sv,
	juryWork: juryWork.sv,
	charts: charts.sv,
	feedback: feedback.sv,
	selfComparison: selfComparison.sv,
	ranking: ranking.sv,
	backup: backup.sv,
	archive: archive.sv,
	retention: retention.sv,
	dataImport: dataImport.sv,
	validation: validation.sv,
	signOn: signOn.sv,
	common: {
		save: 'Spara',
		cancel: 'Avbryt',
		yes: 'Ja',
		no: 'Nej',
		none: '–'
	}
};

export type Messages = typeof sv;
