/**
 * What a form or an autosave is told when a check has no message of its own: zod's checks, worded
 * by src/lib/server/http/zod-messages.ts. Forms give their fields' messages themselves; these
 * cover the rest, mostly requests that no page sends (a field missing, a value of the wrong kind),
 * so they ask the person to reload the page. Numbers arrive already written for the language.
 */
export const sv = {
	missing: 'Uppgifter saknas. Ladda om sidan och försök igen.',
	wrongShape: 'Uppgifterna har fel form. Ladda om sidan och försök igen.',
	required: 'Fyll i fältet.',
	number: 'Skriv ett tal.',
	integer: 'Skriv ett heltal.',
	yesOrNo: 'Välj ja eller nej.',
	choice: 'Välj ett av alternativen.',
	date: 'Skriv ett datum som finns, som ÅÅÅÅ-MM-DD.',
	email: 'Skriv en e-postadress som namn@exempel.se.',
	url: 'Skriv en webbadress som börjar med https://.',
	format: 'Värdet är inte skrivet som det ska. Kontrollera det och försök igen.',
	invalid: 'Värdet kan inte tas emot. Kontrollera det och försök igen.',
	textMin: (n: string) => `Skriv minst ${n} tecken.`,
	textMax: (n: string) => `Högst ${n} tecken.`,
	atLeast: (n: string) => `Talet ska vara minst ${n}.`,
	above: (n: string) => `Talet ska vara större än ${n}.`,
	atMost: (n: string) => `Talet får vara högst ${n}.`,
	below: (n: string) => `Talet ska vara mindre än ${n}.`,
	multipleOf: (n: string) => `Talet ska vara en multipel av ${n}.`,
	fewest: (n: string) => `Minst ${n} behövs.`,
	most: (n: string) => `Högst ${n} får anges.`,
	fileTooLarge: 'Filen är för stor.',
	fileEmpty: 'Filen är tom.'
};

export const en: typeof sv = {
	missing: 'Something is missing. Reload the page and try again.',
	wrongShape: 'What was sent has the wrong form. Reload the page and try again.',
	required: 'Fill in the field.',
	number: 'Write a number.',
	integer: 'Write a whole number.',
	yesOrNo: 'Choose yes or no.',
	choice: 'Choose one of the options.',
	date: 'Write a date that exists, as YYYY-MM-DD.',
	email: 'Write an e-mail address like name@example.com.',
	url: 'Write a web address that starts with https://.',
	format: 'The value is not written as it should be. Check it and try again.',
	invalid: 'The value cannot be accepted. Check it and try again.',
	textMin: (n) => `Write at least ${n} characters.`,
	textMax: (n) => `At most ${n} characters.`,
	atLeast: (n) => `The number must be at least ${n}.`,
	above: (n) => `The number must be greater than ${n}.`,
	atMost: (n) => `The number may be at most ${n}.`,
	below: (n) => `The number must be less than ${n}.`,
	multipleOf: (n) => `The number must be a multiple of ${n}.`,
	fewest: (n) => `At least ${n} needed.`,
	most: (n) => `At most ${n} allowed.`,
	fileTooLarge: 'The file is too large.',
	fileEmpty: 'The file is empty.'
};
