/**
 * The team-forming phase: the pool is split by class and grouped into standing teams of `teamSize`
 * (one lead-capable seed each), which later take one or two entries of their class as a unit. Forming
 * teams first is what makes "a team keeps the same members across its entries" hold by construction,
 * and it shrinks the flow network threefold (teams instead of examiners).
 *
 * This phase is a heuristic; nothing here can break a hard rule, because conflicts and capacities are
 * enforced when teams are matched to entries (staffing.ts), and examiners left out of teams remain
 * available to the examiner-level phases.
 */
import { isExpert, type Model } from './model.ts';

/**
 * Stockholm's teams take one or two entries (docs/assignment.md), so the pool is split for teams
 * of two.
 */
const ENTRIES_PER_TEAM = 2;

export interface Team {
	/** Examiner indices, ascending. */
	members: number[];
	/** A lead-capable member, the seed the team was built around. */
	lead: number;
	homeClass: number;
	/**
	 * How many entries the team can take together: its smallest member capacity. Matching makes each
	 * further entry dearer, so a team takes a third only when the alternative is splitting people
	 * across teams or leaving an entry open.
	 */
	units: number;
	/** Member pairs from the same organisation. */
	clashes: number;
}

export function formTeams(m: Model): Team[] {
	const pools = splitByClass(m);
	const teams: Team[] = [];
	pools.forEach((pool, c) => teams.push(...teamsOfClass(m, c, pool)));
	return teams;
}

/**
 * Gives every usable examiner a home class. Examiners with one class go there; those with several
 * go, in id order, to the class that most lacks leads (if they can lead) or seats; examiners without
 * any of the cycle's classes only join a class that is short, since anywhere else they would add
 * expertise misses that the class's own experts avoid.
 */
function splitByClass(m: Model): number[][] {
	const k = m.teamSize;
	const C = m.classIds.length;
	// Needs are counted in whole teams: seven entries need four teams of two-entry seats, not 3.5.
	const leadNeed = m.entriesByClass.map((es) => Math.ceil(es.length / ENTRIES_PER_TEAM));
	const seatNeed = leadNeed.map((teams) => teams * k * ENTRIES_PER_TEAM);
	const seats = new Array<number>(C).fill(0);
	const leads = new Array<number>(C).fill(0);
	const pools: number[][] = m.classIds.map(() => []);
	const join = (x: number, c: number) => {
		pools[c].push(x);
		seats[c] += Math.min(m.capacity[x], ENTRIES_PER_TEAM);
		leads[c] += m.leadCapable[x];
	};
	const classesOf = (x: number) => m.classIds.map((_, c) => c).filter((c) => isExpert(m, x, c));
	const usable = m.examinerIds.map((_, x) => x).filter((x) => m.capacity[x] > 0);

	const several: number[] = [];
	const none: number[] = [];
	for (const x of usable) {
		const own = classesOf(x);
		if (own.length === 1) join(x, own[0]);
		else (own.length === 0 ? none : several).push(x);
	}
	const neediest = (x: number, candidates: number[], onlyShort: boolean): number => {
		const leadGap = (c: number) => (leadNeed[c] - leads[c]) / Math.max(1, leadNeed[c]);
		const seatGap = (c: number) => (seatNeed[c] - seats[c]) / Math.max(1, seatNeed[c]);
		let best = -1;
		let bestScore = -Infinity;
		for (const c of candidates) {
			// A lead-capable examiner fills a lead gap before a seat gap: teams cannot form without leads.
			const score = m.leadCapable[x] && leadGap(c) > 0 ? 1 + leadGap(c) : seatGap(c);
			if (onlyShort && score <= 0) continue;
			if (score > bestScore) [best, bestScore] = [c, score];
		}
		return best;
	};
	for (const x of several) join(x, neediest(x, classesOf(x), false));
	const allClasses = m.classIds.map((_, c) => c);
	for (const x of none) {
		const c = neediest(x, allClasses, true);
		if (c >= 0) join(x, c);
	}
	return pools.map((pool) => pool.sort((a, b) => a - b));
}

function teamsOfClass(m: Model, c: number, pool: number[]): Team[] {
	const k = m.teamSize;
	// Experts first, then examiners who can take two entries, then id: the best-suited people are
	// the ones placed in teams when the pool is larger than the teams need.
	const suited = (a: number, b: number) =>
		Number(isExpert(m, b, c)) - Number(isExpert(m, a, c)) ||
		Math.min(m.capacity[b], ENTRIES_PER_TEAM) - Math.min(m.capacity[a], ENTRIES_PER_TEAM) ||
		a - b;
	const leads = pool.filter((x) => m.leadCapable[x]).sort(suited);
	const count = Math.min(Math.floor(pool.length / k), leads.length);
	if (count === 0) return [];
	const seeds = leads.slice(0, count);
	const seeded = new Set(seeds);
	const rest = pool
		.filter((x) => !seeded.has(x))
		.sort(suited)
		.slice(0, count * (k - 1));

	// Deal the members out round-robin, largest organisation first: consecutive colleagues land in
	// different teams, so no team has two members of one organisation while an organisation has at
	// most `count` members here.
	const orgSize = new Map<number, number>();
	for (const x of rest) orgSize.set(m.examinerOrg[x], (orgSize.get(m.examinerOrg[x]) ?? 0) + 1);
	rest.sort((a, b) => {
		const oa = m.examinerOrg[a];
		const ob = m.examinerOrg[b];
		return orgSize.get(ob)! - orgSize.get(oa)! || oa - ob || a - b;
	});
	const groups = seeds.map((s) => [s]);
	rest.forEach((x, j) => groups[j % count].push(x));
	reduceClashes(m, groups);

	return groups.map((members, i) => ({
		members: [...members].sort((a, b) => a - b),
		lead: seeds[i],
		homeClass: c,
		units: Math.min(...members.map((x) => m.capacity[x])),
		clashes: clashesOf(m, members)
	}));
}

export function clashesOf(m: Model, members: number[]): number {
	let clashes = 0;
	for (let i = 0; i < members.length; i++)
		for (let j = i + 1; j < members.length; j++) if (m.examinerOrg[members[i]] === m.examinerOrg[members[j]]) clashes++;
	return clashes;
}

/**
 * Local improvement: swap non-seed members between two teams whenever that lowers the number of
 * same-organisation pairs. Each swap strictly lowers the total, so the loop ends; the seeds stay,
 * so every team keeps its lead.
 */
function reduceClashes(m: Model, groups: number[][]): void {
	const orgCount = (group: number[], org: number) => group.reduce((n, x) => n + (m.examinerOrg[x] === org ? 1 : 0), 0);
	let improved = true;
	for (let pass = 0; improved && pass < 4; pass++) {
		improved = false;
		for (let g1 = 0; g1 < groups.length; g1++) {
			const t1 = groups[g1];
			for (let i = 1; i < t1.length; i++) {
				const oa = m.examinerOrg[t1[i]];
				if (orgCount(t1, oa) < 2) continue;
				swap: for (let g2 = 0; g2 < groups.length; g2++) {
					if (g2 === g1) continue;
					const t2 = groups[g2];
					for (let j = 1; j < t2.length; j++) {
						const ob = m.examinerOrg[t2[j]];
						if (ob === oa) continue;
						const gain = orgCount(t1, oa) - 1 + orgCount(t2, ob) - 1 - orgCount(t1, ob) - orgCount(t2, oa);
						if (gain > 0) {
							[t1[i], t2[j]] = [t2[j], t1[i]];
							improved = true;
							break swap;
						}
					}
				}
			}
		}
	}
}
