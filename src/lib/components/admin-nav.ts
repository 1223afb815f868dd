import type { Messages } from '$lib/i18n';

/** The admin's sub-navigation: one line per area, its label from that area's catalogue section. */
export const ADMIN_SECTIONS: { href: string; label: (m: Messages) => string }[] = [
	{ href: '/admin', label: (m) => m.admin.overviewNav }
];
