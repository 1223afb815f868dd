import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { PDFParse } from 'pdf-parse';
import { demoCalendarToday, expectAccessible, signIn, signOut } from './helpers';
import { formatDaySv } from '../../src/lib/domain/dates';

/** The demo year in the jury phase, on its own server (playwright.config.ts). */
const BASE = 'http://localhost:4177';
test.use({ baseURL: BASE });
test.describe.configure({ mode: 'serial' });

const CITATIONS = {
	preschool: 'Förskoleavdelningen leder ett lärande, systematiskt kvalitetsarbete där barnens och vårdnadshavarnas röster syns i varje förbättring.',
	preschoolMention: 'Förskolan Ekorren får ett hedersomnämnande för sitt engagerade arbete med barnens delaktighet.',
	school: 'Hägerstensåsens skola visar hur analys av resultat blir bättre undervisning, år efter år.',
	schoolMention: 'Sjöstadsskolan får ett hedersomnämnande för elevernas inflytande över skolans utveckling.',
	elderlyNone: 'Ingen av finalisterna når ännu nivån för utmärkelsen; juryn ser fram emot nästa år.',
	social: 'Resursenheten sätter brukaren i centrum och följer upp varje insats med mätbara resultat.',
	otherNone: 'Juryn delar inte ut utmärkelsen i klassen i år.',
	otherMention: 'Kontaktcenter Stockholm får ett hedersomnämnande för sitt arbete med stockholmarnas synpunkter.'
};

/** The card of a class on the jury's home page. */
const card = (page: Page, className: RegExp) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: className }) });

async function openBallot(page: Page, className: RegExp) {
	await page.goto('/jury');
	await card(page, className).getByRole('link', { name: 'Omröstning' }).click();
	await expect(page.getByRole('heading', { level: 1, name: /^Omröstning – / })).toBeVisible();
}

test('a member with a conflict sees the class as if the entries were not in it, and votes on the rest', async ({ page }) => {
	// jury3 heads the social services administration, two of whose entries are in Socialtjänst.
	await signIn(page, 'jury3@demo.test');
	await page.goto('/jury');
	await expect(card(page, /^Socialtjänst/).getByText('2 bidrag · 1 finalist')).toBeVisible();
	await expect(page.getByText('Enheten för hemlösa')).toHaveCount(0);
	await expectAccessible(page);
	await expect(card(page, /^Socialtjänst/).getByText(/^Leder: Resursenheten/)).toBeVisible();
	await card(page, /^Socialtjänst/).getByRole('link', { name: 'Klassens sida för sammanträdet' }).click();
	await expect(page.getByText(/^Du har jäv mot några bidrag, och de visas inte för dig\./)).toBeVisible();
	await expect(page.getByRole('table', { name: /^Klassens bidrag i rangordning/ }).locator('tbody tr')).toHaveCount(2);
	await expect(page.locator('details.finalist')).toHaveCount(1);
	await page.locator('details.finalist summary', { hasText: 'Resursenheten' }).click();
	await expect(page.locator('details.finalist').getByRole('heading', { name: 'Sammanfattning' })).toBeVisible();
	await expect(page.getByText('Enheten för hemlösa')).toHaveCount(0);
	await expectAccessible(page);

	await openBallot(page, /^Socialtjänst/);
	await expect(page.getByLabel('Placering för Enheten för hemlösa')).toHaveCount(0);
	await expect(page.getByText('Enheten för hemlösa')).toHaveCount(0);
	await page.getByLabel('Placering för Resursenheten').selectOption('1');
	await page.getByRole('button', { name: 'Spara min röst' }).click();
	await expect(page.getByRole('status')).toHaveText('Din röst är sparad.');
	await expect(page.getByText('3 av 5 ledamöter har röstat.')).toBeVisible();
	await expectAccessible(page);
	await signOut(page);
});

