/**
 * Defaults and argument checks for the optimizers, as `torch.optim` 2.x has them — the one place
 * for both. The core throws on a bad config; the scenario layer builds its file schema from
 * OPTION_CHECKS and reports `optimizerProblems` with the field paths where they were written.
 */
import {OPTIMIZER_NAMES, type OptimizerConfig, type OptimizerName} from './optimizer.js';

/** A config's hyperparameters, without the name. */
export type OptimizerOptions = Omit<OptimizerConfig, 'name'>;
export type OptionName = keyof OptimizerOptions;

/**
 * `torch.optim` 2.x's defaults per name. The keys of an entry are exactly the options that
 * optimizer takes. `momentum` and `nesterov` are our names for `SGD(momentum=0.9)` and
 * `SGD(momentum=0.9, nesterov=True)`; they keep SGD's lr of 1e-3 so that `{name: 'momentum'}`
 * means the same as the torch call with only `momentum` given.
 */
export const OPTIMIZER_DEFAULTS = {
	sgd: {lr: 1e-3, momentum: 0, dampening: 0, weightDecay: 0},
	momentum: {lr: 1e-3, momentum: 0.9, dampening: 0, weightDecay: 0},
	nesterov: {lr: 1e-3, momentum: 0.9, dampening: 0, weightDecay: 0},
	adagrad: {lr: 1e-2, lrDecay: 0, weightDecay: 0, initialAccumulatorValue: 0, eps: 1e-10},
	adadelta: {lr: 1, rho: 0.9, eps: 1e-6, weightDecay: 0},
	rmsprop: {lr: 1e-2, alpha: 0.99, eps: 1e-8, weightDecay: 0, momentum: 0, centered: false},
	adam: {lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false},
	adamw: {lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 1e-2, amsgrad: false},
	nadam: {lr: 2e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, momentumDecay: 4e-3},
} as const satisfies Readonly<Record<OptimizerName, OptimizerOptions>>;

/** A number option: `allowed` says in words what `test` accepts (non-finite numbers never pass). */
export interface NumberCheck {
	readonly kind: 'number';
	/** The option in words, for the core's messages ("learning rate"). */
	readonly words: string;
	readonly allowed: string;
	readonly test: (value: number) => boolean;
}
export interface FlagCheck {
	readonly kind: 'flag';
	readonly words: string;
	readonly allowed: string;
}
/** Two numbers, each checked by `item` (Adam's betas). */
export interface PairCheck {
	readonly kind: 'pair';
	readonly words: string;
	readonly allowed: string;
	readonly item: NumberCheck;
}
export type OptionCheck = NumberCheck | FlagCheck | PairCheck;

const number = (words: string, allowed: string, test: (v: number) => boolean): NumberCheck => ({kind: 'number', words, allowed, test: (v) => Number.isFinite(v) && test(v)});
const positive = (words: string) => number(words, 'a number > 0', (v) => v > 0);
const atLeastZero = (words: string) => number(words, 'a number ≥ 0', (v) => v >= 0);
const unit = (words: string) => number(words, 'a number from 0 to 1', (v) => v >= 0 && v <= 1);
const flag = (words: string): FlagCheck => ({kind: 'flag', words, allowed: 'true or false'});

/**
 * What each option accepts. Ranges follow the checks `torch.optim` makes, except `lr`, which must
 * be > 0 (0 would make a run that never moves — surely a mistake in a lesson).
 */
export const OPTION_CHECKS = {
	lr: positive('learning rate'),
	momentum: atLeastZero('momentum'),
	dampening: unit('dampening'),
	weightDecay: atLeastZero('weight decay'),
	betas: {
		kind: 'pair',
		words: 'betas',
		allowed: 'two numbers from 0 to 1 (1 excluded), like [0.9, 0.999]',
		item: number('beta', 'a number from 0 to 1 (1 excluded)', (v) => v >= 0 && v < 1),
	},
	eps: atLeastZero('eps'),
	alpha: unit('alpha'),
	centered: flag('centered'),
	rho: unit('rho'),
	lrDecay: atLeastZero('lr decay'),
	initialAccumulatorValue: atLeastZero('initial accumulator value'),
	amsgrad: flag('amsgrad'),
	momentumDecay: atLeastZero('momentum decay'),
} as const satisfies Readonly<Record<OptionName, OptionCheck>>;

