/** A short reference shown to a person beside a failure and written to the server log with its details. */
export function errorReference(): string {
	return crypto.randomUUID().slice(0, 8).toUpperCase();
}

/** A crash written to the server log under a new reference, which the person is shown. */
export function logCrash(method: string, pathname: string, error: unknown): string {
	const reference = errorReference();
	console.error(`[${reference}] ${method} ${pathname}`, error);
	return reference;
}
