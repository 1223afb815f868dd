import { defineConfig } from '@playwright/test';
import { chromiumExecutable, CHROMIUM_ARGS } from './scripts/chromium.mjs';
import { journeyGroups } from './scripts/journey-groups';

type DemoPhase = 'registration' | 'assessment' | 'consensus' | 'jury' | 'feedback';

/**
 * A demo year served from the production build. Journeys that change data get a year, a port and
 * a data folder of their own, so they never disturb each other.
 */
function demoServer(port: number, phase: DemoPhase, dataDir: string, env: Record<string, string> = {}, flags = '') {
	return {
		command: `npx tsx scripts/demo.ts --no-build --phase ${phase}${flags ? ` ${flags}` : ''}`,
		url: `http://localhost:${port}/login`,
		reuseExistingServer: false,
		timeout: 120_000,
		env: {
			PORT: String(port),
			ORIGIN: `http://localhost:${port}`,
			DATABASE_PATH: `${dataDir}/utmarkelse.db`,
			FILES_DIR: `${dataDir}/files`,
			DEMO_PASSWORD: 'demo-2026',
			...env
		}
	};
}

const PORT = 4173;
const TEST_DIR = 'tests/e2e';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');


export default defineConfig({
	testDir: TEST_DIR,
	fullyParallel: false,
	// Journeys on different servers run beside each other; those sharing a server take turns, each
	// group in a project of one worker (scripts/journey-groups.ts).
	workers: Number(process.env.E2E_WORKERS ?? 2),
	projects: journeyGroups(TEST_DIR, PORT).map((group) => ({
		name: group.name,
		testMatch: group.files.map((file) => new RegExp(`(^|/)${escape(file)}$`)),
		workers: 1
	})),
	retries: 0,
	reporter: process.env.CI ? 'list' : 'line',
	timeout: 60_000,
	use: {
		baseURL: `http://localhost:${PORT}`,
		locale: 'sv-SE',
		trace: 'retain-on-failure',
		launchOptions: { executablePath: chromiumExecutable() ?? undefined, args: CHROMIUM_ARGS }
	},
	webServer: [
		// Sign-in and the role homes: read only. Its backups cannot be written (a folder inside a
		// device), so the admin's home shows a failing backup.
		demoServer(PORT, 'assessment', 'data/e2e', { BACKUP_DIR: '/dev/null/utmarkelse-backups' }),
		// Conflicts and teams (assignment.spec.ts): examiners and entries, no teams yet.
		demoServer(4175, 'registration', 'data/e2e-assignment'),
		// The ranked view (ranking.spec.ts): read only.
		demoServer(4176, 'jury', 'data/e2e-ranking'),
		// Ballots, decisions and closing (jury.spec.ts).
		demoServer(4177, 'jury', 'data/e2e-jury'),
		// Feedback reports (feedback.spec.ts): e-mail as .eml files that the journey reads.
		demoServer(4178, 'feedback', 'data/e2e-feedback', {
			OUTBOX_DIR: 'data/e2e-feedback/outbox',
			MAIL_POLL_MS: '300',
			SMTP_URL: ''
		}),
		// The written account as a form (account.spec.ts): accounts open, receipts as .eml files;
		// board minutes (minutes.spec.ts): it stands two weeks before the minutes deadline.
		demoServer(
			4223,
			'registration',
			'data/e2e-4223',
			{ OUTBOX_DIR: 'data/e2e-4223/outbox', MAIL_POLL_MS: '300', SMTP_URL: '' },
			'--stands-on 06-16'
		),
		// The unit's self-assessment (self-assessment.spec.ts): submits the first unit's account.
		demoServer(4241, 'registration', 'data/e2e-4241'),
		// The self-assessment's whole year (self-assessment-year.spec.ts): forms the teams, moves the
		// phases on and releases the first unit's report.
		demoServer(4253, 'registration', 'data/e2e-4253'),
		// Retention and a person's data (retention.spec.ts): archives the year.
		demoServer(4235, 'feedback', 'data/e2e-4235'),
		// Units, entries and written accounts (admin-units.spec.ts).
		demoServer(4183, 'assessment', 'data/e2e-units'),
		// Scoring (scoring.spec.ts): submits, reopens and reaches consensus.
		demoServer(4187, 'assessment', 'data/e2e-scoring'),
		// Cycles and eligibility (admin-cycle.spec.ts): creates a cycle and changes the phase.
		demoServer(4193, 'assessment', 'data/e2e-cycles'),
		// Single sign-on (sso.spec.ts): the local OpenID provider runs in the demo's process on 4212.
		demoServer(4211, 'jury', 'data/e2e-sso', { SSO_PROVIDER_PORT: '4212' }, '--sso')
	]
});
