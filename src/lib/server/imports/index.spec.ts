import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, like, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestDatabase } from '../test-support/db';
import type { DB } from '../db';
import * as table from '../db/schema';
import { seedDemo, type DemoPhase } from '../demo/seed';
import { sv } from '$lib/i18n/sv';
import { commitImport, importResult, previewImport, type ImportKind, type Preview } from './index';
import { describeIssue } from './issues';
import { stagingDir } from './staging';

let db: DB;
let dir: string;
let adminId: number;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'import-test-'));
	process.env.IMPORT_STAGING_DIR = dir;
});
afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
	delete process.env.IMPORT_STAGING_DIR;
});

function seed(phase: DemoPhase) {
	db = createTestDatabase();
	seedDemo(db, { phase, passwordHash: 'x' });
	adminId = db.select().from(table.user).where(eq(table.user.email, 'admin@demo.test')).get()!.id;
}

const csv = (lines: string[]) => new TextEncoder().encode(lines.join('\r\n') + '\r\n');
const count = (t: typeof table.unit | typeof table.entry | typeof table.auditLog | typeof table.unitContact | typeof table.unitWin) =>
	db.select({ n: sql<number>`count(*)` }).from(t).get()!.n;
const snapshot = () => [count(table.unit), count(table.entry), count(table.auditLog), count(table.unitContact), count(table.unitWin)];
/** Each reported problem as "line column: Swedish reason". */
const problems = (p: Preview) =>
	[...p.fileIssues, ...p.rows.flatMap((r) => r.issues)].map(
		(i) => `${i.line ?? '-'} ${i.column ?? '-'}: ${describeIssue(i.issue, sv)}`
	);

async function previewAndCommit(kind: ImportKind, bytes: Uint8Array, name = 'fil.csv') {
	const preview = await previewImport(kind, bytes, name);
	const result = await commitImport(kind, preview.sha256, name, adminId);
	return { preview, result };
}

const UNIT_HEADER =
	'Enhet;Förvaltning/bolag;Nämnd/styrelse;Chef;Chef har budgetansvar;Chef har personalansvar;Verksamhetsplan med mål;Antal medarbetare;Privat driven;Andel Stockholmare (%);Vunnit år;Resultat föregående år (kr);Prognos i år (kr);Kontaktperson;Kontaktens e-post;Kontaktens telefon';

