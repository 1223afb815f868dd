import type { Messages } from '$lib/i18n';

/** The admin's sub-navigation: one line per area, its label from that area's catalogue section. */
export const ADMIN_SECTIONS: { href: string; label: (m: Messages) => string }[] = [
	{ href: '/admin', label: (m) => m.admin.overviewNav },
	{ href: '/admin/cycles', label: (m) => m.cycles.nav },
	{ href: '/admin/organisations', label: (m) => m.units.orgNav },
	{ href: '/admin/units', label: (m) => m.units.unitNav },
	{ href: '/admin/entries', label: (m) => m.entries.nav },
	{ href: '/admin/registrations', label: (m) => m.registration.admin.nav },
	{ href: '/admin/eligibility', label: (m) => m.eligibility.nav },
	{ href: '/admin/examiners', label: (m) => m.assignment.pool.nav },
	{ href: '/admin/sign-in', label: (m) => m.signOn.admin.nav },
	{ href: '/admin/assignment', label: (m) => m.assignment.teams.nav },
	{ href: '/admin/import', label: (m) => m.dataImport.nav },
	{ href: '/admin/progress', label: (m) => m.scoring.nav },
	{ href: '/admin/feedback', label: (m) => m.feedback.nav },
	{ href: '/admin/retention', label: (m) => m.retention.nav },
	{ href: '/admin/people', label: (m) => m.retention.person.nav },
	{ href: '/ranking', label: (m) => m.ranking.nav }
];
