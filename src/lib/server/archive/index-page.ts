/**
 * The package's table of contents as one HTML page that any browser opens from the unpacked
 * folder: the year, the state the package shows, and per section each file with a link, what it
 * holds, its size and its type. No script, no outside style, nothing fetched.
 */
import type { ArchiveManifest, ManifestFile } from '$lib/domain/archive';
import { formatDateTime, messages } from '$lib/i18n';
import type { Section } from './contents';
import { isPhase } from '$lib/domain/phases';

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const href = (path: string) => path.split('/').map(encodeURIComponent).join('/');

function size(bytes: number): string {
	if (bytes < 1024) return `${bytes} byte`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace('.', ',')} kB`;
	return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

export function indexPage(manifest: Omit<ArchiveManifest, 'files'>, files: (ManifestFile & { section: Section })[]): string {
	const sv = messages('sv');
	const p = sv.archive.package;
	const phaseName = (phase: string) => (isPhase(phase) ? sv.phases[phase] : phase);
	const title = p.title(manifest.cycle.name);
	const state = manifest.auditLogUntil ? p.asOf(manifest.auditLogUntil.id, formatDateTime(new Date(manifest.auditLogUntil.at), 'sv')) : p.noAudit;
	const sections = (Object.keys(p.sections) as Section[]).filter((s) => files.some((f) => f.section === s));
	// An entry's account links to the board minutes that approve the entry.
	const approvals = (f: ManifestFile) =>
		f.entryId === undefined
			? ''
			: files
					.filter((m) => m.minutes?.entryIds.includes(f.entryId!))
					.map((m) => `<br><a href="${href(m.path)}">${escape(p.files.minutesOf(m.minutes!.dnr))}</a>`)
					.join('');
	const rows = (section: Section) =>
		files
			.filter((f) => f.section === section)
			.map(
				(f) =>
					`<tr><td><a href="${href(f.path)}">${escape(f.path)}</a></td><td>${escape(f.title)}${approvals(f)}</td><td class="n">${size(f.bytes)}</td>` +
					`<td>${escape(f.mediaType.split(';')[0])}${f.pdfProfile ? ` (${escape(f.pdfProfile)})` : ''}, ${escape(p.origin[f.origin])}</td></tr>`
			)
			.join('\n');
	return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>
body { font-family: system-ui, sans-serif; color: #1a1a1a; max-width: 60rem; margin: 0 auto; padding: 1rem; line-height: 1.4; }
h1, h2 { color: #004b87; overflow-wrap: anywhere; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; min-width: 40rem; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; border-bottom: 1px solid #ccc; }
td a { overflow-wrap: anywhere; }
.n { text-align: right; white-space: nowrap; }
</style>
</head>
<body>
<header><p>${escape(p.city)}</p><h1>${escape(title)}</h1></header>
<main>
<p>${escape(p.intro)}</p>
<p>${escape(state)} ${escape(p.phase)}: ${escape(phaseName(manifest.cycle.phase))}.</p>
${sections
	.map(
		(s, i) => `<section aria-labelledby="s${i}">
<h2 id="s${i}">${escape(p.sections[s])}</h2>
<div class="scroll" role="region" aria-labelledby="s${i}" tabindex="0">
<table>
<thead><tr><th scope="col">${escape(p.file)}</th><th scope="col">${escape(p.content)}</th><th scope="col" class="n">${escape(p.size)}</th><th scope="col">${escape(p.type)}</th></tr></thead>
<tbody>
${rows(s)}
</tbody>
</table>
</div>
</section>`
	)
	.join('\n')}
</main>
</body>
</html>
`;
}
