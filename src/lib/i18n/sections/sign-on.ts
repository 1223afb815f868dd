// Signing in with the city's account (single sign-on), and the admin's view of who uses it.
export const sv = {
	button: 'Logga in med ditt stadskonto',
	intro: 'Är du anställd i Stockholms stad loggar du in med ditt stadskonto.',
	passwordHeading: 'Logga in med e-postadress och lösenord',
	passwordIntro: 'För dig som inte har ett stadskonto.',
	problemTitle: 'Inloggningen med stadskontot gick inte',
	problems: {
		notConfigured: 'Inloggning med stadskonto är inte aktiverad. Logga in med e-postadress och lösenord.',
		unavailable: 'Stadens inloggningstjänst svarar inte just nu. Försök igen om en stund.',
		denied: 'Inloggningen avbröts hos stadens inloggningstjänst.',
		provider: 'Stadens inloggningstjänst kunde inte slutföra inloggningen.',
		expired: 'Inloggningen tog för lång tid, eller startades i en annan flik eller webbläsare. Börja om.',
		invalid: 'Svaret från stadens inloggningstjänst kunde inte godtas. Börja om.',
		unknown: 'Ditt stadskonto hör inte till någon användare i Utmärkelse.',
		unverifiedEmail: 'Stadens inloggningstjänst har inte bekräftat din e-postadress, så kontot kan inte kopplas till en användare.',
		// The same words as for someone unknown: the page must not tell whose address it was.
		boundToOther: 'Ditt stadskonto hör inte till någon användare i Utmärkelse.'
	},
	contact: (email: string) =>
		`Kontakta kvalitetssamordnaren på stadsledningskontoret och be att få en användare med adressen ${email}.`,
	contactWithoutEmail: 'Kontakta kvalitetssamordnaren på stadsledningskontoret om du ska ha tillgång.',
	reference: (ref: string) => `Referens: ${ref}. Ange den om du kontaktar support.`,
	again: 'Försök igen',
	withPassword: 'Logga in med e-postadress och lösenord'
};

export const en: typeof sv = {
	button: 'Sign in with your city account',
	intro: 'If you work for the City of Stockholm, sign in with your city account.',
	passwordHeading: 'Sign in with e-mail address and password',
	passwordIntro: 'For those without a city account.',
	problemTitle: 'Signing in with the city account did not work',
	problems: {
		notConfigured: 'Signing in with a city account is not enabled. Sign in with your e-mail address and password.',
		unavailable: 'The city’s sign-in service does not answer right now. Try again in a while.',
		denied: 'Signing in was cancelled at the city’s sign-in service.',
		provider: 'The city’s sign-in service could not complete the sign-in.',
		expired: 'Signing in took too long, or was started in another tab or browser. Start again.',
		invalid: 'The answer from the city’s sign-in service could not be accepted. Start again.',
		unknown: 'Your city account does not belong to any user of Utmärkelse.',
		unverifiedEmail: 'The city’s sign-in service has not confirmed your e-mail address, so the account cannot be linked to a user.',
		boundToOther: 'Your city account does not belong to any user of Utmärkelse.'
	},
	contact: (email) => `Contact the award office at the City Executive Office and ask for a user with the address ${email}.`,
	contactWithoutEmail: 'Contact the award office at the City Executive Office if you should have access.',
	reference: (ref) => `Reference: ${ref}. Quote it if you contact support.`,
	again: 'Try again',
	withPassword: 'Sign in with e-mail address and password'
};
