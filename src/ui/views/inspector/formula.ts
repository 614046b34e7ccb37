/**
 * The formula of the selected unit or edge in the phase on screen, with the numbers filled in:
 * every number is the core's (core/inspect.ts) as the worker sent it; nothing here computes a
 * gradient, it writes the chain rule out with the numbers the backward pass used.
 */
import type {InspectPhase, ParamStep, StepInspection} from '../../../core/inspect.js';
import type {OptimizerBuffer} from '../../../core/optim/state.js';
import type {Language} from '../../../scenarios/types.js';
import {asciiMath} from '../../kit/ascii.js';
import {formatValue} from '../../kit/format.js';
import {type WordKey, word} from '../../kit/words.js';
import type {Selection} from './choice.js';
import {unitName} from './layout.js';

export interface Formula {
	/** What is selected: `w(x1→h2)`, `h2 (L1)`. */
	readonly head: string;
	/** The formula, most important line first. */
	readonly lines: readonly string[];
}

export interface FormulaOptions {
	readonly language: Language;
	readonly ascii: boolean;
	readonly dash: string;
}

/** The formula for `selection` in `phase` (null: live, a summary of the whole step). */
export function formulaFor(inspection: StepInspection, phase: InspectPhase | null, selection: Selection, options: FormulaOptions): Formula {
	const w = new Writer(inspection, options);
	const formula = selection.kind === 'unit' ? w.unit(phase, selection.layer, selection.unit) : w.edge(phase, selection.layer, selection.to, selection.from);
	return options.ascii ? {head: asciiMath(formula.head), lines: formula.lines.map(asciiMath)} : formula;
}

/** Short names of the optimizers' buffers in the update's formula. */
const BUFFER_NAMES: Readonly<Record<OptimizerBuffer, string>> = {
	momentum_buffer: 'buf',
	sum: 'sum',
	square_avg: 'v',
	acc_delta: 'u',
	grad_avg: 'ḡ',
	exp_avg: 'm',
	exp_avg_sq: 'v',
	max_exp_avg_sq: 'v_max',
};

class Writer {
	private readonly layers: readonly number[];
	private readonly depth: number;

	constructor(
		private readonly inspection: StepInspection,
		private readonly options: FormulaOptions,
	) {
		this.layers = inspection.layers;
		this.depth = inspection.layers.length - 1;
	}

	private word(key: WordKey): string {
		return word(key, this.options.language);
	}

	/** A number, three significant digits. */
	private n(value: number): string {
		return formatValue(value, this.options.dash);
	}

	/** Two numbers with the digits it takes to tell them apart (a weight before and after a small step), up to 7. */
	private pair(a: number, b: number): [string, string] {
		let digits = 3;
		const at = (v: number) => (!Number.isFinite(v) ? this.options.dash : v === 0 ? '0' : Math.abs(v) >= 1e-3 && Math.abs(v) < 1e3 ? v.toPrecision(digits) : v.toExponential(digits - 1));
		while (digits < 7 && at(a) === at(b) && a !== b) digits++;
		return [at(a), at(b)];
	}

	/** A hyperparameter as it was written: 0.3, not 0.300. */
	private h(value: number): string {
		return Number.isFinite(value) ? String(Number(value.toPrecision(6))) : this.options.dash;
	}

	/** A factor of a product: negatives in parentheses. */
	private f(value: number): string {
		const text = this.n(value);
		return Number.isFinite(value) && value < 0 ? `(${text})` : text;
	}

	private name(layer: number, unit: number): string {
		return unitName(this.layers, layer, unit);
	}

	/** Rows the loss averages over, as the formulas say it. */
	private get rows(): number {
		return this.inspection.rows;
	}

	/** Whether the phase has reached a layer's forward numbers, its backward numbers. */
	private reached(phase: InspectPhase | null, layer: number): {forward: boolean; backward: boolean} {
		if (phase === null) return {forward: true, backward: true};
		switch (phase.kind) {
			case 'forward':
				return {forward: layer <= phase.layer, backward: false};
			case 'loss':
				return {forward: true, backward: false};
			case 'backward':
				return {forward: true, backward: layer >= phase.layer};
			case 'update':
				return {forward: true, backward: true};
		}
	}

	unit(phase: InspectPhase | null, layer: number, unit: number): Formula {
		const u = this.inspection.units[layer]![unit]!;
		const name = this.name(layer, unit);
		if (layer === 0) {
			const head = `${name} (${this.word('inputUnit')} ${unit + 1})`;
			const lines = [`${name} = ${this.n(u.a)}: ${this.word('exampleInput')} #${this.inspection.example}`];
			if (phase?.kind === 'backward' || phase?.kind === 'update') lines.push(this.word('inputIsData'));
			return {head, lines};
		}
		const head = `${name} (L${layer}${layer === this.depth ? `, ${this.word('outputUnit')}` : ''})`;
		const {forward, backward} = this.reached(phase, layer);
		if (!forward) return {head, lines: [this.word('notReached')]};
		if (phase === null) return {head, lines: [this.unitSummary(layer, unit)]};
		switch (phase.kind) {
			case 'forward':
				return {head, lines: this.forwardUnit(layer, unit)};
			case 'loss':
				return {head, lines: layer === this.depth ? this.lossUnit(unit) : this.forwardUnit(layer, unit)};
			case 'backward':
				return {head, lines: backward ? this.backwardUnit(layer, unit) : [...this.forwardUnit(layer, unit), this.word('backwardLater')]};
			case 'update':
				return {head, lines: this.update(u.bias!, 'b')};
		}
	}

