/** Interactive mode: checks the terminal, then hands over to the Ink app. */
import type {Language} from '../scenarios/types.js';
import type {CliOptions} from './args.js';

export async function startDashboard(options: CliOptions, _language: Language): Promise<number> {
	if (!process.stdout.isTTY || !process.stdin.isTTY) {
		process.stderr.write('gradlab: the dashboard needs an interactive terminal (stdout and stdin are not a TTY).\nFor scripts and logs use: gradlab run <lesson> --headless [--format jsonl]\n');
		return 2;
	}
	process.stdout.write(`gradlab: the dashboard is not built yet; try gradlab run ${options.targets[0] ?? 'vanishing-gradients'} --headless\n`);
	return 0;
}
