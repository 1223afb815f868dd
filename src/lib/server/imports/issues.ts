/**
 * Problems found in an imported file, as data: a code from the catalogue's `dataImport.issues`
 * with that text's arguments. The page words them in the reader's language; tests word them in
 * Swedish with `describeIssue`.
 */
import type { Messages } from '$lib/i18n';

type IssueTexts = Messages['dataImport']['issues'];
export type IssueCode = keyof IssueTexts;
export type Issue = { [C in IssueCode]: { code: C; args: Parameters<IssueTexts[C]> } }[IssueCode];

type FormatTexts = Messages['dataImport']['formats'];
export type Format = { [C in keyof FormatTexts]: { code: C; args: Parameters<FormatTexts[C]> } }[keyof FormatTexts];

/** Where an issue is: the file's line (1-based, as a text editor or Excel counts) and the column's header. */
export interface LocatedIssue {
	line: number | null;
	column: string | null;
	issue: Issue;
}

export function issue<C extends IssueCode>(code: C, ...args: Parameters<IssueTexts[C]>): Issue {
	return { code, args } as Issue;
}

export function at(line: number | null, column: string | null, found: Issue): LocatedIssue {
	return { line, column, issue: found };
}

export function describeIssue(found: Issue, m: Messages): string {
	return (m.dataImport.issues[found.code] as (...args: unknown[]) => string)(...found.args);
}

export function describeFormat(format: Format, m: Messages): string {
	return (m.dataImport.formats[format.code] as (...args: unknown[]) => string)(...format.args);
}
