/**
 * The pool divided among the classes, for solving a pool too large for one model class by class
 * (docs/assignment.md §4). Teams never span classes, so once each examiner belongs to one class the
 * classes are separate problems; the division is a choice, so a plan made this way is the best
 * possible only where it meets the bounds proven for the whole pool.
 *
 * Examiners who know one class go to it. Those who know several are dealt out, in order of id, to
 * the one of their classes with the fewest people per entry so far (those who can lead first, by
 * leads per entry, since every team needs its own); then, since a class of p people can form at most
 * ⌊p / teamSize⌋ teams and more teams make loads more even, those who know several classes are moved
 * while that leaves fewer classes whose counts are not whole teams.
 * Examiners without any class with entries, or without capacity, are left out.
 */
import { isExpert, type Model } from './model.ts';

export function divideExaminers(m: Model): number[][] {
	const C = m.classIds.length;
	const T = m.teamSize;
	const classOf = new Int32Array(m.examinerIds.length).fill(-1);
	const people = new Array<number>(C).fill(0);
	const known = (x: number) => m.classIds.map((_, c) => c).filter((c) => isExpert(m, x, c));
	const flexible: number[] = [];
	for (let x = 0; x < m.examinerIds.length; x++) {
		const classes = known(x);
		if (m.capacity[x] < 1 || classes.length === 0) continue;
		if (classes.length === 1) (classOf[x] = classes[0]), people[classes[0]]++;
		else flexible.push(x);
	}
	const leads = new Array<number>(C).fill(0);
	classOf.forEach((c, x) => c >= 0 && m.leadCapable[x] && leads[c]++);
	const perEntry = (count: number[], c: number) => count[c] / m.entriesByClass[c].length;
	// Every team needs its own lead, so those who can lead are dealt out first, by leads per entry.
	for (const x of [...flexible.filter((x) => m.leadCapable[x]), ...flexible.filter((x) => !m.leadCapable[x])]) {
		const count = m.leadCapable[x] ? leads : people;
		const c = known(x).reduce((best, c) => (perEntry(count, c) < perEntry(count, best) ? c : best));
		classOf[x] = c;
		people[c]++;
		if (m.leadCapable[x]) leads[c]++;
	}
	// A move is taken only when fewer classes are left with a remainder, so the loop ends.
	const remainders = () => people.filter((p) => p % T !== 0).length;
	for (let moved = true; moved; ) {
		moved = false;
		for (const x of flexible) {
			const from = classOf[x];
			const before = remainders();
			const to = known(x).find((c) => {
				if (c === from) return false;
				people[from]--, people[c]++;
				const better = remainders() < before;
				people[from]++, people[c]--;
				return better;
			});
			if (to === undefined) continue;
			people[from]--, people[to]++;
			classOf[x] = to;
			moved = true;
		}
	}
	const division: number[][] = m.classIds.map(() => []);
	classOf.forEach((c, x) => c >= 0 && division[c].push(x));
	return division;
}