test('a juror ranks with the keyboard, ties allowed, and a forged ballot is refused with nothing written', async ({ page }) => {
	await signIn(page, 'jury4@demo.test');
	await openBallot(page, /^Förskola/);
	await expect(page.getByText('2 av 5 ledamöter har röstat.')).toBeVisible();
	// Before voting, nothing of the others' order: it would anchor.
	await expect(page.getByText(/^Du ser resultatet när du har röstat/)).toBeVisible();
	await expect(page.getByRole('table', { name: /Bidragen två och två/ })).toHaveCount(0);
	await expect(page.getByRole('heading', { name: 'Har inte röstat' })).toHaveCount(0);
	await expect(page.getByRole('heading', { name: 'Juryns gemensamma ordning' })).toHaveCount(0);
	const data = await page.request.get(`${page.url()}/__data.json`);
	expect(data.status()).toBe(200);
	expect(await data.text()).not.toContain('pairwise');
	// Keyboard only: focus the first place, choose with the arrow keys, move on with Tab.
	const first = page.getByLabel('Placering för Förskoleavdelningens ledningsorganisation');
	await first.focus();
	await page.keyboard.press('ArrowDown');
	await expect(first).toHaveValue('1');
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Placering för Förskolan Ekorren')).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await expect(page.getByLabel('Placering för Förskolan Ekorren')).toHaveValue('1');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Spara min röst' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toHaveText('Din röst är sparad.');
	await expect(page.getByText('3 av 5 ledamöter har röstat.')).toBeVisible();
	const notVoted = page.getByRole('heading', { name: 'Har inte röstat' }).locator('xpath=following-sibling::ul[1]');
	await expect(notVoted).toContainText('Malin Ekström');
	await expect(notVoted).not.toContainText('Dragana Petrović');
	const matrix = page.getByRole('table', { name: /Bidragen två och två/ });
	await expect(matrix.getByRole('rowheader')).toHaveCount(2);
	await expect(matrix.getByRole('columnheader', { name: 'Förskolan Ekorren' })).toBeVisible();
	await expectAccessible(page);

	// A ballot naming an entry of another class, posted by hand: refused, with the message, nothing saved.
	const url = page.url();
	const response = await page.request.post(`${url}?/cast`, {
		headers: { origin: BASE, accept: 'text/html' },
		form: { 'rank-999999': '1' }
	});
	expect(response.status()).toBe(400);
	expect(await response.text()).toContain('inte finns bland klassens finalister');
	await page.reload();
	await expect(page.getByText('3 av 5 ledamöter har röstat.')).toBeVisible();
	await expect(page.getByLabel('Placering för Förskolan Ekorren')).toHaveValue('1');

	// Before closing, the meeting screen shows the candidates ranked with their totals, and no ballot.
	await page.goto('/jury/present');
	await expect(page.getByRole('heading', { level: 2, name: 'Förskola' })).toBeVisible();
	await expect(page.getByRole('table', { name: /^Kandidaterna i Förskola/ }).getByText('Förskolan Ekorren')).toBeVisible();
	await expect(page.getByText('Juryns beslut visas här när besluten är justerade.')).toBeVisible();
	await expect(page.getByText(/ledamöter har röstat/)).toHaveCount(0);
	await expectAccessible(page);
	await page.goto('/jury');

	// The chair's pages are not for a juror.
	const refused = await page.goto('/jury/decisions');
	expect(refused?.status()).toBe(403);
	await expectAccessible(page);
	await page.goto('/jury');
	await signOut(page);
});

