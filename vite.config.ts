import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default defineConfig({
	plugins: [sveltekit()],
	// Rolldown's table of the slowest plugins after every build says nothing a build here needs.
	build: { rolldownOptions: { checks: { pluginTimings: false } } },
	test: {
		include: ['src/**/*.spec.ts', 'tests/routes/**/*.spec.ts', 'scripts/**/*.spec.ts'],
		environment: 'node',
		// Integration tests open their own in-memory SQLite; they are fast, so run files in parallel.
		pool: 'forks',
		// Documents the tests store (the demo's accounts, uploads) go to a temp dir, never data/files.
		env: { FILES_DIR: join(tmpdir(), 'utmarkelse-test-files') }
	}
});
