/**
 * Import and export of units and entries. Issue texts are functions of their arguments so the
 * server can return an issue as { code, args } and the page words it in the reader's language.
 * The column headers themselves are a file format, not interface text: they stay Swedish and live
 * in the column specifications (src/lib/server/imports/).
 */
const separatorsSv: Record<string, string> = { ';': 'semikolon', ',': 'komma', '\t': 'tabb', '|': 'lodstreck' };
const separatorsEn: Record<string, string> = { ';': 'semicolon', ',': 'comma', '\t': 'tab', '|': 'vertical bar' };

export const sv = {
	nav: 'Import och export',
	title: 'Import och export',
	intro:
		'Importera enheter och tävlingsbidrag från en CSV-fil eller en Excel-arbetsbok. Du ser först en förhandsgranskning; ingenting sparas förrän du bekräftar, och en fil med något fel sparas inte alls.',
	importHeading: 'Importera',
	kindLegend: 'Vad vill du importera?',
	kinds: {
		units: 'Enheter',
		entries: 'Tävlingsbidrag'
	},
	kindHint: {
		units: 'Nya enheter. Finns en enhet redan (samma namn och förvaltning), visar förhandsgranskningen det som ett fel.',
		entries: (cycle: string) => `Bidrag i ${cycle}. Enheterna måste redan finnas.`
	},
	noCycle: 'Det finns ingen omgång ännu, så du kan inte importera bidrag.',
	file: 'Fil',
	fileHint: (maxMb: number) =>
		`CSV (semikolon, komma eller tabb; UTF-8 eller Windows-1252) eller Excel (.xlsx), högst ${maxMb} MB. Första raden ska vara rubrikraden.`,
	preview: 'Förhandsgranska',
	previewHeading: 'Förhandsgranskning',
	fileFacts: {
		name: 'Fil',
		format: 'Format',
		encoding: 'Teckenkodning',
		separator: 'Avgränsare',
		rows: 'Rader'
	},
	separators: separatorsSv,
	previewOk: (n: number) =>
		`${n === 1 ? 'Raden' : `Alla ${n} rader`} kan importeras. Kontrollera och bekräfta. Inget är sparat ännu.`,
	previewBad: (bad: number, total: number) =>
		`${bad} av ${total} ${total === 1 ? 'rad' : 'rader'} har fel. Rätta filen och ladda upp den igen. Inget har sparats.`,
	fileProblems: 'Filen kan inte importeras. Inget har sparats.',
	ignoredColumns: (headers: string) => `Importen känner inte igen de här kolumnerna och läser dem inte: ${headers}.`,
	rowsCaption: 'Raderna i filen, med radnummer och eventuella fel',
	line: 'Rad',
	status: 'Status',
	problems: 'Fel',
	rowOk: 'OK',
	rowBad: 'Fel',
	commit: (n: number, kind: 'units' | 'entries') =>
		kind === 'units' ? `Importera ${n} ${n === 1 ? 'enhet' : 'enheter'}` : `Importera ${n} bidrag`,
	resultTitle: 'Importen är klar',
	resultLead: (n: number, kind: 'units' | 'entries', file: string) =>
		`${n} ${kind === 'units' ? (n === 1 ? 'enhet' : 'enheter') : 'bidrag'} från ${file} har sparats.`,
	resultCaption: (kind: 'units' | 'entries'): string =>
		kind === 'units' ? 'Enheter som skapades av importen' : 'Bidrag som skapades av importen',
	resultBy: (name: string, when: string) => `Importerad av ${name}, ${when}.`,
	resultGone: 'Någon har tagit bort den efter importen.',
	backToImport: 'Tillbaka till import och export',
	columnsHeading: 'Kolumner',
	columnsIntro:
		'Rubrikerna ska stå på första raden och stavas som nedan (stora eller små bokstäver spelar ingen roll). Kolumnernas ordning är fri. Tomma celler i frivilliga kolumner lämnas tomma.',
	columnsCaption: (what: string) => `Kolumner för ${what.toLowerCase()}`,
	column: 'Kolumn',
	required: 'Obligatorisk',
	format: 'Format',
	example: 'Exempel',
	aliases: (names: string) => `Också: ${names}`,
	templateCsv: (what: string) => `Mall för ${what.toLowerCase()} (CSV)`,
	templateXlsx: (what: string) => `Mall för ${what.toLowerCase()} (Excel)`,
	exportHeading: 'Exportera',
	exportIntro: (cycle: string) =>
		`Listan över bidragen i ${cycle} med behörighetsprövningen (E1–E8, godkänd för bedömning, spärr för utmärkelsen och skälen).`,
	exportCsv: 'Bidragslistan som CSV',
	exportXlsx: 'Bidragslistan som Excel',
	formats: {
		text: (max: number) => `Text, högst ${max} tecken`,
		integer: (min: number) => `Heltal, minst ${min}`,
		percent: () => 'Tal 0–100; decimalkomma går bra',
		money: () => 'Kronor, hela belopp; minus för underskott. Mellanslag mellan tusental och decimalkomma går bra',
		boolean: () => 'ja eller nej (även j/n, x, 1/0, sant/falskt)',
		date: () => 'Datum ÅÅÅÅ-MM-DD, eller en datumcell i Excel',
		years: () => 'Årtal, åtskilda med kommatecken',
		email: () => 'E-postadress',
		organisation: () => 'En förvaltning eller ett bolag som finns i verktyget',
		board: () => 'En nämnd eller styrelse som finns i verktyget',
		unit: () => 'En enhet som finns i verktyget',
		unitOrganisation: () => 'Enhetens förvaltning eller bolag; behövs när flera enheter har samma namn',
		className: () => 'En tävlingsklass i årets omgång',
		minutesBoard: () => 'Nämnden eller styrelsen som fattade beslutet; tom = enhetens nämnd'
	},
	issues: {
		noFile: () => 'Välj en fil att importera.',
		empty: () => 'Filen är tom.',
		tooLarge: (maxMb: number) => `Filen är för stor. Den får vara högst ${maxMb} MB.`,
		pdfFile: () =>
			'Filen är en PDF, inte en Excel-arbetsbok (.xlsx) eller en CSV-fil. Spara tabellen som Excel-arbetsbok eller som CSV och försök igen.',
		legacyOfficeFile: () =>
			'Filen är i ett äldre Office-format (till exempel .xls från Excel 97–2003) eller lösenordsskyddad. Spara den som Excel-arbetsbok (.xlsx) utan lösenord, eller som CSV.',
		binaryFile: () =>
			'Filen är ingen textfil och ingen Excel-arbetsbok, så den kan inte vara en CSV-fil. Spara tabellen som CSV eller som Excel-arbetsbok (.xlsx) och försök igen.',
		notWorkbook: () =>
			'Filen är ett ZIP-arkiv men ingen Excel-arbetsbok (.xlsx), till exempel ett Word- eller LibreOffice-dokument. Spara tabellen som Excel-arbetsbok eller som CSV och försök igen.',
		damagedWorkbook: () =>
			'Excel-arbetsboken är skadad eller ofullständig och kunde inte läsas. Öppna den i Excel, spara den på nytt och försök igen.',
		workbookTooLarge: () =>
			'Excel-arbetsboken blir för stor när den packas upp. Spara bara bladet med raderna i en ny arbetsbok, eller som CSV, och försök igen.',
		headerSeparator: (separator: string) =>
			`Rubrikraden ser ut att vara avgränsad med ${separatorsSv[separator] ?? `”${separator}”`}, men kolumnerna kunde inte skiljas åt. Spara filen som CSV med semikolon, komma eller tabb mellan kolumnerna, eller som Excel-arbetsbok med en rubrik i varje kolumn.`,
		noRows: () => 'Filen har en rubrikrad men inga rader att importera.',
		tooManyRows: (max: number) => `Filen har fler än ${max.toLocaleString('sv-SE')} rader. Dela upp den i flera filer.`,
		missingColumn: (header: string) => `Kolumnen ”${header}” saknas i rubrikraden.`,
		duplicateColumn: (header: string) => `Kolumnen ”${header}” finns mer än en gång i rubrikraden.`,
		unclosedQuote: () => 'Ett citattecken saknar sitt slutcitattecken, så resten av filen går inte att läsa. Rätta citattecknen och ladda upp filen igen.',
		tooManyCells: () => 'Raden har fler kolumner än rubrikraden. Kontrollera citattecken och avgränsare.',
		staleUpload: () => 'Den uppladdade filen finns inte längre. Ladda upp den igen.',
		badKind: () => 'Välj vad du vill importera.',
		noCycle: () => 'Det finns ingen omgång att importera bidrag till.',
		phaseClosed: () => 'Du kan bara importera bidrag medan omgången är i förberedelse eller anmälan.',
		required: () => 'Fyll i ett värde.',
		tooLong: (max: number) => `Texten är för lång. Skriv högst ${max} tecken.`,
		notNumber: (value: string) => `”${value}” är inget tal.`,
		notInteger: (value: string) => `”${value}” är inget heltal.`,
		belowMin: (value: string, min: number) => `${value} är för litet. Skriv minst ${min}.`,
		outOfRange: (value: string, min: number, max: number) => `${value} ligger utanför ${min}–${max}. Skriv ett tal från ${min} till ${max}.`,
		notBoolean: (value: string) => `”${value}” är varken ja eller nej.`,
		badDate: (value: string) => `”${value}” är inget datum; skriv ÅÅÅÅ-MM-DD.`,
		badYear: (value: string) => `”${value}” är inget årtal.`,
		badEmail: (value: string) => `”${value}” är ingen e-postadress.`,
		unknownOrganisation: (name: string) => `Förvaltningen eller bolaget ”${name}” finns inte.`,
		unknownBoard: (name: string) => `Nämnden eller styrelsen ”${name}” finns inte.`,
		boardOfOtherOrganisation: (board: string, organisation: string) =>
			`${board} hör inte till ${organisation}. Välj en nämnd eller styrelse som hör till ${organisation}.`,
		duplicateUnitInFile: (line: number) => `Samma enhet (namn och förvaltning) finns redan på rad ${line}.`,
		unitExists: () =>
			'Enheten finns redan (samma namn och förvaltning). Importen skapar bara nya enheter; ändra en befintlig enhet i dess formulär.',
		contactIncomplete: () => 'Fyll i både kontaktperson och kontaktens e-post, eller ingen av dem.',
		unknownUnit: (name: string) => `Enheten ”${name}” finns inte.`,
		ambiguousUnit: (name: string) => `Flera enheter heter ”${name}”; ange förvaltning eller bolag.`,
		unknownClass: (name: string, classes: string) =>
			`Tävlingsklassen ”${name}” finns inte i årets omgång. Välj en av: ${classes}.`,
		classOfOtherCycle: (name: string, year: number) =>
			`Tävlingsklassen ”${name}” hör till omgången ${year}, inte till årets.`,
		entryExists: () => 'Enheten har redan ett tävlingsbidrag i omgången.',
		duplicateEntryInFile: (line: number) => `Samma enhet anmäls redan på rad ${line}.`,
		minutesDatesOrder: () => 'Protokollets datum ligger efter dagen då protokollet kom in. Kontrollera båda datumen.'
	},
	export: {
		fileName: (year: number) => `tavlingsbidrag-${year}`,
		sheet: 'Tävlingsbidrag',
		status: { pass: 'uppfyllt', fail: 'ej uppfyllt', unknown: 'okänt' },
		columns: {
			unit: 'Enhet',
			organisation: 'Förvaltning/bolag',
			className: 'Tävlingsklass',
			accountReceived: 'Redovisning inkommen',
			minutesDnr: 'Nämndprotokoll dnr',
			minutesMeeting: 'Protokollets datum',
			minutesReceived: 'Protokoll inkommet',
			staff: 'Antal medarbetare',
			share: 'Andel Stockholmare (%)',
			admitted: 'Godkänd för bedömning',
			override: 'Undantag (skäl)',
			awardBlocked: 'Utmärkelse spärrad (E8)',
			reasons: 'Skäl'
		}
	}
};

