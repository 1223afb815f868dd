/** Texts of the shared chart components (src/lib/components/charts). */
export const sv = {
	showTable: 'Visa som tabell',
	criterion: 'Bedömningsgrund',
	fallback: 'Diagrammet kan inte visas här. Samma siffror finns i tabellen.',
	/** The canvas's accessible name: what it shows and where the numbers are. */
	label: (caption: string) => `${caption}. Siffrorna finns också i tabellen under diagrammet.`,
	/** The same, when the numbers are in a table elsewhere on the page. */
	labelElsewhere: (caption: string) => `${caption}. Siffrorna finns också i en tabell på sidan.`,
	numbersElsewhere: 'Siffrorna i tabellen'
};

export const en: typeof sv = {
	showTable: 'Show as table',
	criterion: 'Criterion',
	fallback: 'The chart cannot be shown here. The same numbers are in the table.',
	label: (caption) => `${caption}. The numbers are also in the table below the chart.`,
	labelElsewhere: (caption) => `${caption}. The numbers are also in a table on the page.`,
	numbersElsewhere: 'The numbers as a table'
};
