/**
 * Which kept versions the version lists show (the examiner's assessment, the unit's written
 * account). Every autosave keeps a version, about one a second while someone types, so a list of
 * the latest versions alone reaches back less than a minute. The list therefore shows the latest
 * few as they are and thins the older ones with their age, so that an afternoon's or last week's
 * text can still be found and restored.
 */
import { stockholmDay } from './dates';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The latest versions, listed every one. */
export const LATEST_KEPT = 10;
/** All the rows a list shows. */
export const LISTED_VERSIONS = 30;

/**
 * The span an older version is listed for, by its age: one version per five minutes within the
 * last hour, per hour within the last day, and per day (in Stockholm) before that.
 */
function spanOf(savedAt: number, now: number): string {
	const age = now - savedAt;
	if (age < HOUR) return `m${Math.floor(savedAt / (5 * MINUTE))}`;
	if (age < DAY) return `h${Math.floor(savedAt / HOUR)}`;
	return `d${stockholmDay(new Date(savedAt))}`;
}

/**
 * The versions to list, newest first, from all kept versions newest first: the latest
 * `LATEST_KEPT`, then of each older span the newest version in it (how the text stood when that
 * span ended), up to `LISTED_VERSIONS` rows in all.
 */
export function listedVersions<V extends { savedAt: number }>(newestFirst: readonly V[], now: number): V[] {
	const listed = newestFirst.slice(0, LATEST_KEPT);
	let span = listed.length > 0 ? spanOf(listed[listed.length - 1].savedAt, now) : null;
	for (const version of newestFirst.slice(LATEST_KEPT)) {
		if (listed.length === LISTED_VERSIONS) break;
		const own = spanOf(version.savedAt, now);
		if (own === span) continue;
		listed.push(version);
		span = own;
	}
	return listed;
}