export const en: typeof sv = {
	nav: 'Import and export',
	title: 'Import and export',
	intro:
		'Import units and entries from a CSV file or an Excel workbook. You first see a preview; nothing is saved until you confirm, and a file with any error is not saved at all.',
	importHeading: 'Import',
	kindLegend: 'What do you want to import?',
	kinds: {
		units: 'Units',
		entries: 'Entries'
	},
	kindHint: {
		units: 'New units. If a unit already exists (same name and organisation), the preview shows it as an error.',
		entries: (cycle) => `Entries in ${cycle}. The units must already exist.`
	},
	noCycle: 'There is no cycle yet, so you cannot import entries.',
	file: 'File',
	fileHint: (maxMb) =>
		`CSV (semicolon, comma or tab; UTF-8 or Windows-1252) or Excel (.xlsx), at most ${maxMb} MB. The first row must be the header row. Column headers are in Swedish.`,
	preview: 'Preview',
	previewHeading: 'Preview',
	fileFacts: {
		name: 'File',
		format: 'Format',
		encoding: 'Encoding',
		separator: 'Separator',
		rows: 'Rows'
	},
	separators: separatorsEn,
	previewOk: (n) => `${n === 1 ? 'The row' : `All ${n} rows`} can be imported. Check and confirm. Nothing is saved yet.`,
	previewBad: (bad, total) =>
		`${bad} of ${total} ${total === 1 ? 'row has' : 'rows have'} errors. Correct the file and upload it again. Nothing has been saved.`,
	fileProblems: 'The file cannot be imported. Nothing has been saved.',
	ignoredColumns: (headers) => `The import does not recognise these columns and does not read them: ${headers}.`,
	rowsCaption: 'The rows of the file, with line numbers and any errors',
	line: 'Line',
	status: 'Status',
	problems: 'Errors',
	rowOk: 'OK',
	rowBad: 'Error',
	commit: (n, kind) => (kind === 'units' ? `Import ${n} ${n === 1 ? 'unit' : 'units'}` : `Import ${n} ${n === 1 ? 'entry' : 'entries'}`),
	resultTitle: 'The import is done',
	resultLead: (n, kind, file) =>
		`${n} ${kind === 'units' ? (n === 1 ? 'unit' : 'units') : n === 1 ? 'entry' : 'entries'} from ${file} have been saved.`,
	resultCaption: (kind) => (kind === 'units' ? 'Units created by the import' : 'Entries created by the import'),
	resultBy: (name, when) => `Imported by ${name}, ${when}.`,
	resultGone: 'Someone has deleted it since the import.',
	backToImport: 'Back to import and export',
	columnsHeading: 'Columns',
	columnsIntro:
		'The headers go on the first row, spelled as below (upper or lower case does not matter). Columns may come in any order. Empty cells in optional columns stay empty.',
	columnsCaption: (what) => `Columns for ${what.toLowerCase()}`,
	column: 'Column',
	required: 'Required',
	format: 'Format',
	example: 'Example',
	aliases: (names) => `Also: ${names}`,
	templateCsv: (what) => `Template for ${what.toLowerCase()} (CSV)`,
	templateXlsx: (what) => `Template for ${what.toLowerCase()} (Excel)`,
	exportHeading: 'Export',
	exportIntro: (cycle) =>
		`The list of entries in ${cycle} with the eligibility check (E1–E8, admitted to assessment, award blocked and the reasons).`,
	exportCsv: 'Entry list as CSV',
	exportXlsx: 'Entry list as Excel',
	formats: {
		text: (max) => `Text, at most ${max} characters`,
		integer: (min) => `Whole number, at least ${min}`,
		percent: () => 'Number 0–100; a decimal comma is fine',
		money: () => 'Kronor, whole amounts; minus for a deficit. Spaces between thousands and a decimal comma are fine',
		boolean: () => 'ja or nej (also j/n, x, 1/0, sant/falskt)',
		date: () => 'Date YYYY-MM-DD, or a date cell in Excel',
		years: () => 'Years, separated by commas',
		email: () => 'E-mail address',
		organisation: () => 'An administration or company that exists in the tool',
		board: () => 'A committee or board that exists in the tool',
		unit: () => 'A unit that exists in the tool',
		unitOrganisation: () => "The unit's administration or company; needed when several units share a name",
		className: () => "A class of this year's cycle",
		minutesBoard: () => "The committee or board that decided; empty = the unit's board"
	},
	issues: {
		noFile: () => 'Choose a file to import.',
		empty: () => 'The file is empty.',
		tooLarge: (maxMb) => `The file is too large. It may be at most ${maxMb} MB.`,
		pdfFile: () => 'The file is a PDF, not an Excel workbook (.xlsx) or a CSV file. Save the table as an Excel workbook or as CSV and try again.',
		legacyOfficeFile: () =>
			'The file is in an older Office format (such as .xls from Excel 97–2003) or password-protected. Save it as an Excel workbook (.xlsx) without a password, or as CSV.',
		binaryFile: () =>
			'The file is neither a text file nor an Excel workbook, so it cannot be a CSV file. Save the table as CSV or as an Excel workbook (.xlsx) and try again.',
		notWorkbook: () =>
			'The file is a ZIP archive but not an Excel workbook (.xlsx), for example a Word or LibreOffice document. Save the table as an Excel workbook or as CSV and try again.',
		damagedWorkbook: () => 'The Excel workbook is damaged or incomplete and could not be read. Open it in Excel, save it again and try again.',
		workbookTooLarge: () =>
			'The Excel workbook becomes too large when unpacked. Save only the sheet with the rows in a new workbook, or as CSV, and try again.',
		headerSeparator: (separator) =>
			`The header row seems to be separated by ${separatorsEn[separator] ?? `“${separator}”`}, but its columns could not be told apart. Save the file as CSV with semicolons, commas or tabs between the columns, or as an Excel workbook with one header in each column.`,
		noRows: () => 'The file has a header row but no rows to import.',
		tooManyRows: (max) => `The file has more than ${max.toLocaleString('en-GB')} rows. Split it into several files.`,
		missingColumn: (header) => `The column “${header}” is missing from the header row.`,
		duplicateColumn: (header) => `The column “${header}” appears more than once in the header row.`,
		unclosedQuote: () => 'A quotation mark lacks its closing quotation mark, so the rest of the file cannot be read. Correct the quotation marks and upload the file again.',
		tooManyCells: () => 'The row has more columns than the header row. Check quotation marks and separators.',
		staleUpload: () => 'The uploaded file is no longer there. Upload it again.',
		badKind: () => 'Choose what to import.',
		noCycle: () => 'There is no cycle to import entries into.',
		phaseClosed: () => 'You can import entries only while the cycle is in preparation or registration.',
		required: () => 'Fill in a value.',
		tooLong: (max) => `The text is too long. Write at most ${max} characters.`,
		notNumber: (value) => `“${value}” is not a number.`,
		notInteger: (value) => `“${value}” is not a whole number.`,
		belowMin: (value, min) => `${value} is too small. Write at least ${min}.`,
		outOfRange: (value, min, max) => `${value} is outside ${min}–${max}. Write a number from ${min} to ${max}.`,
		notBoolean: (value) => `“${value}” is neither yes nor no.`,
		badDate: (value) => `“${value}” is not a date; write YYYY-MM-DD.`,
		badYear: (value) => `“${value}” is not a year.`,
		badEmail: (value) => `“${value}” is not an e-mail address.`,
		unknownOrganisation: (name) => `The administration or company “${name}” does not exist.`,
		unknownBoard: (name) => `The committee or board “${name}” does not exist.`,
		boardOfOtherOrganisation: (board, organisation) => `${board} does not belong to ${organisation}. Choose a board that belongs to ${organisation}.`,
		duplicateUnitInFile: (line) => `The same unit (name and organisation) is already on line ${line}.`,
		unitExists: () =>
			'The unit already exists (same name and organisation). The import only creates new units; change an existing unit in its form.',
		contactIncomplete: () => "Fill in both the contact person and the contact's e-mail, or neither.",
		unknownUnit: (name) => `The unit “${name}” does not exist.`,
		ambiguousUnit: (name) => `Several units are called “${name}”; give the administration or company.`,
		unknownClass: (name, classes) => `The class “${name}” is not in this year's cycle. Choose one of: ${classes}.`,
		classOfOtherCycle: (name, year) => `The class “${name}” belongs to the ${year} cycle, not this year's.`,
		entryExists: () => 'The unit already has an entry in the cycle.',
		duplicateEntryInFile: (line) => `The same unit is already entered on line ${line}.`,
		minutesDatesOrder: () => 'The date of the minutes is after the day the minutes were received. Check both dates.'
	},
	export: {
		fileName: (year) => `entries-${year}`,
		sheet: 'Entries',
		status: { pass: 'met', fail: 'not met', unknown: 'unknown' },
		columns: {
			unit: 'Unit',
			organisation: 'Administration/company',
			className: 'Class',
			accountReceived: 'Written account received',
			minutesDnr: 'Board minutes ref. no.',
			minutesMeeting: 'Date of minutes',
			minutesReceived: 'Minutes received',
			staff: 'Number of staff',
			share: 'Share of Stockholm residents (%)',
			admitted: 'Admitted to assessment',
			override: 'Override (reason)',
			awardBlocked: 'Award blocked (E8)',
			reasons: 'Reasons'
		}
	}
};
