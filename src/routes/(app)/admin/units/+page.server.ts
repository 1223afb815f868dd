import type { PageServerLoad } from './$types';
import { requireArea } from '$lib/server/auth/guards';
import { organisationOptions } from '$lib/server/registry/organisations';
import { sortParams } from '$lib/server/registry/sorting';
import { listUnits, UNIT_SORTS } from '$lib/server/registry/units';

export const load: PageServerLoad = (event) => {
	const { cycle } = requireArea(event, 'admin');
	const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 200);
	const organisation = event.url.searchParams.get('organisation') ?? '';
	const organisationId = /^\d{1,12}$/.test(organisation) ? Number(organisation) : null;
	const { sort, dir } = sortParams(event.url, UNIT_SORTS, 'name');
	return {
		q,
		organisation: organisationId === null ? '' : String(organisationId),
		sort,
		dir,
		cycle: cycle && { name: cycle.name },
		units: listUnits({ query: q, organisationId, sort, dir }, cycle?.id ?? null),
		organisations: organisationOptions()
	};
};
