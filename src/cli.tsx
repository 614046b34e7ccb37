#!/usr/bin/env -S node --max-semi-space-size=1 --heap-growing-percent=50 --v8-pool-size=1 --no-memory-reducer
/**
 * gradlab's entry point: parse the command line, run one command, exit with its code.
 * The #! line sets V8's memory for a dashboard that sits beside nine others on a class's server
 * (flags are process-wide, and the main thread's heap exists before any code here could set one;
 * each measured by `npm run bench:idle`, RSS of a training dashboard in MiB, CPU of a paused one):
 * - young generation 1 MiB a half, not up to 8 on the main thread's rendering garbage and 16 in
 *   each worker (training allocates next to nothing): −30;
 * - the old generation grows 50% past what is alive, not up to 4× while it allocates fast: −10;
 * - one V8 helper thread, not four (each had its own malloc arena and stacks): −12;
 * - no memory reducer: it woke every heap for a collection seconds after the last allocation,
 *   and again, so a paused dashboard used 0.1–0.7% of a core instead of none.
 */
import {parseCli} from './cli/args.js';
import {check, exportCommand, list, newScenario, runCommand} from './cli/commands.js';
import {describeFailure} from './cli/errors.js';
import {chooseDisplay, type Display} from './cli/locale.js';
import {USAGE} from './cli/usage.js';
import {packageVersion} from './paths.js';
import {writeReason} from './scenarios/atomic.js';
import {asciiText} from './ui/kit/ascii.js';

/** Until the flags are read, the locale alone says how to speak. */
let display: Display = chooseDisplay({ascii: false});

async function main(argv: readonly string[]): Promise<number> {
	const parsed = parseCli(argv);
	display = chooseDisplay(parsed);
	if (display.notice) process.stderr.write(`${display.notice}\n`);
	const options = {...parsed, ascii: display.ascii};
	const {language} = display;
	switch (options.command) {
		case 'help':
			process.stdout.write(options.ascii ? asciiText(USAGE[language]) : USAGE[language]);
			return 0;
		case 'version':
			process.stdout.write(`${packageVersion()}\n`);
			return 0;
		case 'list':
			return list(options, language, process.stdout, process.stderr);
		case 'check':
			return check(options, language, process.stdout, process.stderr);
		case 'new':
			return newScenario(options, language, process.cwd(), process.stdout, process.stderr);
		case 'export':
			return exportCommand(options, language, process.stderr);
		case 'run':
			if (options.headless) return runCommand(options, language, process.stdout, process.stderr);
			break;
		case 'dashboard':
		case 'tour':
		case 'view':
			break;
	}
	const {startDashboard, startReplay} = await import('./cli/dashboard.js');
	const code = options.command === 'view' ? await startReplay(options, language) : await startDashboard(options, language);
	// The terminal is restored; nothing the dashboard started may outlive it (a worker thread still
	// in a long step, a timer), least of all after the terminal hung up.
	process.exit(code);
}

// `gradlab run … | head`: the reader has gone; stop quietly like any Unix filter. A terminal that
// hung up (EIO) cannot be drawn on or restored: end. A full disk (`> /dev/full`) is a failure to say.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(0);
	if (error.code === 'EIO') process.exit(129);
	process.stderr.write(`gradlab: cannot write to stdout: ${writeReason(error)}\n`);
	process.exit(1);
});

try {
	process.exitCode = await main(process.argv.slice(2));
} catch (error) {
	const failure = describeFailure(error, display.language);
	process.stderr.write(`${failure.message}\n`);
	process.exitCode = failure.code;
}
