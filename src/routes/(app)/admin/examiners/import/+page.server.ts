import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { readForm, text } from '$lib/server/http/request';
import { messagesOf } from '$lib/server/http/locale';
import { commitPoolImport, MAX_POOL_IMPORT_BYTES, MAX_POOL_IMPORT_MB, poolColumnDocs, previewPoolImport } from '$lib/server/examiners/import';

export const load: PageServerLoad = (event) => {
	const { cycle } = requireArea(event, 'admin');
	if (!cycle) error(404, { message: 'not-found' });
	return { cycle: { name: cycle.name }, docs: poolColumnDocs(messagesOf(event.cookies), cycle.defaultCapacity), maxMb: MAX_POOL_IMPORT_MB };
};

export const actions: Actions = {
	preview: async (event) => {
		const { cycle } = requireArea(event, 'admin');
		if (!cycle) error(404, { message: 'not-found' });
		const form = await readForm(event);
		const m = messagesOf(event.cookies);
		const t = m.dataImport.issues;
		const file = form.get('file');
		let problem: string | null = null;
		if (!(file instanceof File) || file.name === '') problem = t.noFile();
		else if (file.size === 0) problem = t.empty();
		else if (file.size > MAX_POOL_IMPORT_BYTES) problem = t.tooLarge(MAX_POOL_IMPORT_MB);
		if (problem) return fail(400, { errors: { file: problem } });
		const upload = file as File;
		const preview = await previewPoolImport(cycle.id, new Uint8Array(await upload.arrayBuffer()), upload.name, m);
		return preview.valid ? { preview } : fail(400, { preview });
	},

	commit: async (event) => {
		const { user, cycle } = requireArea(event, 'admin');
		if (!cycle) error(404, { message: 'not-found' });
		const form = await readForm(event);
		const m = messagesOf(event.cookies);
		const fileName = text(form, 'fileName');
		const result = await commitPoolImport(cycle.id, text(form, 'sha256'), fileName, user.id, m);
		if (!result.ok) {
			return fail(409, result.preview ? { preview: result.preview } : { errors: { file: m.dataImport.issues.staleUpload() } });
		}
		redirect(303, `/admin/examiners/import?imported=${result.count}&file=${encodeURIComponent(fileName.slice(0, 200))}`);
	}
};
