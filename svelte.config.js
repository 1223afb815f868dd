import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Same-origin form posts only; adapter-node reads ORIGIN for the real host name.
		csrf: { trustedOrigins: [] }
	}
};

export default config;