export const OPTION_NAMES = Object.keys(OPTION_CHECKS) as OptionName[];

/** The options `name` takes: the keys of its torch defaults. */
export function optionsOf(name: OptimizerName): OptionName[] {
	return Object.keys(OPTIMIZER_DEFAULTS[name]) as OptionName[];
}

/** The optimizers that take `option`. */
export function optimizersTaking(option: OptionName): OptimizerName[] {
	return OPTIMIZER_NAMES.filter((name) => Object.hasOwn(OPTIMIZER_DEFAULTS[name], option));
}

/** The optimizers with a `momentum` option (torch's SGD and RMSprop), which a schedule may change. */
export const MOMENTUM_OPTIMIZERS: readonly OptimizerName[] = optimizersTaking('momentum');

/** One thing wrong with a config, as facts; each layer words it for its readers. */
export type OptimizerProblem =
	| {readonly kind: 'unknown-optimizer'; readonly value: unknown}
	/** An option the named optimizer does not take (or no option at all). */
	| {readonly kind: 'not-taken'; readonly option: string; readonly value: unknown}
	| {
			readonly kind: 'invalid';
			readonly option: OptionName;
			/** The element of a pair that is wrong. */
			readonly index?: number;
			readonly value: unknown;
			readonly allowed: string;
			/** Set when a rule between options, not the value alone, forbids it. */
			readonly because?: string;
	  };

const NESTEROV_RULE = 'Nesterov momentum needs momentum > 0 and dampening 0';

/** Every problem with `config`, in option order; empty when it is good. */
export function optimizerProblems(config: OptimizerConfig): OptimizerProblem[] {
	const name = config.name;
	if (!OPTIMIZER_NAMES.includes(name)) return [{kind: 'unknown-optimizer', value: name}];
	const takes: readonly string[] = optionsOf(name);
	const problems: OptimizerProblem[] = [];
	const given = new Map<OptionName, unknown>();
	for (const [key, value] of Object.entries(config)) {
		if (key === 'name' || value === undefined) continue;
		if (takes.includes(key)) given.set(key as OptionName, value);
		else problems.push({kind: 'not-taken', option: key, value});
	}
	for (const [option, value] of given) problems.push(...valueProblems(option, value));
	if (name === 'nesterov') problems.push(...nesterovProblems(withDefaults(config), problems));
	return problems;
}

/** Nesterov's rule between momentum and dampening, for values that passed their own checks. */
function nesterovProblems(config: OptimizerConfig, found: readonly OptimizerProblem[]): OptimizerProblem[] {
	const flagged = (option: OptionName) => found.some((p) => p.kind === 'invalid' && p.option === option);
	const out: OptimizerProblem[] = [];
	const {momentum = 0, dampening = 0} = config;
	if (!flagged('momentum') && momentum <= 0) out.push({kind: 'invalid', option: 'momentum', value: momentum, allowed: 'a number > 0', because: NESTEROV_RULE});
	if (!flagged('dampening') && dampening !== 0) out.push({kind: 'invalid', option: 'dampening', value: dampening, allowed: '0', because: NESTEROV_RULE});
	return out;
}

function valueProblems(option: OptionName, value: unknown): OptimizerProblem[] {
	const check: OptionCheck = OPTION_CHECKS[option];
	const invalid = (allowed: string, v: unknown, index?: number): OptimizerProblem => ({kind: 'invalid', option, value: v, allowed, ...(index === undefined ? {} : {index})});
	switch (check.kind) {
		case 'number':
			return typeof value === 'number' && check.test(value) ? [] : [invalid(check.allowed, value)];
		case 'flag':
			return typeof value === 'boolean' ? [] : [invalid(check.allowed, value)];
		case 'pair':
			if (!Array.isArray(value) || value.length !== 2) return [invalid(check.allowed, value)];
			return value.flatMap((v: unknown, i) => (typeof v === 'number' && check.item.test(v) ? [] : [invalid(check.item.allowed, v, i)]));
	}
}

