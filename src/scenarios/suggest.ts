/**
 * "Did you mean …?" for typos in scenario files: the nearest allowed name by edit distance,
 * offered only when it is close enough to be a plausible slip of the fingers.
 */

/**
 * Damerau–Levenshtein distance (optimal string alignment): insertions, deletions,
 * substitutions and swaps of two neighbours each cost 1 — "adma" is one step from "adam".
 */
export function editDistance(a: string, b: string): number {
	const m = a.length;
	const n = b.length;
	// Three rolling rows: the swap rule looks two rows back.
	let prev2 = new Array<number>(n + 1).fill(0);
	let prev = Array.from({length: n + 1}, (_, j) => j);
	let cur = new Array<number>(n + 1).fill(0);
	for (let i = 1; i <= m; i++) {
		cur[0] = i;
		for (let j = 1; j <= n; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
			cur[j] = d;
		}
		[prev2, prev, cur] = [prev, cur, prev2];
	}
	return prev[n]!;
}

/** Names people reach for from other tools, which edit distance cannot connect. */
const ALIASES: Readonly<Record<string, string>> = {
	learning_rate: 'lr',
	learningrate: 'lr',
	beta1: 'betas',
	beta2: 'betas',
	batch_size: 'batch',
	batchsize: 'batch',
	iterations: 'steps',
	layers: 'hidden',
	hidden_layers: 'hidden',
	optimiser: 'optimizer',
	xavier: 'xavier-uniform',
	glorot: 'xavier-uniform',
	kaiming: 'he-normal',
	he: 'he-normal',
	gd: 'sgd',
	cross_entropy: 'cross-entropy',
	crossentropy: 'cross-entropy',
	ce: 'cross-entropy',
	t_max: 'steps',
	total_iters: 'steps',
	step_size: 'every',
	eta_min: 'min_lr',
	lr_scheduler: 'schedule',
	scheduler: 'schedule',
};

/**
 * The allowed name nearest to `input`, or undefined when none is close: within a third of the
 * longer name's length (at least 1), ignoring case and `-`/`_`/space differences; failing that,
 * the first name that starts with the input (`leaky` → `leaky_relu`). Known aliases come first (`learning_rate` → `lr`).
 */
export function suggest(input: string, allowed: readonly string[]): string | undefined {
	const norm = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, '_');
	const key = norm(input);
	if (key === '') return undefined;
	const alias = Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined;
	if (alias !== undefined && allowed.includes(alias)) return alias;
	let best: string | undefined;
	let bestDistance = Infinity;
	for (const name of allowed) {
		const d = editDistance(key, norm(name));
		if (d < bestDistance) {
			best = name;
			bestDistance = d;
		}
	}
	if (best !== undefined && bestDistance <= Math.max(1, Math.floor(Math.max(key.length, best.length) / 3))) return best;
	if (key.length >= 2) return allowed.find((name) => norm(name).startsWith(key));
	return undefined;
}

/** `(did you mean "x"?)` with a leading space, or '' when nothing is close. */
export function didYouMean(input: string, allowed: readonly string[]): string {
	const s = suggest(input, allowed);
	return s === undefined || s === input ? '' : ` (did you mean "${s}"?)`;
}
