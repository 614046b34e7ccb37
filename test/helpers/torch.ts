/**
 * Running exported PyTorch scripts in tests: which python has torch, and how far a script's
 * records are from `gradlab run --headless --format jsonl`'s.
 */
import {spawnSync} from 'node:child_process';

/** Interpreters to try: $GRADLAB_PYTHON alone when set; else `python3` on PATH, then Debian's (which has python3-torch). */
const CANDIDATES = process.env.GRADLAB_PYTHON ? [process.env.GRADLAB_PYTHON] : ['python3', '/usr/bin/python3'];

/** The first interpreter that imports torch, or why none does. */
export function findTorchPython(): {python: string; version: string} | {reason: string} {
	const tried: string[] = [];
	for (const python of [...new Set(CANDIDATES)]) {
		const probe = spawnSync(python, ['-c', 'import torch; print(torch.__version__)'], {encoding: 'utf8', timeout: 120_000});
		if (probe.status === 0) return {python, version: probe.stdout.trim()};
		tried.push(`${python}: ${probe.error ? 'not found' : (probe.stderr.trim().split('\n').at(-1) ?? 'failed')}`);
	}
	return {reason: `no python imports torch (${tried.join('; ')})`};
}

type Json = Record<string, unknown>;

/**
 * A run is exploding once its loss exceeds this many times its first loss: from there on the
 * growth amplifies the 1e-16 rounding differences between any two implementations (a different
 * summation order in a matrix product) step after step.
 */
export const EXPLOSION = 1e6;

export interface Comparison {
	readonly records: number;
	/** Per field, the largest relative difference |a − b| / max(|a|, |b|) while no run is exploding. */
	readonly maxRelative: Record<string, number>;
	/** The same over the records of exploding runs (see EXPLOSION). */
	readonly maxRelativeExploding: Record<string, number>;
	/** Mismatches that are not a matter of degree: a missing record, a different flag, null or count. */
	readonly problems: string[];
}

const relative = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

function parse(text: string): Map<string, Json> {
	const records = text.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Json);
	return new Map(records.map((r) => [`${String(r.run)} @ step ${String(r.step)}`, r]));
}

/**
 * Compares every field of gradlab's records with the script's, keyed by run and step. Numbers by
 * relative difference; flags, nulls and counts must be equal. Fields the script leaves out
 * (gradlab's saturated and dead) are not compared.
 */
export function compareRecords(gradlab: string, script: string): Comparison {
	const ours = parse(gradlab);
	const theirs = parse(script);
	const maxRelative: Record<string, number> = {};
	const maxRelativeExploding: Record<string, number> = {};
	const problems: string[] = [];
	const firstLoss = new Map<unknown, number>();
	for (const [key, record] of ours) {
		const other = theirs.get(key);
		if (!other) {
			problems.push(`${key}: no record from the script`);
			continue;
		}
		const loss = record.loss;
		if (typeof loss === 'number' && !firstLoss.has(record.run)) firstLoss.set(record.run, Math.abs(loss));
		const exploding = typeof loss !== 'number' || Math.abs(loss) > EXPLOSION * Math.max(1, firstLoss.get(record.run) ?? 0);
		const into = exploding ? maxRelativeExploding : maxRelative;
		const compare = (field: string, a: unknown, b: unknown): void => {
			if (typeof a === 'number' && typeof b === 'number' && !['step', 'samples', 'divergedAt'].includes(field)) {
				into[field] = Math.max(into[field] ?? 0, relative(a, b));
			} else if (a !== b) {
				problems.push(`${key} ${field}: gradlab ${JSON.stringify(a)}, torch ${JSON.stringify(b)}`);
			}
		};
		for (const [field, value] of Object.entries(record)) {
			if (field !== 'layers') {
				compare(field, value, other[field]);
				continue;
			}
			const a = value as Json[];
			const b = other.layers as Json[] | undefined;
			if (a.length !== (b?.length ?? -1)) problems.push(`${key} layers: gradlab ${a.length}, torch ${b?.length}`);
			a.forEach((layer, l) => {
				for (const name of ['gradNormW', 'gradNormB', 'updateRatio']) compare(name, layer[name], b?.[l]?.[name]);
			});
		}
	}
	for (const key of theirs.keys()) if (!ours.has(key)) problems.push(`${key}: a record gradlab does not write`);
	return {records: ours.size, maxRelative, maxRelativeExploding, problems};
}

/** The largest value of a field map (0 when empty). */
export function worst(fields: Record<string, number>): number {
	return Math.max(0, ...Object.values(fields));
}