	edge(phase: InspectPhase | null, layer: number, to: number, from: number): Formula {
		const e = this.inspection.edges[layer - 1]![to]![from]!;
		const below = this.name(layer - 1, from);
		const above = this.name(layer, to);
		const arrow = '→';
		const head = `w(${below}${arrow}${above}), L${layer}`;
		const {forward, backward} = this.reached(phase, layer);
		const carries = `w = ${this.n(e.value)}: ${this.word('carries').replaceAll('{x}', below).replace('{z}', above).replace('{a}', this.n(this.inspection.units[layer - 1]![from]!.a))}`;
		if (phase === null) {
			const step = e.next - e.value;
			return {head, lines: [`w ${this.n(e.value)}, ∂L/∂w ${this.n(e.grad)}, ${this.word('step')} ${this.n(step)}`, carries]};
		}
		if (!forward) return {head, lines: [`w = ${this.n(e.value)}`, this.word('notReached')]};
		if (phase.kind === 'update') return {head, lines: this.update(e, 'w')};
		if (!backward) return {head, lines: [carries]};
		const dLdz = this.inspection.units[layer]![to]!.dLdz!;
		const aPrev = this.inspection.units[layer - 1]![from]!.a;
		const chain = `∂L/∂w = ∂L/∂z · a_prev = ${this.f(dLdz)} · ${this.f(aPrev)} = ${this.n(this.rows === 1 ? e.grad : e.term)}`;
		const names = `∂L/∂z: ${above}, a_prev: ${below}`;
		if (this.rows === 1) return {head, lines: [chain, names]};
		return {
			head,
			lines: [`∂L/∂w = Σ ${this.word('overRows').replace('{rows}', String(this.rows))} ∂L/∂z · a_prev = ${this.n(e.grad)}`, `${this.word('thisRow')}: ${chain.slice('∂L/∂w = '.length)}`, names],
		};
	}

	/** z, a, ∂L/∂z and the bias's step on one line (live). */
	private unitSummary(layer: number, unit: number): string {
		const u = this.inspection.units[layer]![unit]!;
		return `z ${this.n(u.z!)}, a ${this.n(u.a)}, ∂L/∂z ${this.n(u.dLdz!)}, b ${this.n(u.bias!.value)} → ${this.n(u.bias!.next)}`;
	}

	/** z = Σ w·a + b with every term, then a = f(z). */
	private forwardUnit(layer: number, unit: number): string[] {
		const u = this.inspection.units[layer]![unit]!;
		const terms = this.inspection.edges[layer - 1]![unit]!.map((e, from) => `${this.f(e.value)}·${this.f(this.inspection.units[layer - 1]![from]!.a)}`);
		const z = `z = Σ w·a + b = ${terms.join(' + ')} + ${this.f(u.bias!.value)} = ${this.n(u.z!)}`;
		const act = this.inspection.activation;
		const a = layer === this.depth ? `a = z = ${this.n(u.a)} (${this.word('linearOutput')})` : `a = ${act}(z) = ${act}(${this.n(u.z!)}) = ${this.n(u.a)}`;
		return [z, a];
	}

	/** The prediction and the loss at an output unit. */
	private lossUnit(unit: number): string[] {
		const out = this.inspection.output;
		const mean = `L = ${this.word('meanOver').replace('{rows}', String(this.rows))} = ${this.n(this.inspection.loss)}`;
		if (out.probabilities && out.label !== null) {
			const p = out.probabilities;
			return [
				`p${unit + 1} = softmax(z)${unit + 1} = ${this.n(p[unit]!)}  (${p.map((v) => this.n(v)).join(', ')})`,
				`${this.word('label')} ${this.name(this.depth, out.label)}: ℓ = −ln p${out.label + 1} = −ln ${this.n(p[out.label]!)} = ${this.n(out.loss)}`,
				mean,
			];
		}
		const t = out.targets!;
		const per = this.inspection.lossName === 'mae' ? 'Σ |z − t|/K' : 'Σ (z − t)²/K';
		return [`t${unit + 1} = ${this.n(t[unit]!)}: ℓ = ${per} = ${this.n(out.loss)}`, mean];
	}

