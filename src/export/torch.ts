/**
 * `gradlab export --torch`: a scenario as a PyTorch script (and, for network scenarios, a JSON
 * data file beside it), written through scenarios/atomic.ts so that neither file is ever left
 * half-written, both or neither are written, and no existing file is replaced unless asked.
 */
import {existsSync} from 'node:fs';
import * as path from 'node:path';
import type {FileText} from '../scenarios/atomic.js';
import type {Scenario} from '../scenarios/types.js';
import {planExport, type ExportOptions} from './plan.js';
import {networkScript, surfaceScript} from './script.js';

export interface TorchExportOptions extends ExportOptions {
	/** Where the script goes; the data file is beside it, `.py` replaced by `.json`. */
	readonly out: string;
	/** How the scenario was named on the command line (a lesson id or a path). */
	readonly target: string;
	readonly version: string;
}

/** The data file that goes with a script: `x.py` → `x.json`, any other name gets `.json` added. */
export function dataFileFor(script: string): string {
	return script.toLowerCase().endsWith('.py') ? `${script.slice(0, -3)}.json` : `${script}.json`;
}

/** The paths an export of `scenario` to `script` writes: a network's data file and the script, or a surface's script. */
export function exportPaths(scenario: Scenario, script: string): string[] {
	return scenario.kind === 'network' ? [dataFileFor(script), script] : [script];
}

/** The files of a torch export, data first (a script never exists without its data). */
export function torchExport(scenario: Scenario, options: TorchExportOptions): FileText[] {
	const flags = `${options.steps === undefined ? '' : ` --steps ${options.steps}`}${options.seed === undefined ? '' : ` --seed ${options.seed}`}`;
	const dataPath = dataFileFor(options.out);
	const context = {
		command: `gradlab export ${options.target} --torch ${path.basename(options.out)}${flags}`,
		runCommand: `gradlab run ${options.target} --headless --format jsonl --every 1${flags}`,
		script: path.basename(options.out),
		dataFile: path.basename(dataPath),
		version: options.version,
	};
	const plan = planExport(scenario, options);
	if (plan.kind === 'surface') return [{path: options.out, text: surfaceScript(plan, context)}];
	return [
		{path: dataPath, text: `${JSON.stringify(plan.document)}\n`},
		{path: options.out, text: networkScript(plan, context)},
	];
}

/** Files that exist already, so a caller can refuse before writing anything. */
export function existingFiles(files: readonly FileText[]): string[] {
	return files.filter((f) => existsSync(f.path)).map((f) => f.path);
}