describe('units import', () => {
	beforeEach(() => seed('assessment'));

	it('a good file commits every row, with wins, contacts and one audit row with the counts', async () => {
		const before = snapshot();
		const { preview, result } = await previewAndCommit(
			'units',
			csv([
				UNIT_HEADER,
				'Förskolan Vitsippan;Farsta stadsdelsförvaltning;Farsta stadsdelsnämnd;Eva Berg;ja;ja;ja;17;nej;;2019, 2023;1 250 000;-250 000,50;Eva Berg;eva.berg@example.se;08-508 000 00',
				'Förskolan Blåsippan;Pysslingen Förskolor och Skolor AB;;Per Lund;x;x;x;9;ja;51,5;;;;;;',
				'förskolan vitsippan;Skärholmens stadsdelsförvaltning;;;;;;;;;;;;;;'
			])
		);
		expect(problems(preview)).toEqual([]);
		expect(preview.valid).toBe(true);
		expect(preview.rows.map((r) => r.line)).toEqual([2, 3, 4]);
		expect(result).toMatchObject({ ok: true, count: 3 });
		expect(snapshot()).toEqual([before[0] + 3, before[1], before[2] + 1, before[3] + 1, before[4] + 2]);

		const created = db.select().from(table.unit).where(eq(table.unit.name, 'Förskolan Vitsippan')).get()!;
		expect(created).toMatchObject({
			staffCount: 17,
			managerHasBudgetResponsibility: true,
			privatelyRun: false,
			lastYearResult: 1250000,
			forecastResult: -250001
		});
		expect(db.select().from(table.unitWin).where(eq(table.unitWin.unitId, created.id)).all().map((w) => w.year)).toEqual([2019, 2023]);
		const private_ = db.select().from(table.unit).where(eq(table.unit.name, 'Förskolan Blåsippan')).get()!;
		expect(private_).toMatchObject({ privatelyRun: true, stockholmSharePercent: 51.5, boardId: null });

		const audit = db.select().from(table.auditLog).where(eq(table.auditLog.action, 'import.units')).get()!;
		expect(audit.actorId).toBe(adminId);
		expect(audit.after).toMatchObject({ kind: 'units', count: 3, fileName: 'fil.csv' });
		if (!result.ok) throw new Error('not committed');
		const shown = importResult(result.auditId)!;
		expect(shown.items.map((i) => [i.name, i.organisation])).toEqual([
			['Förskolan Vitsippan', 'Farsta stadsdelsförvaltning'],
			['Förskolan Blåsippan', 'Pysslingen Förskolor och Skolor AB'],
			['förskolan vitsippan', 'Skärholmens stadsdelsförvaltning']
		]);
		// The staged file is gone: the same upload cannot be committed twice.
		expect((await commitImport('units', preview.sha256, 'fil.csv', adminId)).ok).toBe(false);
	});

	it('each kind of bad row is listed with its line and reason, and nothing is written', async () => {
		const before = snapshot();
		const { preview, result } = await previewAndCommit(
			'units',
			csv([
				'Enhet;Förvaltning/bolag;Nämnd/styrelse;Antal medarbetare;Andel Stockholmare (%);Vunnit år;Kontaktperson;Kontaktens e-post;Resultat föregående år (kr)',
				'Ny enhet A;Okänd förvaltning;;10;;;;;',
				'Ny enhet B;Farsta stadsdelsförvaltning;Okänd nämnd;10;;;;;',
				'Ny enhet C;Farsta stadsdelsförvaltning;Socialnämnden;10;;;;;',
				'Ny enhet D;Farsta stadsdelsförvaltning;;tolv;;;;;',
				'Ny enhet E;Farsta stadsdelsförvaltning;;-3;;;;;',
				'Ny enhet F;Farsta stadsdelsförvaltning;;10;101;;;;',
				'Ny enhet G;Farsta stadsdelsförvaltning;;10;;20x3;;;',
				`${'Å'.repeat(201)};Farsta stadsdelsförvaltning;;10;;;;;`,
				'Ny enhet H;Farsta stadsdelsförvaltning;;10;;;Anna Ek;;',
				'Ny enhet I;Farsta stadsdelsförvaltning;;10;;;Anna Ek;anna@;',
				'Förskolan Ekorren;Farsta stadsdelsförvaltning;;10;;;;;',
				'Ny enhet J;Farsta stadsdelsförvaltning;;10;;;;;1.250.000',
				'Ny enhet K;Farsta stadsdelsförvaltning;;10;;;;;',
				'ny enhet k;Farsta stadsdelsförvaltning;;10;;;;;',
				';Farsta stadsdelsförvaltning;;10;;;;;'
			])
		);
		expect(preview.valid).toBe(false);
		expect(problems(preview)).toEqual([
			'2 Förvaltning/bolag: Förvaltningen eller bolaget ”Okänd förvaltning” finns inte.',
			'3 Nämnd/styrelse: Nämnden eller styrelsen ”Okänd nämnd” finns inte.',
			'4 Nämnd/styrelse: Socialnämnden hör inte till Farsta stadsdelsförvaltning. Välj en nämnd eller styrelse som hör till Farsta stadsdelsförvaltning.',
			'5 Antal medarbetare: ”tolv” är inget tal.',
			'6 Antal medarbetare: -3 är för litet. Skriv minst 0.',
			'7 Andel Stockholmare (%): 101 ligger utanför 0–100. Skriv ett tal från 0 till 100.',
			'8 Vunnit år: ”20x3” är inget årtal.',
			'9 Enhet: Texten är för lång. Skriv högst 200 tecken.',
			'10 Kontaktens e-post: Fyll i både kontaktperson och kontaktens e-post, eller ingen av dem.',
			'11 Kontaktens e-post: ”anna@” är ingen e-postadress.',
			'12 Enhet: Enheten finns redan (samma namn och förvaltning). Importen skapar bara nya enheter; ändra en befintlig enhet i dess formulär.',
			'13 Resultat föregående år (kr): ”1.250.000” är inget tal.',
			'15 Enhet: Samma enhet (namn och förvaltning) finns redan på rad 14.',
			'16 Enhet: Fyll i ett värde.'
		]);
		expect(preview.badRows).toBe(14);
		expect(preview.rows.find((r) => r.line === 14)!.issues).toEqual([]);
		expect(result).toMatchObject({ ok: false });
		expect(snapshot()).toEqual(before);
	});

	it('a file with one bad row among good ones leaves the database unchanged', async () => {
		const before = snapshot();
		const { preview, result } = await previewAndCommit(
			'units',
			csv([
				'Enhet;Förvaltning/bolag;Antal medarbetare',
				'Bra enhet 1;Farsta stadsdelsförvaltning;10',
				'Bra enhet 2;Farsta stadsdelsförvaltning;11',
				'Dålig enhet;Farsta stadsdelsförvaltning;elva',
				'Bra enhet 3;Farsta stadsdelsförvaltning;12'
			])
		);
		expect(preview.badRows).toBe(1);
		expect(result.ok).toBe(false);
		expect(snapshot()).toEqual(before);
		expect(db.select().from(table.unit).where(like(table.unit.name, 'Bra enhet%')).all()).toEqual([]);
	});

	it('a missing required column is reported against the header line and nothing is written', async () => {
		const before = snapshot();
		const { preview, result } = await previewAndCommit('units', csv(['Enhet;Antal medarbetare', 'Ny enhet;10']));
		expect(problems(preview)).toEqual(['1 Förvaltning/bolag: Kolumnen ”Förvaltning/bolag” saknas i rubrikraden.']);
		expect(result.ok).toBe(false);
		expect(snapshot()).toEqual(before);
	});

	it('the commit checks again instead of trusting the preview', async () => {
		const bytes = csv(['Enhet;Förvaltning/bolag', 'Ny enhet;Farsta stadsdelsförvaltning']);
		const preview = await previewImport('units', bytes, 'fil.csv');
		expect(preview.valid).toBe(true);
		const farsta = db.select().from(table.organisation).where(eq(table.organisation.name, 'Farsta stadsdelsförvaltning')).get()!;
		db.insert(table.unit).values({ name: 'NY ENHET', organisationId: farsta.id }).run();
		const before = snapshot();
		const result = await commitImport('units', preview.sha256, 'fil.csv', adminId);
		expect(result.ok).toBe(false);
		if (result.ok || !result.preview) throw new Error('expected a refused preview');
		expect(problems(result.preview)).toEqual([
			'2 Enhet: Enheten finns redan (samma namn och förvaltning). Importen skapar bara nya enheter; ändra en befintlig enhet i dess formulär.'
		]);
		expect(snapshot()).toEqual(before);
	});

	it('an unknown or altered staged file is refused', async () => {
		const result = await commitImport('units', 'a'.repeat(64), 'fil.csv', adminId);
		expect(result).toMatchObject({ ok: false, preview: null });
		if (!result.ok) expect(result.fileIssues.map((i) => i.issue.code)).toEqual(['staleUpload']);
		expect((await commitImport('units', '../../etc/passwd', 'x', adminId)).ok).toBe(false);
		expect(stagingDir()).toBe(dir);
	});

	it('the commit prepares each statement once, not once for every row', async () => {
		const rows = Array.from({ length: 200 }, (_, i) => `Ny enhet ${i};Farsta stadsdelsförvaltning;2019, 2023;Anna Ek;anna${i}@example.se`);
		const bytes = csv(['Enhet;Förvaltning/bolag;Vunnit år;Kontaktperson;Kontaktens e-post', ...rows]);
		const preview = await previewImport('units', bytes, 'fil.csv');
		expect(preview.valid).toBe(true);
		// better-sqlite3 prepares every statement drizzle builds; 200 rows with two wins and a contact each
		// would be 800 inserts, and a statement built and prepared for each held the event loop.
		const prepare = vi.spyOn(db.$client, 'prepare');
		const result = await commitImport('units', preview.sha256, 'fil.csv', adminId);
		const prepared = prepare.mock.calls.length;
		prepare.mockRestore();
		expect(result).toMatchObject({ ok: true, count: 200 });
		const wins = db
			.select({ n: sql<number>`count(*)` })
			.from(table.unitWin)
			.innerJoin(table.unit, eq(table.unit.id, table.unitWin.unitId))
			.where(like(table.unit.name, 'Ny enhet %'))
			.get()!.n;
		expect(wins).toBe(400);
		expect(prepared).toBeLessThan(20);
	});

	it('an XLSX file commits like a CSV file', async () => {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('Enheter');
		ws.addRow(['Enhet', 'Förvaltning/bolag', 'Antal medarbetare', 'Andel Stockholmare (%)', 'Privat driven']);
		ws.addRow(['Excelenheten', 'Pysslingen Förskolor och Skolor AB', 12, 60.5, true]);
		const { result } = await previewAndCommit('units', new Uint8Array(await wb.xlsx.writeBuffer()), 'enheter.xlsx');
		expect(result).toMatchObject({ ok: true, count: 1 });
		expect(db.select().from(table.unit).where(eq(table.unit.name, 'Excelenheten')).get()).toMatchObject({
			staffCount: 12,
			stockholmSharePercent: 60.5,
			privatelyRun: true
		});
	});

	it('stores names without NUL, lone surrogates or bidirectional overrides', async () => {
		// Excel writes a control character or half a surrogate pair in a cell as "_xHHHH_"; the
		// override is written as it is.
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('Enheter');
		ws.addRow(['Enhet', 'Förvaltning/bolag', 'Kontaktperson', 'Kontaktens e-post']);
		ws.addRow(['Förskolan _x0000_Sjö_xD800_stjärnan\u202e 🐚', 'Farsta stadsdelsförvaltning', 'Eva\u202e _x0001_Berg', 'eva.berg@example.se']);
		const { preview, result } = await previewAndCommit('units', new Uint8Array(await wb.xlsx.writeBuffer()), 'enheter.xlsx');
		expect(problems(preview)).toEqual([]);
		expect(preview.rows[0].cells[0]).toBe('Förskolan Sjö\ufffdstjärnan 🐚');
		expect(result).toMatchObject({ ok: true, count: 1 });
		const unit = db.select().from(table.unit).where(eq(table.unit.name, 'Förskolan Sjö\ufffdstjärnan 🐚')).get()!;
		expect(unit).toBeDefined();
		expect(db.select().from(table.unitContact).where(eq(table.unitContact.unitId, unit.id)).get()?.name).toBe('Eva Berg');
	});
});

