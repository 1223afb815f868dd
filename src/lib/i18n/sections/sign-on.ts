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
		tooMany: 'För många påbörjade inloggningar från din dator. Vänta tio minuter och försök igen.',
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
	withPassword: 'Logga in med e-postadress och lösenord',
	admin: {
		nav: 'Inloggning',
		title: 'Inloggning med stadskonto',
		intro:
			'Här ser du vem som har kopplat sitt stadskonto och kan kräva att en person loggar in med stadskontot. Då fungerar inte längre personens lösenord eller inloggningslänk, och personen loggas ut överallt.',
		notConfigured: 'Inloggning med stadskonto är inte aktiverad (miljövariabeln OIDC_ISSUER saknas). Du kan se personerna men inte kräva stadskonto.',
		summary: (bound: number, total: number) => `${bound} av ${total} personer har kopplat sitt stadskonto.`,
		caption: 'Personer och deras inloggning',
		name: 'Namn',
		email: 'E-postadress',
		binding: 'Stadskonto',
		bound: (date: string) => `Kopplat ${date}`,
		unbound: 'Inte kopplat',
		requirement: 'Inloggning',
		required: 'Endast stadskonto',
		optional: 'Stadskonto eller lösenord',
		actions: 'Åtgärder',
		require: 'Kräv stadskonto',
		requireFor: (name: string) => `Kräv stadskonto för ${name}`,
		allowPassword: 'Tillåt lösenord igen',
		allowPasswordFor: (name: string) => `Tillåt lösenord igen för ${name}`,
		unbind: 'Ta bort kopplingen',
		unbindFor: (name: string) => `Ta bort kopplingen till stadskontot för ${name}`,
		requiredOk: (name: string) => `${name} loggar nu bara in med stadskontot och har loggats ut överallt.`,
		allowedOk: (name: string) => `${name} kan nu logga in med lösenord igen.`,
		unboundOk: (name: string) =>
			`Kopplingen är borttagen. Nästa gång ${name} loggar in med stadskontot kopplas det på nytt via den bekräftade e-postadressen.`,
		errors: {
			notConfigured: 'Inloggning med stadskonto är inte aktiverad, så ingen kan krävas att använda den.',
			notFound: 'Personen eller kopplingen finns inte längre. Ladda om sidan.'
		}
	}
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
		tooMany: 'Too many sign-ins started from your computer. Wait ten minutes and try again.',
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
	withPassword: 'Sign in with e-mail address and password',
	admin: {
		nav: 'Sign-in',
		title: 'Signing in with the city account',
		intro:
			'See who has linked their city account, and require a person to sign in with it. Their password and sign-in link then stop working, and they are signed out everywhere.',
		notConfigured: 'Signing in with a city account is not enabled (the OIDC_ISSUER environment variable is not set). You can see the people but not require the city account.',
		summary: (bound, total) => `${bound} of ${total} people have linked their city account.`,
		caption: 'People and how they sign in',
		name: 'Name',
		email: 'E-mail address',
		binding: 'City account',
		bound: (date) => `Linked ${date}`,
		unbound: 'Not linked',
		requirement: 'Sign-in',
		required: 'City account only',
		optional: 'City account or password',
		actions: 'Actions',
		require: 'Require city account',
		requireFor: (name) => `Require the city account for ${name}`,
		allowPassword: 'Allow password again',
		allowPasswordFor: (name) => `Allow the password again for ${name}`,
		unbind: 'Remove the link',
		unbindFor: (name) => `Remove the link to the city account for ${name}`,
		requiredOk: (name) => `${name} now signs in only with the city account and has been signed out everywhere.`,
		allowedOk: (name) => `${name} can sign in with a password again.`,
		unboundOk: (name) => `The link is removed. The next time ${name} signs in with the city account, it is linked again by the confirmed e-mail address.`,
		errors: {
			notConfigured: 'Signing in with a city account is not enabled, so no one can be required to use it.',
			notFound: 'The person or the link no longer exists. Reload the page.'
		}
	}
};
