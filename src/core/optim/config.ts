/** Defaults and argument checks for the optimizers, as `torch.optim` 2.x has them. */
import {OPTIMIZER_NAMES, type OptimizerConfig, type OptimizerName} from './optimizer.js';

/** A config's hyperparameters, without the name. */
export type OptimizerOptions = Omit<OptimizerConfig, 'name'>;

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

/** The optimizers with a `momentum` option (torch's SGD and RMSprop), which a schedule may change. */
export const MOMENTUM_OPTIMIZERS: readonly OptimizerName[] = OPTIMIZER_NAMES.filter((name) => 'momentum' in OPTIMIZER_DEFAULTS[name]);

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

/** Merges the config over its defaults and checks every value; throws an Error on a bad one. */
export function resolveOptions(config: OptimizerConfig): ResolvedOptions {
	const name = config.name;
	if (!OPTIMIZER_NAMES.includes(name)) {
		throw new Error(`Unknown optimizer "${String(name)}" (expected one of ${OPTIMIZER_NAMES.join(', ')})`);
	}
	const defaults: OptimizerOptions = OPTIMIZER_DEFAULTS[name];
	const given: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(config)) {
		if (key === 'name' || value === undefined) continue;
		if (!Object.hasOwn(defaults, key)) {
			throw new Error(`${name} has no option "${key}" (it takes ${Object.keys(defaults).join(', ')})`);
		}
		given[key] = value;
	}
	const o = {...UNUSED, ...defaults, ...given} as Required<OptimizerOptions>;
	const fail = (what: string, value: unknown, allowed: string): never => {
		throw new Error(`${name}: invalid ${what} ${String(value)} (must be ${allowed})`);
	};
	if (!(Number.isFinite(o.lr) && o.lr > 0)) fail('learning rate', o.lr, 'a finite number > 0');
	atLeastZero(o.momentum, 'momentum', fail);
	inUnit(o.dampening, 'dampening', fail);
	atLeastZero(o.weightDecay, 'weight decay', fail);
	atLeastZero(o.eps, 'eps', fail);
	inUnit(o.alpha, 'alpha', fail);
	inUnit(o.rho, 'rho', fail);
	atLeastZero(o.lrDecay, 'lr decay', fail);
	atLeastZero(o.initialAccumulatorValue, 'initial accumulator value', fail);
	atLeastZero(o.momentumDecay, 'momentum decay', fail);
	if (!Array.isArray(o.betas) || o.betas.length !== 2) fail('betas', o.betas, 'a pair [β₁, β₂]');
	o.betas.forEach((beta, i) => {
		if (!(Number.isFinite(beta) && beta >= 0 && beta < 1)) fail(`beta at index ${i}:`, beta, 'in [0, 1)');
	});
	if (typeof o.centered !== 'boolean') fail('centered', o.centered, 'true or false');
	if (typeof o.amsgrad !== 'boolean') fail('amsgrad', o.amsgrad, 'true or false');
	if (name === 'nesterov' && (o.momentum <= 0 || o.dampening !== 0)) {
		throw new Error(`nesterov: Nesterov momentum needs momentum > 0 and dampening 0 (got momentum ${o.momentum}, dampening ${o.dampening})`);
	}
	const [beta1, beta2] = o.betas;
	return {
		lr: o.lr, momentum: o.momentum, dampening: o.dampening, weightDecay: o.weightDecay, beta1, beta2,
		eps: o.eps, alpha: o.alpha, centered: o.centered, rho: o.rho, lrDecay: o.lrDecay,
		initialAccumulatorValue: o.initialAccumulatorValue, amsgrad: o.amsgrad, momentumDecay: o.momentumDecay,
	};
}

type Fail = (what: string, value: unknown, allowed: string) => never;

function atLeastZero(value: number, what: string, fail: Fail): void {
	if (!(Number.isFinite(value) && value >= 0)) fail(what, value, 'a finite number ≥ 0');
}

function inUnit(value: number, what: string, fail: Fail): void {
	if (!(Number.isFinite(value) && value >= 0 && value <= 1)) fail(what, value, 'in [0, 1]');
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