describe('long files and files that are not what they seem', () => {
	beforeEach(() => seed('assessment'));

	/** A workbook of units named with å, ä and ö, as a unit's administration would write them. */
	async function unitsWorkbook(count: number): Promise<{ bytes: Uint8Array; names: string[] }> {
		const names = Array.from({ length: count }, (_, i) => `Förskolan Äppelgården ${i + 1} – Hägersten-Älvsjö`);
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('Enheter');
		ws.addRow(['Enhet', 'Förvaltning/bolag', 'Antal medarbetare', 'Privat driven']);
		names.forEach((name, i) => ws.addRow([name, 'Farsta stadsdelsförvaltning', 10 + (i % 40), i % 2 === 0]));
		return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), names };
	}

	it('a workbook of exactly 5,000 rows imports as before, every name intact', async () => {
		const { bytes, names } = await unitsWorkbook(5000);
		const before = snapshot();
		const { preview, result } = await previewAndCommit('units', bytes, 'enheter.xlsx');
		expect(problems(preview)).toEqual([]);
		expect(preview.rows.length).toBe(5000);
		expect(result).toMatchObject({ ok: true, count: 5000 });
		expect(snapshot()).toEqual([before[0] + 5000, before[1], before[2] + 1, before[3], before[4]]);
		const saved = db.select({ name: table.unit.name }).from(table.unit).where(like(table.unit.name, 'Förskolan Äppelgården %')).all();
		expect(saved.map((u) => u.name).sort()).toEqual([...names].sort());
	}, 60_000);

	it('one row more is refused with the limit message; nothing is kept for a commit or written', async () => {
		const { bytes } = await unitsWorkbook(5001);
		const before = snapshot();
		const preview = await previewImport('units', bytes, 'enheter.xlsx');
		expect(problems(preview)).toEqual([expect.stringMatching(/^- -: Filen har fler än 5\s000 rader\. Dela upp den i flera filer\.$/)]);
		expect(preview.valid).toBe(false);
		expect(existsSync(join(dir, preview.sha256))).toBe(false);
		expect(snapshot()).toEqual(before);
	}, 60_000);

	it('a wrong separator, a PDF named .xlsx and binary named .csv are each told what is wrong', async () => {
		const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
		const binary = new Uint8Array(8192).map((_, i) => ((i * 131) % 255) + 1);
		const cases: [Uint8Array, string, string][] = [
			[
				csv(['sep=;', 'Enhet,Förvaltning/bolag', 'Ny enhet,Farsta stadsdelsförvaltning']),
				'enheter.csv',
				'2 -: Rubrikraden ser ut att vara avgränsad med komma, men kolumnerna kunde inte skiljas åt. Spara filen som CSV med semikolon, komma eller tabb mellan kolumnerna, eller som Excel-arbetsbok med en rubrik i varje kolumn.'
			],
			[
				pdf,
				'enheter.xlsx',
				'- -: Filen är en PDF, inte en Excel-arbetsbok (.xlsx) eller en CSV-fil. Spara tabellen som Excel-arbetsbok eller som CSV och försök igen.'
			],
			[
				binary,
				'enheter.csv',
				'- -: Filen är ingen textfil och ingen Excel-arbetsbok, så den kan inte vara en CSV-fil. Spara tabellen som CSV eller som Excel-arbetsbok (.xlsx) och försök igen.'
			]
		];
		const before = snapshot();
		for (const [bytes, name, said] of cases) {
			const preview = await previewImport('units', bytes, name);
			expect(problems(preview), name).toEqual([said]);
			expect(preview.valid).toBe(false);
		}
		expect(snapshot()).toEqual(before);
	});
});

