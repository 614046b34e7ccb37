/** The optimizers: a factory table from name to unit, the defaults, and the types. */
import {Adadelta} from './adadelta.js';
import {Adagrad} from './adagrad.js';
import {createAdam} from './adam.js';
import {checkSlotSizes, resolveOptions, type ResolvedOptions} from './config.js';
import {NAdam} from './nadam.js';
import type {Optimizer, OptimizerConfig, OptimizerName} from './optimizer.js';
import {RmsProp} from './rmsprop.js';
import {createSgd} from './sgd.js';

export type {Optimizer, OptimizerConfig, OptimizerName} from './optimizer.js';
export {OPTIMIZER_NAMES} from './optimizer.js';
export {MOMENTUM_OPTIMIZERS, OPTIMIZER_DEFAULTS, type OptimizerOptions} from './config.js';
export {cloneOptimizer, type OptimizerBuffer, type OptimizerScalar, type OptimizerState} from './state.js';

type Unit = (name: OptimizerName, o: ResolvedOptions, slotSizes: readonly number[]) => Optimizer;

const UNITS: Readonly<Record<OptimizerName, Unit>> = {
	sgd: createSgd,
	momentum: createSgd,
	nesterov: createSgd,
	adagrad: (name, o, sizes) => new Adagrad(name, o, sizes),
	adadelta: (name, o, sizes) => new Adadelta(name, o, sizes),
	rmsprop: (name, o, sizes) => new RmsProp(name, o, sizes),
	adam: createAdam,
	adamw: createAdam,
	nadam: (name, o, sizes) => new NAdam(name, o, sizes),
};

/**
 * Builds the optimizer for `config` (missing fields take torch's defaults) with its state
 * allocated once for slots of the given sizes. Throws an Error with a plain message for a bad
 * hyperparameter, an option the optimizer does not take, or a bad slot size.
 */
export function createOptimizer(config: OptimizerConfig, slotSizes: readonly number[]): Optimizer {
	const options = resolveOptions(config);
	checkSlotSizes(slotSizes);
	return UNITS[config.name](config.name, options, slotSizes);
}
