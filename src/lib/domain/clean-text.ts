/**
 * Text as it may be stored: everything a person can type, nothing that hides or breaks it. Applied
 * once where text enters (a posted form, an autosave's JSON, an imported cell), so every rule and
 * every page downstream sees clean text.
 */

// C0 control characters other than tab, line feed and carriage return (NUL among them) and DEL:
// nobody types them, and they break what is made of the text (XML, so Excel exports, allows none
// of them; NUL ends a text early in C libraries). The bidirectional
// embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069) reorder what a reader sees,
// so that a name or a note can show something other than what it says. The marks U+200E/U+200F
// change no order of their own and stay.
const UNWANTED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The text without control characters (tab and line breaks stay) and bidirectional overrides and
 * isolates, with a lone surrogate (half of a pair: a cut emoji, a forged request) replaced by
 * U+FFFD, as a UTF-8 encoder writes it; stored as it is, it turns into an error or a '?' in every
 * export. Swedish letters, emoji and every other character pass unchanged.
 */
export function cleanText(value: string): string {
	// Removing first means that a pair split only by a removed character is whole again.
	return value.replace(UNWANTED, '').toWellFormed();
}
