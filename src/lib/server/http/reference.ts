/** A short reference shown to a person beside a failure and written to the server log with its details. */
export function errorReference(): string {
	return crypto.randomUUID().slice(0, 8).toUpperCase();
}