test('the chair compares finalists side by side, radars overlaid', async ({ page }) => {
	await signIn(page, 'ordforande@demo.test');
	await page.goto('/jury');
	await card(page, /^Förskola/).getByRole('link', { name: 'Klassens sida för sammanträdet' }).click();
	await expect(page.getByRole('link', { name: 'Se rangordningen för klassen' })).toHaveAttribute('href', /^\/ranking\/\d+$/);
	await expectAccessible(page);
	await page.getByRole('checkbox', { name: 'Förskoleavdelningens ledningsorganisation' }).check();
	await page.getByRole('checkbox', { name: 'Förskolan Ekorren' }).check();
	await page.getByRole('button', { name: 'Jämför valda' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Jämförelse – Förskola' })).toBeVisible();
	const scores = page.getByRole('table', { name: 'Konsensuspoäng per bedömningsgrund', exact: true });
	await expect(scores.getByRole('rowheader')).toHaveCount(8);
	await expect(page.locator('canvas[aria-label^="Konsensuspoäng per bedömningsgrund"]')).toBeVisible();
	await page.getByText('Visa som tabell').click();
	await expect(page.getByRole('table', { name: 'Konsensuspoäng per bedömningsgrund, 0–100' })).toBeVisible();
	await expect(page.getByRole('table', { name: 'Ledarskap', exact: true }).getByRole('rowheader', { name: 'Styrkor' })).toBeVisible();
	await expectAccessible(page);
	await signOut(page);
});

test('the chair decides with citations; E8 blocks the award with its reason', async ({ page }) => {
	test.slow(); // five classes of form filling, on a shared machine
	await signIn(page, 'ordforande@demo.test');
	await page.goto('/jury');
	await page.getByRole('link', { name: 'Beslut', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Beslut' })).toBeVisible();
	await expectAccessible(page);

	const section = (name: RegExp) => page.getByRole('region', { name });
	// E8: the deficit school cannot receive the award; the reason is shown.
	const school = section(/^Skola/);
	await expect(school.getByText('Kan inte tilldelas utmärkelsen (E8)')).toBeVisible();
	await expect(school.getByText(/underskott/)).toBeVisible();
	await expect(school.getByLabel('Beslut för Sjöstadsskolan').locator('option[value="award"]')).toBeDisabled();

	// A missing citation is refused at the field.
	const preschool = section(/^Förskola/);
	await preschool.getByLabel('Beslut för Förskoleavdelningens ledningsorganisation').selectOption('award');
	await preschool.getByRole('button', { name: 'Spara beslut för Förskola' }).click();
	await expect(preschool.getByText('Skriv en motivering.')).toBeVisible();
	await expectAccessible(page);
	await preschool.getByLabel('Motivering för Förskoleavdelningens ledningsorganisation').fill(CITATIONS.preschool);
	await preschool.getByLabel('Beslut för Förskolan Ekorren').selectOption('mention');
	await preschool.getByLabel('Motivering för Förskolan Ekorren').fill(CITATIONS.preschoolMention);
	await preschool.getByRole('button', { name: 'Spara beslut för Förskola' }).click();
	await expect(preschool.getByRole('status')).toHaveText('Beslutet är sparat.');

	await school.getByLabel('Beslut för Hägerstensåsens skola').selectOption('award');
	await school.getByLabel('Motivering för Hägerstensåsens skola').fill(CITATIONS.school);
	await school.getByLabel('Beslut för Sjöstadsskolan').selectOption('mention');
	await school.getByLabel('Motivering för Sjöstadsskolan').fill(CITATIONS.schoolMention);
	await school.getByRole('button', { name: /^Spara beslut för Skola/ }).click();
	await expect(school.getByRole('status')).toHaveText('Beslutet är sparat.');

	const elderly = section(/^Äldreomsorg/);
	await elderly.getByLabel('Ingen utmärkelse i den här klassen').check();
	await elderly.getByLabel('Skäl till att klassen inte får någon utmärkelse').fill(CITATIONS.elderlyNone);
	await elderly.getByRole('button', { name: /^Spara beslut för Äldreomsorg/ }).click();
	await expect(elderly.getByRole('status')).toHaveText('Beslutet är sparat.');

	// Socialtjänst is decided from its class page, where the meeting has everything in one place.
	await page.goto('/jury');
	await card(page, /^Socialtjänst/).getByRole('link', { name: 'Klassens sida för sammanträdet' }).click();
	const candidates = page.getByRole('table', { name: /^Klassens bidrag i rangordning/ });
	await expect(candidates.locator('tbody tr').first()).toContainText('Resursenheten');
	await expect(page.getByText(/^Du ser resultatet när du har röstat/)).toBeVisible();
	await expectAccessible(page);
	const decision = page.getByRole('region', { name: 'Beslut för klassen' });
	await expect(decision.getByText('Plats 1 i rangordningen, total 53,3')).toBeVisible();
	await decision.getByLabel('Beslut för Resursenheten').selectOption('award');
	await decision.getByLabel('Motivering för Resursenheten').fill(CITATIONS.social);
	await decision.getByRole('button', { name: /^Spara beslut för Socialtjänst/ }).click();
	await expect(decision.getByRole('status')).toHaveText('Beslutet är sparat.');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Beslut', exact: true }).click();
	await expect(section(/^Socialtjänst/).getByLabel('Beslut för Resursenheten')).toHaveValue('award');

	const other = section(/^Andra verksamheter/);
	await other.getByLabel('Ingen utmärkelse i den här klassen').check();
	await other.getByLabel('Skäl till att klassen inte får någon utmärkelse').fill(CITATIONS.otherNone);
	await other.getByLabel('Beslut för Kontaktcenter Stockholm').selectOption('mention');
	await other.getByLabel('Motivering för Kontaktcenter Stockholm').fill(CITATIONS.otherMention);
	await other.getByRole('button', { name: /^Spara beslut för Andra verksamheter/ }).click();
	await expect(other.getByRole('status')).toHaveText('Beslutet är sparat.');
	await expectAccessible(page);

	// Those present: the chair records who came.
	await page.getByRole('checkbox', { name: /Dragana Petrović/ }).uncheck();
	await page.getByRole('button', { name: 'Spara sammanträdet' }).click();
	await expect(page.getByText('Sammanträdet är sparat.')).toBeVisible();
	await signOut(page);
});

test('the chair closes the decisions and downloads the minutes with the citations', async ({ page }) => {
	await signIn(page, 'ordforande@demo.test');
	await page.goto('/jury/decisions');

	// Closing ("justera") asks for a confirmation, then nothing can change.
	await page.getByRole('checkbox', { name: 'Jag bekräftar att besluten är slutgiltiga' }).check();
	await page.getByRole('button', { name: 'Justera beslut' }).click();
	await expect(page.getByText(/Besluten justerades .* av Malin Ekström och kan inte ändras\./)).toBeVisible();
	await expect(page.getByRole('button', { name: /^Spara beslut/ })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Justera beslut' })).toHaveCount(0);
	await expectAccessible(page);

	await openBallot(page, /^Förskola/);
	await expect(page.getByText('Besluten är justerade. Omröstningen är stängd.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Spara min röst' })).toHaveCount(0);
	await expectAccessible(page);

	// The minutes: the page, then the PDF.
	await page.getByRole('link', { name: 'Protokoll', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Protokoll från juryns sammanträde' })).toBeVisible();
	for (const text of Object.values(CITATIONS)) await expect(page.getByText(text)).toBeVisible();
	await expect(page.getByText('Anders Hellström (ledamot)')).toBeVisible();
	await expect(page.getByText('Dragana Petrović (ledamot)')).toHaveCount(0);
	await expect(page.getByText('Carlos Mendes har jäv mot Enheten för hemlösa och deltog inte i behandlingen.')).toBeVisible();
	for (const line of ['Vid protokollet', 'Justeras']) await expect(page.getByText(line, { exact: true })).toBeVisible();
	await expect(page.getByText('Namnförtydligande (ordförande): Malin Ekström')).toBeVisible();
	await expectAccessible(page);
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ladda ner som PDF' }).click()]);
	expect(download.suggestedFilename()).toBe(`protokoll-jury-${demoCalendarToday('jury').year}.pdf`);
	const parser = new PDFParse({ data: new Uint8Array(await readFile((await download.path())!)) });
	const text = (await parser.getText()).text.replace(/\s+/g, ' ');
	await parser.destroy();
	for (const citation of Object.values(CITATIONS)) expect(text).toContain(citation);
	expect(text).toContain(formatDaySv(demoCalendarToday('jury').day.juryMeetingDate));
	expect(text).toContain('Malin Ekström');
	expect(text).toContain('Carlos Mendes har jäv mot Enheten för hemlösa');
	expect(text).toMatch(/Vid protokollet.*Justeras.*Namnförtydligande \(ordförande\): Malin Ekström.*Namnförtydligande \(justerare\)/);
	await signOut(page);
});

test('the meeting screen shows one class at a time, the arrow keys move between them', async ({ page }) => {
	await signIn(page, 'ordforande@demo.test');
	await page.goto('/jury');
	await page.getByRole('link', { name: 'Mötesskärm' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Förskola' })).toBeVisible();
	await expect(page.getByText('Klass 1 av 5', { exact: true })).toBeVisible();
	await expect(page.getByText(CITATIONS.preschool)).toBeVisible();
	await expect(page.getByText(CITATIONS.school)).toHaveCount(0);
	await expectAccessible(page);
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('heading', { level: 2, name: 'Skola' })).toBeVisible();
	await expect(page.getByText(CITATIONS.school)).toBeVisible();
	await page.keyboard.press('ArrowLeft');
	await expect(page.getByRole('heading', { level: 2, name: 'Förskola' })).toBeVisible();
	await page.getByRole('link', { name: /Nästa klass/ }).click();
	await expect(page.getByText('Klass 2 av 5', { exact: true })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Tillbaka till juryns översikt' }).click();
	await signOut(page);
});

test('after closing, a juror sees the decisions on the meeting screen and can no longer vote', async ({ page }) => {
	await signIn(page, 'jury1@demo.test');
	await page.goto('/jury/present?c=4');
	await expect(page.getByText(CITATIONS.social)).toBeVisible();
	await expectAccessible(page);
	await openBallot(page, /^Skola/);
	// Once closed, no vote can follow, so the tally is everyone's.
	await expect(page.getByRole('table', { name: /Bidragen två och två/ })).toBeVisible();
	const response = await page.request.post(`${page.url()}?/cast`, { headers: { origin: BASE, accept: 'text/html' }, form: { 'rank-1': '1' } });
	expect(response.status()).toBe(409);
	expect(await response.text()).toContain('Besluten är justerade och kan inte ändras längre.');
	await signOut(page);
});
