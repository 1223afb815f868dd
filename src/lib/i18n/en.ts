import type { Messages } from './sv';
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

/** English, second language: typed against the Swedish catalogue so no key can be missing. */
export const en: Messages = {
	app: {
		name: 'Utmärkelse',
		long: 'City of Stockholm Quality Award',
		skipToContent: 'Skip to content'
	},
	nav: {
		label: 'Main menu',
		home: 'Home',
		admin: 'Administration',
		examiner: 'My assessments',
		jury: 'Jury',
		coordinator: 'Coordinator',
		unit: 'My unit',
		account: 'My account',
		signOut: 'Sign out',
		signedInAs: (name) => `Signed in as ${name}`,
		language: 'På svenska',
		languageLabel: 'Switch language to Swedish'
	},
	roles: {
		admin: 'Administrator (award office)',
		examiner: 'Examiner',
		lead: 'Lead examiner',
		juror: 'Jury member',
		chair: 'Jury chair',
		coordinator: 'Coordinator of an administration or company',
		unit: 'Unit contact'
	},
	phases: {
		preparation: 'Preparation',
		registration: 'Registration',
		assessment: 'Individual assessment',
		consensus: 'Consensus and site visit',
		jury: 'Jury work',
		decided: 'Decided',
		feedback: 'Feedback',
		archived: 'Archived'
	},
	login: {
		title: 'Sign in',
		intro: 'Sign in with your e-mail address and password.',
		email: 'E-mail address',
		password: 'Password',
		submit: 'Sign in',
		wrong: 'Wrong e-mail address or password. Check them and try again.',
		missing: 'Enter both e-mail address and password.',
		throttled: (wait) => `Too many failed sign-ins. Wait ${wait} and try again.`,
		wait: (seconds) => {
			if (seconds < 60) return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
			const minutes = Math.ceil(seconds / 60);
			return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
		}
	},
	account: {
		title: 'My account',
		changePassword: 'Change password',
		current: 'Current password',
		next: 'New password',
		repeat: 'Repeat new password',
		hint: (min) => `At least ${min} characters. Changing your password signs you out everywhere else.`,
		submit: 'Change password',
		changed: 'Your password is changed. You are signed out everywhere else.',
		wrongCurrent: 'The current password is not right.',
		tooShort: (min) => `The new password must have at least ${min} characters.`,
		tooLong: 'The new password may have at most 200 characters.',
		mismatch: 'The two new passwords differ.'
	},
	home: {
		title: 'Home',
		greeting: (name) => `Welcome, ${name}`,
		cycle: (name, phase) => `${name} – phase: ${phase}`,
		noCycle: 'There is no award cycle yet.',
		noRole: 'You have no role in this year’s cycle. Contact the award office if that is wrong.',
		yourRoles: 'Your roles',
		nextStep: 'What to do now',
		open: 'Open'
	},
	admin: {
		overviewNav: 'Overview',
		title: 'Administration',
		overview: 'Cycle overview',
		entries: 'Entries',
		admitted: 'Admitted to assessment',
		examiners: 'Examiners',
		jury: 'Jury',
		assessments: 'Submitted assessments',
		consensus: 'Consensus done',
		dates: 'Dates',
		accountDeadline: 'Written account deadline',
		minutesDeadline: 'Board minutes deadline',
		assessmentDue: 'Individual assessments due',
		consensusDue: 'Consensus due',
		juryMeeting: 'Jury meeting',
		ceremony: 'Ceremony',
		feedbackDate: 'Feedback',
		next: {
			preparation: 'Set up classes, the assessment model, examiners and the jury. Then open registration.',
			registration: 'Register entries, receive written accounts and board minutes, check eligibility.',
			assessment: 'Follow the examiners’ assessments and remind those who are late.',
			consensus: 'Follow the teams’ consensus work and site visits.',
			jury: 'Support the jury; the ranking per class is ready.',
			decided: 'The decisions are made. Prepare the feedback reports.',
			feedback: 'Review and release the feedback reports.',
			archived: 'The cycle is archived.'
		}
	},
	examiner: {
		title: 'My assessments',
		intro: 'The entries your team assesses.',
		team: 'Team',
		lead: 'lead',
		entry: 'Entry',
		class: 'Class',
		status: 'Status',
		none: 'You have no assigned entries yet. You will get them when the award office publishes the teams.',
		due: (date) => `Assessments are due ${date}.`
	},
	jury: {
		title: 'Jury',
		intro: 'The jury compares the candidates in each class and decides the winners.',
		members: 'Jury members',
		chair: 'chair',
		classes: 'Classes',
		finalists: (n) => `${n} ${n === 1 ? 'finalist' : 'finalists'}`,
		entries: (n) => `${n} ${n === 1 ? 'entry' : 'entries'}`,
		next: {
			before: 'Jury work starts when consensus is done. The ranking is shown from the jury phase on.',
			jury: 'Read the finalists’ summaries, rank the finalists of each class and prepare the decision.',
			after: 'The decisions are made.'
		}
	},
	unit: {
		title: 'My unit',
		entry: 'Entry',
		noEntry: 'The unit has no entry this year.',
		class: 'Class',
		status: 'Status',
		reports: 'Feedback reports',
		noReports: 'No feedback report is released yet. You will get an e-mail when it is ready.',
		next: {
			register: 'Register the unit for this year’s quality award.',
			account: (due) => `Write the written account and hand it in${due ? ` by ${due}` : ''}.`,
			accountOverdue: (due) => `The last day for the written account was ${due}. Contact the quality award if you need more time.`,
			confirmation: 'The coordinator of your administration or company confirms the registration. You need not do anything now.',
			minutes: (due) => `The coordinator sends in the board’s minutes${due ? ` by ${due}` : ''}. You need not do anything now.`,
			handedIn: 'Everything is handed in. The entry is assessed after the registration period, and you get the feedback report after the jury’s decision and the ceremony.',
			withdrawn: 'The unit has withdrawn its registration this year.',
			waiting: 'Your entry is being assessed. You get the feedback report after the jury’s decision and the ceremony.',
			released: 'Read the unit’s feedback report.'
		}
	},
	errors: {
		notFoundTitle: 'Page not found',
		notFound: 'The page you are looking for does not exist, or you have no access to it. Check the address.',
		forbiddenTitle: 'You do not have access to this page',
		forbidden: 'You are signed in, but your role does not give access to this page. Contact the award office if you need it.',
		serverTitle: 'Something went wrong',
		server: 'Something went wrong on our side. What you have saved is kept. Try again in a moment.',
		reference: (ref) => `Quote reference ${ref} if you contact support.`,
		badRequestTitle: 'Something was wrong in what you sent',
		badForm: 'We could not read the form. Reload the page and try again.',
		badRequest: 'We could not accept what you sent. Check the address, or reload the page and try again.',
		crossSite: 'The form was sent from another website and was not accepted. Open the page in Utmärkelse and send the form from there.',
		unknownAction: 'The form belongs to an older version of the page and could not be accepted. Reload the page and try again.',
		tooLarge: 'What you sent is too large.',
		backHome: 'To the home page'
	},
	// sections
	assignment: assignment.en,
	units: units.en,
	entries: entries.en,
	registration: registration.en,
	accountForm: accountForm.en,
	cycles: cycles.en,
	model: model.en,
	eligibility: eligibility.en,
	scoring: scoring.en,
	entryProgress: entryProgress.en,
	juryWork: juryWork.en,
	charts: charts.en,
	feedback: feedback.en,
	selfComparison: selfComparison.en,
	ranking: ranking.en,
	backup: backup.en,
	archive: archive.en,
	retention: retention.en,
	dataImport: dataImport.en,
	validation: validation.en,
	signOn: signOn.en,
	common: {
		save: 'Save',
		cancel: 'Cancel',
		yes: 'Yes',
		no: 'No',
		none: '–'
	}
};
