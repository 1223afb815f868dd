import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Same-origin form posts only, checked by handleForeignPosts in src/hooks.server.ts, which
		// answers in the person's language; SvelteKit's own check, which would run first and answer
		// in English, is turned off by trusting every origin here. adapter-node reads ORIGIN for the
		// real host name.
		csrf: { trustedOrigins: ['*'] },
		// Every page says where its parts may come from: this server only. SvelteKit adds a nonce
		// to its own start-up script. Inline style attributes stay allowed: components set
		// widths and colours through them.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'frame-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['self']
			}
		}
	}
};

export default config;
