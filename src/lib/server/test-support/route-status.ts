/** What a person would get from a route's load, action or handler, as route tests compare it. */
import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';

/**
 * The status of what `run` answers: a response's or a refused action's own, a thrown error's or
 * redirect's, and 200 for data. Anything else thrown is a fault in the route, not an answer, and
 * fails the test.
 */
export async function statusOf(run: () => unknown): Promise<number> {
	try {
		const result = await run();
		if (result instanceof Response) return result.status;
		if (isActionFailure(result)) return result.status;
		return 200;
	} catch (e) {
		if (isRedirect(e) || isHttpError(e)) return e.status;
		throw e;
	}
}