	/** ∂L/∂z at a unit: from the loss at the output, by the chain rule below it. */
	private backwardUnit(layer: number, unit: number): string[] {
		const u = this.inspection.units[layer]![unit]!;
		const biasGrad = `∂L/∂b = Σ ${this.word('overRows').replace('{rows}', String(this.rows))} ∂L/∂z = ${this.n(u.bias!.grad)}`;
		if (layer === this.depth) {
			const out = this.inspection.output;
			const dl = out.dldz[unit]!;
			const k = this.layers[this.depth];
			const t = this.n(out.targets?.[unit] ?? Number.NaN);
			const local = out.probabilities
				? `∂ℓ/∂z = p − onehot = ${this.n(out.probabilities[unit]!)} − ${unit === out.label ? 1 : 0} = ${this.n(dl)}`
				: this.inspection.lossName === 'mae'
					? `∂ℓ/∂z = sign(z − t)/K = sign(${this.n(u.z!)} − ${t})/${k} = ${this.n(dl)}`
					: `∂ℓ/∂z = 2(z − t)/K = 2·(${this.n(u.z!)} − ${t})/${k} = ${this.n(dl)}`;
			const mean = this.rows === 1 ? `∂L/∂z = ∂ℓ/∂z = ${this.n(u.dLdz!)}` : `∂L/∂z = ∂ℓ/∂z / B = ${this.f(dl)} / ${this.rows} = ${this.n(u.dLdz!)}`;
			return [local, mean, biasGrad];
		}
		const terms = this.inspection.edges[layer]!.map((row, to) => `${this.f(row[unit]!.value)}·${this.f(this.inspection.units[layer + 1]![to]!.dLdz!)}`);
		return [
			`∂L/∂a = Σ w·∂L/∂z(L${layer + 1}) = ${terms.join(' + ')} = ${this.n(u.dLda!)}`,
			`∂L/∂z = ∂L/∂a · f′(z) = ${this.f(u.dLda!)} · ${this.f(u.fPrime!)} = ${this.n(u.dLdz!)}`,
			biasGrad,
		];
	}

	/** The optimizer's rule for one parameter, its state before → after, and the step it takes. */
	private update(p: ParamStep, symbol: 'w' | 'b'): string[] {
		const {name, scalars} = this.inspection.optimizer;
		const g = `∂L/∂${symbol}`;
		const lr = scalars.lr ?? Number.NaN;
		const wd = scalars.weight_decay ?? 0;
		const states = (Object.entries(p.state) as [OptimizerBuffer, {before: number; after: number}][]).map(([buffer, {before, after}]) => `${BUFFER_NAMES[buffer]} ${this.n(before)} → ${this.n(after)}`);
		const [before, after] = this.pair(p.value, p.next);
		const result = `${symbol}: ${before} → ${after}  (${this.word('step')} ${this.n(p.next - p.value)})`;
		const grad = wd > 0 ? `(${g} + λ·${symbol})` : g;
		const buf = p.state.momentum_buffer;
		let rule: string;
		switch (name) {
			case 'sgd':
			case 'momentum':
			case 'nesterov':
				if (!buf) rule = wd > 0 ? `${symbol} ← ${symbol} − lr·${grad} = ${before} − ${this.h(lr)}·(${this.f(p.grad)} + ${this.h(wd)}·${this.f(p.value)}) = ${after}` : `${symbol} ← ${symbol} − lr·${g} = ${before} − ${this.h(lr)}·${this.f(p.grad)} = ${after}`;
				else if (name === 'nesterov') rule = `buf ← μ·buf + ${grad};  ${symbol} ← ${symbol} − lr·(${grad} + μ·buf)`;
				else rule = `buf ← μ·buf + ${grad};  ${symbol} ← ${symbol} − lr·buf = ${before} − ${this.h(lr)}·${this.f(buf.after)} = ${after}`;
				break;
			case 'adagrad':
				rule = `sum ← sum + ${g}²;  ${symbol} ← ${symbol} − clr·${g}/(√sum + ε)`;
				break;
			case 'adadelta':
				rule = `v ← ρv + (1−ρ)${g}²;  Δ = √(u+ε)/√(v+ε)·${g};  u ← ρu + (1−ρ)Δ²;  ${symbol} ← ${symbol} − lr·Δ`;
				break;
			case 'rmsprop':
				rule = `v ← αv + (1−α)${g}²;  ${symbol} ← ${symbol} − lr·${g}/(√v + ε)`;
				break;
			case 'adam':
			case 'adamw':
				rule = `m ← β₁m + (1−β₁)${g};  v ← β₂v + (1−β₂)${g}²;  ${symbol} ← ${name === 'adamw' ? `(1 − lr·λ)${symbol}` : symbol} − lr·m̂/(√v̂ + ε)`;
				break;
			case 'nadam':
				rule = `m ← β₁m + (1−β₁)${g};  v ← β₂v + (1−β₂)${g}²;  ${symbol} ← ${symbol} − lr·(μ′m̂ + (1−μ)ĝ)/(√v̂ + ε)`;
				break;
		}
		return [rule, ...(states.length > 0 ? [states.join('  ')] : []), result];
	}
}
