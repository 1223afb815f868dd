import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { readForm, text } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';
import { validate } from '$lib/server/http/validate';
import * as importer from '$lib/server/imports';
import { columnDocs } from '$lib/server/imports/templates';
import { ENTRY_IMPORT_PHASES } from '$lib/server/imports/entries';

export const load: PageServerLoad = (event) => {
	const { cycle } = requireArea(event, 'admin');
	return {
		cycle: cycle && { name: cycle.name, year: cycle.year },
		entriesOpen: Boolean(cycle && (ENTRY_IMPORT_PHASES as readonly string[]).includes(cycle.phase)),
		docs: { units: columnDocs('units'), entries: columnDocs('entries') },
		maxMb: importer.MAX_IMPORT_MB
	};
};

export const actions: Actions = {
	preview: async (event) => {
		requireArea(event, 'admin');
		const form = await readForm(event);
		const t = messagesOf(event.cookies).dataImport.issues;
		const kind = text(form, 'kind');
		const checked = validate(z.object({ kind: z.enum(importer.IMPORT_KINDS, { message: t.badKind() }) }), { kind });
		const file = form.get('file');
		const errors: Record<string, string> = checked.ok ? {} : checked.errors;
		if (!(file instanceof File) || file.name === '') errors.file = t.noFile();
		else if (file.size === 0) errors.file = t.empty();
		else if (file.size > importer.MAX_IMPORT_BYTES) errors.file = t.tooLarge(importer.MAX_IMPORT_MB);
		if (!checked.ok || Object.keys(errors).length > 0) return fail(400, { errors, values: { kind } });
		const upload = file as File;
		const preview = await importer.previewImport(checked.data.kind, new Uint8Array(await upload.arrayBuffer()), upload.name);
		return preview.valid ? { preview } : fail(400, { preview, values: { kind } });
	},

	commit: async (event) => {
		const { user } = requireArea(event, 'admin');
		const form = await readForm(event);
		const kind = text(form, 'kind');
		if (!importer.isImportKind(kind)) return fail(400, { errors: { kind: messagesOf(event.cookies).dataImport.issues.badKind() }, values: { kind } });
		const result = await importer.commitImport(kind, text(form, 'sha256'), text(form, 'fileName'), user.id);
		if (!result.ok) return fail(409, { preview: result.preview, stale: result.preview ? null : result.fileIssues, values: { kind } });
		redirect(303, `/admin/import/result/${result.auditId}`);
	}
};
