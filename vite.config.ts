import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.spec.ts'],
		environment: 'node',
		// Integration tests open their own in-memory SQLite; they are fast, so run files in parallel.
		pool: 'forks'
	}
});
