import { describe, expect, it } from 'vitest';
import { groupByServers, journeyGroups, portsOf } from './journey-groups';

describe('portsOf', () => {
	it('reads the ports a journey names, and adds the default server when it sets no base URL of its own', () => {
		expect(portsOf(`const BASE = 'http://localhost:4175';\ntest.use({ baseURL: BASE });`, 4173)).toEqual([4175]);
		expect(portsOf(`await page.goto('/login');`, 4173)).toEqual([4173]);
		expect(portsOf(`const APP = 'http://localhost:4223';\nconst P = 'http://127.0.0.1:4212';`, 4173).sort()).toEqual([4173, 4212, 4223]);
	});
});

describe('groupByServers', () => {
	it('joins journeys that share a server, also through a third, and keeps the others apart', () => {
		const groups = groupByServers([
			{ file: 'a.spec.ts', ports: [4173] },
			{ file: 'b.spec.ts', ports: [4173, 4176] },
			{ file: 'c.spec.ts', ports: [4176] },
			{ file: 'd.spec.ts', ports: [4177] }
		]);
		expect(groups.map((g) => g.files)).toEqual([['a.spec.ts', 'b.spec.ts', 'c.spec.ts'], ['d.spec.ts']]);
		expect(groups[0].name).toBe('servers 4173+4176');
	});

	it('places every journey of the suite in exactly one group', () => {
		const groups = journeyGroups('tests/e2e', 4173);
		const files = groups.flatMap((g) => g.files);
		expect(new Set(files).size).toBe(files.length);
		expect(files).toContain('sign-in.spec.ts');
		expect(groups.find((g) => g.files.includes('sign-in.spec.ts'))?.files).toContain('refusals.spec.ts');
	});
});
