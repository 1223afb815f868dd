import { defineConfig } from '@playwright/test';
import { chromiumExecutable, CHROMIUM_ARGS } from './scripts/chromium.mjs';

const PORT = 4173;

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: process.env.CI ? 'list' : 'line',
	timeout: 60_000,
	use: {
		baseURL: `http://localhost:${PORT}`,
		locale: 'sv-SE',
		trace: 'retain-on-failure',
		launchOptions: { executablePath: chromiumExecutable() ?? undefined, args: CHROMIUM_ARGS }
	},
	webServer: {
		// A fresh demo year in the assessment phase, served from the production build.
		command: `npx tsx scripts/demo.ts --no-build --phase assessment`,
		url: `http://localhost:${PORT}/login`,
		reuseExistingServer: false,
		timeout: 120_000,
		env: {
			PORT: String(PORT),
			ORIGIN: `http://localhost:${PORT}`,
			DATABASE_PATH: 'data/e2e/utmarkelse.db',
			DEMO_PASSWORD: 'demo-2026'
		}
	}
});