/** The config with torch's defaults filled in; options the optimizer does not take are left out. */
export function withDefaults(config: OptimizerConfig): OptimizerConfig {
	const options: Record<string, unknown> = {...OPTIMIZER_DEFAULTS[config.name]};
	for (const option of optionsOf(config.name)) {
		if (config[option] !== undefined) options[option] = config[option];
	}
	return {name: config.name, ...options};
}

/** The core's own wording of a problem (scenario files get theirs, with field paths, in resolve.ts). */
function coreMessage(name: OptimizerName, problem: OptimizerProblem): string {
	switch (problem.kind) {
		case 'unknown-optimizer':
			return `Unknown optimizer "${String(problem.value)}" (expected one of ${OPTIMIZER_NAMES.join(', ')})`;
		case 'not-taken':
			return `${name} has no option "${problem.option}" (it takes ${optionsOf(name).join(', ')})`;
		case 'invalid': {
			if (problem.because) return `${name}: ${problem.because} (got ${problem.option} ${String(problem.value)})`;
			const check: OptionCheck = OPTION_CHECKS[problem.option];
			const words = problem.index === undefined || check.kind !== 'pair' ? check.words : `${check.item.words} at index ${problem.index}:`;
			return `${name}: invalid ${words} ${String(problem.value)} (must be ${problem.allowed})`;
		}
	}
}

/** Every hyperparameter filled in; the units read only their own. */
export interface ResolvedOptions {
	readonly lr: number;
	readonly momentum: number;
	readonly dampening: number;
	readonly weightDecay: number;
	readonly beta1: number;
	readonly beta2: number;
	readonly eps: number;
	readonly alpha: number;
	readonly centered: boolean;
	readonly rho: number;
	readonly lrDecay: number;
	readonly initialAccumulatorValue: number;
	readonly amsgrad: boolean;
	readonly momentumDecay: number;
}

/** Inert values for the options an optimizer does not take (never read by its unit). */
const UNUSED: Required<OptimizerOptions> = {
	lr: 1, momentum: 0, dampening: 0, weightDecay: 0, betas: [0, 0], eps: 0, alpha: 0, centered: false,
	rho: 0, lrDecay: 0, initialAccumulatorValue: 0, amsgrad: false, momentumDecay: 0,
};

/** Merges the config over its defaults and checks every value; throws an Error on the first bad one. */
export function resolveOptions(config: OptimizerConfig): ResolvedOptions {
	const problem = optimizerProblems(config)[0];
	if (problem) throw new Error(coreMessage(config.name, problem));
	const o: Required<OptimizerOptions> = {...UNUSED, ...withDefaults(config)};
	const [beta1, beta2] = o.betas;
	return {
		lr: o.lr, momentum: o.momentum, dampening: o.dampening, weightDecay: o.weightDecay, beta1, beta2,
		eps: o.eps, alpha: o.alpha, centered: o.centered, rho: o.rho, lrDecay: o.lrDecay,
		initialAccumulatorValue: o.initialAccumulatorValue, amsgrad: o.amsgrad, momentumDecay: o.momentumDecay,
	};
}

/** One zero-filled (or `fill`-filled) state array per slot, allocated once. */
export function allocateSlots(slotSizes: readonly number[], fill = 0): Float64Array[] {
	return slotSizes.map((size) => new Float64Array(size).fill(fill));
}

/** Slot sizes must be whole, non-negative counts. */
export function checkSlotSizes(slotSizes: readonly number[]): void {
	for (const size of slotSizes) {
		if (!(Number.isInteger(size) && size >= 0)) {
			throw new Error(`Invalid slot size ${String(size)} (must be a whole number ≥ 0)`);
		}
	}
}
