/**
 * Unpacks an archive package with the tool's own ZIP reader (the one that reads uploaded
 * workbooks, not the writer that made the package) and checks every file against its manifest.
 * Relative imports only: the browser journeys import it too, without the app's aliases.
 */
import { createHash } from 'node:crypto';
import { entryBytes, zipEntries } from '../imports/zip';
import { MANIFEST_FILE, packageProblems, sniffMediaType, type ArchiveManifest, type UnpackedFile } from '../../domain/archive';

export interface UnpackedPackage {
	manifest: ArchiveManifest;
	files: Map<string, Buffer>;
	problems: string[];
}

export function unpackAndCheck(zip: Uint8Array): UnpackedPackage {
	const entries = zipEntries(zip);
	if (!entries) throw new Error('Filen är inget läsbart ZIP-arkiv.');
	const files = new Map(entries.map((e) => [e.name, entryBytes(zip, e)]));
	const manifestBytes = files.get(MANIFEST_FILE);
	if (!manifestBytes) throw new Error(`${MANIFEST_FILE} saknas i paketet.`);
	const manifest = JSON.parse(manifestBytes.toString('utf8')) as ArchiveManifest;
	const found: UnpackedFile[] = [...files].map(([path, content]) => {
		const head = content.subarray(0, 5).toString('latin1');
		return {
		path,
		sha256: createHash('sha256').update(content).digest('hex'),
		bytes: content.length,
		mediaType: sniffMediaType(path, head === '%PDF-' ? head : content.toString('utf8'))
		};
	});
	const duplicates = entries.length - files.size;
	const problems = packageProblems(manifest, found);
	if (duplicates > 0) problems.push(`${duplicates} filnamn förekommer mer än en gång i paketet.`);
	return { manifest, files, problems };
}
