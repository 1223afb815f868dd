/**
 * What a chart draws, as plain data the page can compute before chart.js has loaded: the parts of
 * chart.js to register (by export name) and the configuration. ChartFigure.svelte loads chart.js in
 * the browser only and draws it; the colours are the ones every chart shares.
 */
import type { ChartConfiguration } from 'chart.js';

/** The chart.js exports our charts register. */
export type ChartPart =
	| 'BarController'
	| 'BarElement'
	| 'LineController'
	| 'LineElement'
	| 'PointElement'
	| 'CategoryScale'
	| 'LinearScale'
	| 'RadarController'
	| 'RadialLinearScale'
	| 'Filler'
	| 'Legend'
	| 'Tooltip';

export interface ChartSpec {
	parts: ChartPart[];
	config: ChartConfiguration;
}

/** At least 4.5:1 against white where they carry text or marks. */
export const COLOURS = {
	ink: '#1a1a1a',
	muted: '#4d4d4d',
	grid: '#c8c8c8',
	barFill: '#9fbcd9',
	barEdge: '#004b87',
	mark: '#a4161a'
} as const;

export const LEGEND = { position: 'bottom', labels: { usePointStyle: true, color: COLOURS.ink, font: { size: 14 } } } as const;

/**
 * Horizontal bars on the 0–100 score scale, one labelled bar per row, with a second series laid
 * over them as points {x: score, y: row label}; `overlay.style` says how those are drawn.
 */
export function scoreBarSpec(
	labels: string[],
	bars: { label: string; data: (number | null)[] },
	overlay: { label: string; points: { x: number | null; y: string }[]; style: Record<string, unknown> }
): ChartSpec {
	return {
		parts: ['BarController', 'BarElement', 'LineController', 'LineElement', 'PointElement', 'CategoryScale', 'LinearScale', 'Legend', 'Tooltip'],
		config: {
			type: 'bar',
			data: {
				labels,
				datasets: [
					{ type: 'bar', label: bars.label, data: bars.data, backgroundColor: COLOURS.barFill, borderColor: COLOURS.barEdge, borderWidth: 1, order: 2 },
					// chart.js types a mixed chart's data by its main type (bar); line points are {x, y}.
					{ type: 'line', label: overlay.label, data: overlay.points as unknown as number[], ...overlay.style, order: 1 }
				]
			},
			options: {
				indexAxis: 'y',
				animation: false,
				responsive: true,
				maintainAspectRatio: false,
				scales: {
					x: { min: 0, max: 100, ticks: { color: COLOURS.muted }, grid: { color: COLOURS.grid } },
					y: { ticks: { color: COLOURS.ink, autoSkip: false } }
				},
				plugins: { legend: LEGEND }
			}
		}
	};
}

/** Long criterion titles broken into short lines, so that the labels of a narrow chart are not cut off. */
export function wrapLabel(label: string, width = 18): string[] {
	const lines: string[] = [];
	for (const word of label.split(/\s+/)) {
		const last = lines.length - 1;
		if (last >= 0 && lines[last].length + 1 + word.length <= width) lines[last] += ` ${word}`;
		else lines.push(word);
	}
	return lines;
}

/**
 * The drawing area's height for horizontal bars with wrapped labels (`wrapLabel`). chart.js gives
 * every row the same height, so each gets at least `rowRem` and at least what the label of most
 * lines needs (its ticks are 12 px on a 1.2 line): neighbouring labels never overlap. 5rem more
 * for the axis and the legend.
 */
export function wrappedRowsHeight(labels: string[][], rowRem: number): string {
	const lines = Math.max(0, ...labels.map((l) => l.length));
	return `${Math.max(12, labels.length * Math.max(rowRem, lines * 0.9 + 1) + 5)}rem`;
}

/**
 * Horizontal bars on the scale's six levels, one group per row and one bar per series (e.g. the
 * unit's own level beside the team's); a missing level leaves its bar out.
 */
export function levelBarSpec(labels: string[][], series: { label: string; data: (number | null)[]; fill: string }[], axis: string): ChartSpec {
	return {
		parts: ['BarController', 'BarElement', 'CategoryScale', 'LinearScale', 'Legend', 'Tooltip'],
		config: {
			type: 'bar',
			data: {
				labels,
				datasets: series.map((s) => ({ label: s.label, data: s.data, backgroundColor: s.fill, borderColor: COLOURS.barEdge, borderWidth: 1 }))
			},
			options: {
				indexAxis: 'y',
				animation: false,
				responsive: true,
				maintainAspectRatio: false,
				scales: {
					x: { min: 0, max: 6, ticks: { stepSize: 1, color: COLOURS.muted }, grid: { color: COLOURS.grid }, title: { display: true, text: axis, color: COLOURS.muted } },
					y: { ticks: { color: COLOURS.ink, autoSkip: false } }
				},
				plugins: { legend: LEGEND }
			}
		}
	};
}

/** Horizontal stacked bars of counts, one bar per row, one segment per series. */
export function countBarSpec(labels: string[][], series: { label: string; data: number[]; fill: string }[], axis: string): ChartSpec {
	return {
		parts: ['BarController', 'BarElement', 'CategoryScale', 'LinearScale', 'Legend', 'Tooltip'],
		config: {
			type: 'bar',
			data: { labels, datasets: series.map((s) => ({ label: s.label, data: s.data, backgroundColor: s.fill, borderColor: COLOURS.ink, borderWidth: 1 })) },
			options: {
				indexAxis: 'y',
				animation: false,
				responsive: true,
				maintainAspectRatio: false,
				scales: {
					x: { stacked: true, beginAtZero: true, ticks: { precision: 0, color: COLOURS.muted }, grid: { color: COLOURS.grid }, title: { display: true, text: axis, color: COLOURS.muted } },
					y: { stacked: true, ticks: { color: COLOURS.ink, autoSkip: false } }
				},
				plugins: { legend: LEGEND }
			}
		}
	};
}
