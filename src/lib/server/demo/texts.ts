/**
 * The demo's written words, drawn from the bank in `comment-bank.ts` by the level of the score, so
 * that entries read differently and a strong entry reads strong. Deterministic: all drawing goes
 * through a seeded generator.
 */
import { bandOf } from '../../domain/default-model';
import { seededRandom } from '../../domain/seeded-random';
import { AREAS, FINDINGS, IMPROVEMENTS, STRENGTHS, SUMMARIES } from './comment-bank';

type Random = () => number;

/** 0 below 50, 1 for 50–65, 2 from 70: the bank's three levels over the scale's six bands. */
export function levelOf(score: number): 0 | 1 | 2 {
	const band = bandOf(score);
	return band <= 2 ? 0 : band === 3 ? 1 : 2;
}

/**
 * One examiner's comment on one score: a strength and an improvement. Exactly two draws from
 * `random`, so the scores drawn after it stay the same whatever the bank holds.
 */
export function examinerComment(random: Random, criterionKey: string, score: number) {
	const level = levelOf(score);
	const pick = (list: string[]) => list[Math.floor(random() * list.length)];
	return { strengths: [pick(STRENGTHS[criterionKey][level])], improvements: [pick(IMPROVEMENTS[criterionKey][level])] };
}

/**
 * The teams' texts: consensus comments, summaries and site-visit findings. Each list is dealt like
 * a shuffled deck, fresh for each class, so the entries of a class (which the jury compares side by
 * side) get different texts until the list is used up.
 */
export function teamTexts(seed: number) {
	const random = seededRandom(seed);
	const decks = new Map<string, string[]>();
	let currentClass: number | null = null;
	const deal = (key: string, list: string[], count: number): string[] => {
		const dealt: string[] = [];
		while (dealt.length < Math.min(count, list.length)) {
			let deck = decks.get(key);
			if (!deck || deck.length === 0) decks.set(key, (deck = shuffle(list.filter((t) => !dealt.includes(t)), random)));
			dealt.push(deck.pop()!);
		}
		return dealt;
	};
	return {
		/** Starts fresh decks when the entries to come are of another class. */
		forClass(classIdx: number) {
			if (classIdx !== currentClass) decks.clear();
			currentClass = classIdx;
		},
		/** A strong score gets more strengths than improvements, a weak one the other way round. */
		comments(criterionKey: string, score: number) {
			const level = levelOf(score);
			const [strengths, improvements] = [[1, 2], [1, 1], [2, 1]][level];
			return {
				strengths: deal(`s:${criterionKey}:${level}`, STRENGTHS[criterionKey][level], strengths),
				improvements: deal(`i:${criterionKey}:${level}`, IMPROVEMENTS[criterionKey][level], improvements)
			};
		},
		/** Names the strongest and the weakest criterion; `scores` are by criterion key, in the model's order. */
		summary(unitName: string, total: number, scores: [string, number][]) {
			const best = scores.reduce((a, b) => (b[1] > a[1] ? b : a));
			const weakest = scores.reduce((a, b) => (b[1] < a[1] ? b : a));
			const level = levelOf(total);
			const [template] = deal(`summary:${level}`, SUMMARIES[level], 1);
			return template
				.replace('{unit}', unitName)
				.replace(/(^|\. )\{best\}/, (_, before: string) => before + capitalise(AREAS[best[0]]))
				.replace('{best}', AREAS[best[0]])
				.replace('{weakest}', AREAS[weakest[0]]);
		},
		findings(total: number): string {
			const level = levelOf(total);
			return deal(`findings:${level}`, FINDINGS[level], 1)[0];
		}
	};
}

function shuffle<T>(list: T[], random: Random): T[] {
	const out = [...list];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
