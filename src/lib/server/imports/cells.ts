/**
 * Cell parsers for imported tables, written for what Swedish offices send: decimal commas, spaces
 * between thousands, ja/nej, ISO dates or Excel's serial days. Each parser turns a cell's text into
 * a value, or into an issue; an empty cell is `null` (whether that is allowed is the column's business).
 */
import { isIsoDay } from '$lib/domain/dates';
import { issue, type Format, type Issue } from './issues';

export type CellResult<T> = { ok: true; value: T | null } | { ok: false; issue: Issue };

export interface Cell<T> {
	parse(raw: string): CellResult<T>;
	/** How the format is described in the column documentation. */
	format: Format;
}

const ok = <T>(value: T | null): CellResult<T> => ({ ok: true, value });
const bad = <T>(found: Issue): CellResult<T> => ({ ok: false, issue: found });

/** Spaces of every kind: ordinary, no-break (Excel's thousands separator in sv-SE) and narrow no-break. */
const SPACES = /[\s\u00a0\u202f\u2007]+/g;

export function text(max: number): Cell<string> {
	return {
		format: { code: 'text', args: [max] },
		parse(raw) {
			const value = raw.replace(/\r\n?|\n/g, ' ').trim();
			if (value === '') return ok(null);
			return [...value].length > max ? bad(issue('tooLong', max)) : ok(value);
		}
	};
}

export function email(max = 254): Cell<string> {
	return {
		format: { code: 'email', args: [] },
		parse(raw) {
			const value = raw.trim();
			if (value === '') return ok(null);
			if (value.length > max || !/^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;".]{2,}$/.test(value)) {
				return bad(issue('badEmail', value));
			}
			return ok(value.toLowerCase());
		}
	};
}

/**
 * A number as typed in Sweden ("1 250 000", "-1 250 000,50", "51,5", "51 %") or as Excel stores it
 * ("51.5"). A point is read as a decimal point only when there is no comma; "1.250.000" is refused
 * rather than guessed.
 */
export function parseSwedishNumber(raw: string, suffix?: string): number | null {
	let value = raw.replace(SPACES, '').replace(/^\u2212|^\u2013/, '-');
	if (suffix && value.toLowerCase().endsWith(suffix)) value = value.slice(0, -suffix.length);
	if (/^[+-]?\d+(,\d+)?$/.test(value)) return Number(value.replace(',', '.'));
	if (/^[+-]?\d+(\.\d+)?$/.test(value)) return Number(value);
	if (/^[+-]?\d+(\.\d+)?e[+-]?\d+$/i.test(value)) return Number(value);
	return null;
}

interface NumberOptions {
	integer?: boolean;
	min?: number;
	max?: number;
	suffix?: string;
	format: Format;
}

function number(options: NumberOptions): Cell<number> {
	return {
		format: options.format,
		parse(raw) {
			const shown = raw.trim();
			if (shown === '') return ok(null);
			const value = parseSwedishNumber(shown, options.suffix);
			if (value === null || !Number.isFinite(value)) return bad(issue('notNumber', shown));
			if (options.integer && !Number.isInteger(value)) return bad(issue('notInteger', shown));
			const { min, max } = options;
			if (min !== undefined && max !== undefined && (value < min || value > max)) {
				return bad(issue('outOfRange', shown, min, max));
			}
			if (min !== undefined && value < min) return bad(issue('belowMin', shown, min));
			return ok(value);
		}
	};
}

/** A whole number from `min` up (staff, counts); `max` only keeps out the absurd. */
export function integer(min = 0, max = 1_000_000): Cell<number> {
	const cell = number({ integer: true, min, format: { code: 'integer', args: [min] } });
	return {
		format: cell.format,
		parse(raw) {
			const result = cell.parse(raw);
			if (result.ok && result.value !== null && result.value > max) return bad(issue('outOfRange', raw.trim(), min, max));
			return result;
		}
	};
}

/** A percentage 0–100; "51,5", "51 %" and "51.5" all work. */
export function percent(): Cell<number> {
	return number({ min: 0, max: 100, suffix: '%', format: { code: 'percent', args: [] } });
}

/**
 * Kronor, rounded to whole kronor (the database keeps whole kronor). A negative amount stays
 * negative however small, because the sign is what the deficit rule reads.
 */
export function money(): Cell<number> {
	const cell = number({ min: -1e12, max: 1e12, suffix: 'kr', format: { code: 'money', args: [] } });
	return {
		format: cell.format,
		parse(raw) {
			const result = cell.parse(raw);
			if (!result.ok || result.value === null) return result;
			const rounded = Math.round(Math.abs(result.value)) * Math.sign(result.value);
			return ok(result.value < 0 ? Math.min(-1, rounded) : rounded + 0);
		}
	};
}

const YES = new Set(['ja', 'j', 'x', '1', 'sant', 'true', 'yes', 'y']);
const NO = new Set(['nej', 'n', '0', 'falskt', 'false', 'no']);

export function boolean(): Cell<boolean> {
	return {
		format: { code: 'boolean', args: [] },
		parse(raw) {
			const value = raw.trim().toLowerCase();
			if (value === '') return ok(null);
			if (YES.has(value)) return ok(true);
			if (NO.has(value)) return ok(false);
			return bad(issue('notBoolean', raw.trim()));
		}
	};
}

/** Excel's day 0 in the 1900 date system (which counts a 29 February 1900 that never was). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** Serial days accepted as dates: 1990-01-01 to 2100-12-31, so a stray "2026" is not read as 1905. */
const SERIAL_MIN = 32874;
const SERIAL_MAX = 73415;

export function excelSerialToIsoDay(serial: number): string {
	return new Date(EXCEL_EPOCH + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/** YYYY-MM-DD (a time after it is ignored), YYYYMMDD, or an Excel serial day. */
export function date(): Cell<string> {
	return {
		format: { code: 'date', args: [] },
		parse(raw) {
			const value = raw.trim();
			if (value === '') return ok(null);
			const iso = /^(\d{4}-\d{2}-\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(value);
			if (iso) return isIsoDay(iso[1]) ? ok(iso[1]) : bad(issue('badDate', value));
			const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
			if (compact) {
				const day = `${compact[1]}-${compact[2]}-${compact[3]}`;
				return isIsoDay(day) ? ok(day) : bad(issue('badDate', value));
			}
			if (/^\d{5}([.,]\d+)?$/.test(value)) {
				const serial = Number(value.replace(',', '.'));
				if (serial >= SERIAL_MIN && serial <= SERIAL_MAX) return ok(excelSerialToIsoDay(serial));
			}
			return bad(issue('badDate', value));
		}
	};
}

/** Years separated by commas, semicolons or spaces: "2019, 2023". */
export function years(min = 1900, max = 2100): Cell<number[]> {
	return {
		format: { code: 'years', args: [] },
		parse(raw) {
			const parts = raw.split(/[,;\s\u00a0]+/).filter(Boolean);
			if (parts.length === 0) return ok(null);
			const found = new Set<number>();
			for (const part of parts) {
				const year = /^\d{4}$/.test(part) ? Number(part) : NaN;
				if (!(year >= min && year <= max)) return bad(issue('badYear', part));
				found.add(year);
			}
			return ok([...found].sort((a, b) => a - b));
		}
	};
}
