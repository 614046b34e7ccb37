import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		// The CLI and e2e tests run dist/bundle/: rebuilt first if a source is newer (npm test has just built it).
		globalSetup: ['test/global-setup.ts'],
		testTimeout: 30_000,
		hookTimeout: 30_000,
	},
});
