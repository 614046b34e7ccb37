/** Python literals and torch calls for values gradlab holds: numbers, strings, optimizers, activations. */
import type {ActivationName} from '../core/activations.js';
import {resolveOptions} from '../core/optim/config.js';
import type {OptimizerConfig} from '../core/optim/optimizer.js';
import {isSetPoint, mergeSetPoint, type LrFormula, type ScheduleEntry, type SetPoint} from '../core/schedule.js';

/** A finite number as Python reads it back exactly (JavaScript's shortest round-trip form is valid Python). */
export function pyNumber(value: number): string {
	if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} as a Python number`);
	return String(value);
}

/** A number Python reads as a float (`2` → `2.0`), for tensors that must be floating point. */
export function pyFloat(value: number): string {
	const text = pyNumber(value);
	return /[.eE]/.test(text) ? text : `${text}.0`;
}

/** A string literal (JSON's escapes are Python's too). */
export function pyString(text: string): string {
	return JSON.stringify(text);
}

export function pyBool(value: boolean): string {
	return value ? 'True' : 'False';
}

/** The torch module for each hidden activation, with gradlab's parameters (torch's defaults). */
export const TORCH_ACTIVATIONS: Readonly<Record<ActivationName, string>> = {
	sigmoid: 'nn.Sigmoid',
	tanh: 'nn.Tanh',
	relu: 'nn.ReLU',
	leaky_relu: 'nn.LeakyReLU', // negative_slope 0.01
	elu: 'nn.ELU', // alpha 1
	gelu: 'nn.GELU', // the exact erf form
	softplus: 'nn.Softplus', // torch returns x itself above 20 (gradlab: x + log1p(e⁻ˣ)), a difference below 2e-9
	linear: 'nn.Identity',
};

/**
 * The `torch.optim` constructor call for `config`, every option spelt out so the script means
 * the same under any torch version. NAdam takes `foreach=True`: torch 1.13's default
 * single-tensor NAdam counts μ_t twice in its second term (fixed in 2.0, PR #92699); its foreach
 * path, and every path of 2.x, computes the formula gradlab follows.
 */
export function torchOptimizer(config: OptimizerConfig, params = 'params'): string {
	const o = resolveOptions(config);
	const n = pyNumber;
	const betas = `betas=(${n(o.beta1)}, ${n(o.beta2)})`;
	switch (config.name) {
		case 'sgd':
		case 'momentum':
		case 'nesterov':
			return `torch.optim.SGD(${params}, lr=${n(o.lr)}, momentum=${n(o.momentum)}, dampening=${n(o.dampening)}, weight_decay=${n(o.weightDecay)}, nesterov=${pyBool(config.name === 'nesterov')})`;
		case 'adagrad':
			return `torch.optim.Adagrad(${params}, lr=${n(o.lr)}, lr_decay=${n(o.lrDecay)}, weight_decay=${n(o.weightDecay)}, initial_accumulator_value=${n(o.initialAccumulatorValue)}, eps=${n(o.eps)})`;
		case 'adadelta':
			return `torch.optim.Adadelta(${params}, lr=${n(o.lr)}, rho=${n(o.rho)}, eps=${n(o.eps)}, weight_decay=${n(o.weightDecay)})`;
		case 'rmsprop':
			return `torch.optim.RMSprop(${params}, lr=${n(o.lr)}, alpha=${n(o.alpha)}, eps=${n(o.eps)}, weight_decay=${n(o.weightDecay)}, momentum=${n(o.momentum)}, centered=${pyBool(o.centered)})`;
		case 'adam':
		case 'adamw':
			return `torch.optim.${config.name === 'adam' ? 'Adam' : 'AdamW'}(${params}, lr=${n(o.lr)}, ${betas}, eps=${n(o.eps)}, weight_decay=${n(o.weightDecay)}, amsgrad=${pyBool(o.amsgrad)})`;
		case 'nadam':
			return `torch.optim.NAdam(${params}, lr=${n(o.lr)}, ${betas}, eps=${n(o.eps)}, weight_decay=${n(o.weightDecay)}, momentum_decay=${n(o.momentumDecay)}, foreach=True)`;
	}
}

/** One lr formula as the `torch.optim.lr_scheduler` class it follows (the chainable form `step()` runs). */
function torchScheduler(formula: LrFormula): string {
	const n = pyNumber;
	switch (formula.name) {
		case 'step':
			return `lr_scheduler.StepLR(opt, step_size=${formula.every}, gamma=${n(formula.gamma)})`;
		case 'multistep':
			return `lr_scheduler.MultiStepLR(opt, milestones=[${formula.milestones.join(', ')}], gamma=${n(formula.gamma)})`;
		case 'cosine':
			return `lr_scheduler.CosineAnnealingLR(opt, T_max=${formula.steps}, eta_min=${n(formula.minLr)})`;
		case 'linear':
			return `lr_scheduler.LinearLR(opt, start_factor=${n(formula.startFactor)}, end_factor=${n(formula.endFactor)}, total_iters=${formula.steps})`;
	}
}

/** A run's schedule in Python: `lambda opt: [schedulers…]` in the order written, and `{at: dict(lr=…, momentum=…)}`. */
export function torchSchedule(schedule: readonly ScheduleEntry[]): {schedulers: string; setPoints: string} {
	const formulas = schedule.filter((e): e is LrFormula => !isSetPoint(e));
	// Two set-points at one step (an lr and a momentum) act as one, as in the core's Scheduler.
	const byStep = new Map<number, SetPoint>();
	for (const p of schedule.filter(isSetPoint)) byStep.set(p.at, mergeSetPoint(byStep.get(p.at), p.at, p));
	const points = [...byStep.values()].sort((a, b) => a.at - b.at);
	const values = (p: SetPoint): string =>
		[p.lr === undefined ? '' : `lr=${pyNumber(p.lr)}`, p.momentum === undefined ? '' : `momentum=${pyNumber(p.momentum)}`].filter(Boolean).join(', ');
	return {
		schedulers: `lambda opt: [${formulas.map(torchScheduler).join(', ')}]`,
		setPoints: `{${points.map((p) => `${p.at}: dict(${values(p)})`).join(', ')}}`,
	};
}