const ENTRY_HEADER = 'Enhet;Förvaltning/bolag;Tävlingsklass;Redovisning inkommen;Nämndprotokoll dnr;Protokollets datum;Protokoll inkommet';

describe('entries import', () => {
	const cycle2026 = () => db.select().from(table.cycle).where(eq(table.cycle.year, 2026)).get()!;

	it('a good file commits every entry in the current cycle, classes matched without case', async () => {
		seed('registration');
		const before = snapshot();
		const { preview, result } = await previewAndCommit(
			'entries',
			csv([
				ENTRY_HEADER,
				'Förskolan Humlan;Spånga-Tensta stadsdelsförvaltning;förskola;2026-05-15;ST 1.4.1-12/2026;2026-05-26;2026-06-12',
				'Kungsholmens hemtjänst;;ÄLDREOMSORG INKLUSIVE MYNDIGHETSUTÖVNING;2026-05-16;;;'
			])
		);
		expect(problems(preview)).toEqual([]);
		expect(result).toMatchObject({ ok: true, count: 2 });
		expect(snapshot()).toEqual([before[0], before[1] + 2, before[2] + 1, before[3], before[4]]);
		const humlan = db
			.select({ entry: table.entry, unit: table.unit, className: table.awardClass.nameSv })
			.from(table.entry)
			.innerJoin(table.unit, eq(table.unit.id, table.entry.unitId))
			.innerJoin(table.awardClass, eq(table.awardClass.id, table.entry.classId))
			.where(eq(table.unit.name, 'Förskolan Humlan'))
			.get()!;
		expect(humlan.entry).toMatchObject({
			cycleId: cycle2026().id,
			accountReceivedDate: '2026-05-15',
			minutesDnr: 'ST 1.4.1-12/2026',
			minutesMeetingDate: '2026-05-26',
			minutesReceivedDate: '2026-06-12',
			minutesBoardId: humlan.unit.boardId
		});
		expect(humlan.className).toBe('Förskola');
		const audit = db.select().from(table.auditLog).where(eq(table.auditLog.action, 'import.entries')).get()!;
		expect(audit).toMatchObject({ cycleId: cycle2026().id, after: expect.objectContaining({ count: 2 }) });
	});

	it('each kind of bad row is refused with line and reason, and nothing is written', async () => {
		seed('registration');
		const older = db.select().from(table.cycle).where(eq(table.cycle.year, 2025)).get()!;
		db.update(table.awardClass)
			.set({ nameSv: 'Fritid' })
			.where(and(eq(table.awardClass.cycleId, older.id), eq(table.awardClass.nameSv, 'Skola')))
			.run();
		const before = snapshot();
		const { preview, result } = await previewAndCommit(
			'entries',
			csv([
				ENTRY_HEADER,
				'Förskolan Humlan;;Fritid;;;;',
				'Liljeholmens fritidsgård;;Simning;;;;',
				'Enheten för hemlösa;;Socialtjänst och stöd och service till personer med funktionsnedsättning inklusive myndighetsutövning;;;;',
				'Finns inte;;Förskola;;;;',
				'Tensta träffpunkt;Okänd förvaltning;Förskola;;;;',
				'Tensta träffpunkt;;Förskola;18 maj;;;',
				'Fridhemsplans förskolor;;Förskola;;;2026-06-20;2026-06-12',
				'Aspuddens förskolor;;Förskola;;;;',
				'aspuddens förskolor;;Förskola;;;;'
			])
		);
		expect(problems(preview)).toEqual([
			'2 Tävlingsklass: Tävlingsklassen ”Fritid” hör till omgången 2025, inte till årets.',
			'3 Tävlingsklass: Tävlingsklassen ”Simning” finns inte i årets omgång. Välj en av: Förskola, Skola, Äldreomsorg inklusive myndighetsutövning, Socialtjänst och stöd och service till personer med funktionsnedsättning inklusive myndighetsutövning, Andra verksamheter.',
			'4 Enhet: Enheten har redan ett tävlingsbidrag i omgången.',
			'5 Enhet: Enheten ”Finns inte” finns inte.',
			'6 Förvaltning/bolag: Förvaltningen eller bolaget ”Okänd förvaltning” finns inte.',
			'7 Redovisning inkommen: ”18 maj” är inget datum; skriv ÅÅÅÅ-MM-DD.',
			'8 Protokollets datum: Protokollets datum ligger efter dagen då protokollet kom in. Kontrollera båda datumen.',
			'10 Enhet: Samma enhet anmäls redan på rad 9.'
		]);
		expect(result.ok).toBe(false);
		expect(snapshot()).toEqual(before);
	});

	it('a unit name shared by two organisations needs its organisation', async () => {
		seed('registration');
		const farsta = db.select().from(table.organisation).where(eq(table.organisation.name, 'Farsta stadsdelsförvaltning')).get()!;
		db.insert(table.unit).values({ name: 'Förskolan Humlan', organisationId: farsta.id }).run();
		const ambiguous = await previewImport('entries', csv([ENTRY_HEADER, 'Förskolan Humlan;;Förskola;;;;']), 'fil.csv');
		expect(problems(ambiguous)).toEqual([
			'2 Förvaltning/bolag: Flera enheter heter ”Förskolan Humlan”; ange förvaltning eller bolag.'
		]);
		const named = await previewImport('entries', csv([ENTRY_HEADER, 'Förskolan Humlan;Farsta stadsdelsförvaltning;Förskola;;;;']), 'fil.csv');
		expect(named.valid).toBe(true);
	});

	it('entries cannot be imported once assessment has begun', async () => {
		seed('assessment');
		const before = snapshot();
		const { preview, result } = await previewAndCommit('entries', csv([ENTRY_HEADER, 'Förskolan Humlan;;Förskola;;;;']));
		expect(problems(preview)).toEqual(['- -: Du kan bara importera bidrag medan omgången är i förberedelse eller anmälan.']);
		expect(result.ok).toBe(false);
		expect(snapshot()).toEqual(before);
	});
});
