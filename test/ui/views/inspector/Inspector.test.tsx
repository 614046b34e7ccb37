/**
 * The backprop inspector as a person reads it: the numbers come the way the worker sends them
 * (inspectRun, then a structured clone across the thread) and are read back off the drawn frame.
 * Mutations that fail here: writing e.term instead of e.grad in the mini-batch's ∂L/∂w line
 * (formula.ts), selecting edges[layer] instead of edges[layer − 1], dropping lr from the SGD rule.
 */
import {describe, expect, it} from 'vitest';
import {ACTIVATION_NAMES, type ActivationName} from '../../../../src/core/activations.js';
import {makeToy} from '../../../../src/core/data/index.js';
import {batchLabels, batchLoss, copyNetwork, type StepInput} from '../../../../src/core/inspect-preview.js';
import {createRng} from '../../../../src/core/rng.js';
import {Trainer} from '../../../../src/core/trainer.js';
import type {OptimizerConfig} from '../../../../src/core/optim/index.js';
import {inspectRun} from '../../../../src/runner/probes.js';
import type {InspectProbe} from '../../../../src/runner/protocol.js';
import {formatValue} from '../../../../src/ui/kit/format.js';
import {INITIAL_INSPECTOR, type InspectorChoice, type Selection} from '../../../../src/ui/views/inspector/choice.js';
import {Inspector} from '../../../../src/ui/views/inspector/Inspector.js';
import {BLOCKS, draw, expectFits, type ThemeName} from '../draw.js';

const data = makeToy('blobs', {samples: 40, noise: 0.6, classes: 3, test: 0.25}, createRng(3));
/** Every layer a different width, so a transposed or shifted index cannot pass. */
const LAYERS = [2, 4, 3, 3];
const DEPTH = LAYERS.length - 1;
/** Phase indices: forward 1…D, loss, backward D…1, update. */
const BACKWARD_L1 = 2 * DEPTH;
const UPDATE = 2 * DEPTH + 1;

function trainer(activation: ActivationName, optimizer: OptimizerConfig = {name: 'sgd', lr: 0.3}): Trainer {
	const t = new Trainer({network: {layers: LAYERS, activation}, init: {name: 'normal', std: 0.9}, optimizer, loss: 'cross-entropy', batch: 7, shuffle: true, seed: 5}, data);
	for (let k = 0; k < 3; k++) t.advance();
	return t;
}

/** What the worker posts for the dashboard's inspector (structured-cloned, as across the thread). */
function posted(t: Trainer, alone = false, row = 2): InspectProbe {
	return structuredClone(inspectRun(t, 3, {run: 0, row, alone}));
}

function frame(probe: InspectProbe, choice: Partial<InspectorChoice>, theme: ThemeName = 'color', language: 'en' | 'ko' = 'en', columns = 78, rows = 18): string[] {
	const lines = draw(<Inspector run={undefined} probe={probe} choice={{...INITIAL_INSPECTOR, ...choice}} drawable={[]} width={columns} height={rows} />, theme, columns, language);
	expectFits(lines, columns, rows);
	return lines;
}

/** The number at the end of the line that starts with `prefix` (after trimming). */
function numberAfter(lines: readonly string[], prefix: string): string {
	const line = lines.map((l) => l.trim()).find((l) => l.startsWith(prefix));
	if (!line) throw new Error(`no line starting ${prefix} in\n${lines.join('\n')}`);
	return line.slice(line.lastIndexOf('= ') + 2).trim();
}

/** One unit in the last digit `text` shows: 0.0276 → 1e-4, -1.1e-04 → 1e-5. */
function lastDigit(text: string): number {
	const [mantissa = '', exponent = '0'] = text.split('e');
	const decimals = mantissa.includes('.') ? mantissa.split('.')[1]!.length : 0;
	return 10 ** (Number(exponent) - decimals);
}

/** Central difference of the batch loss in one weight of a copy of the network. */
function finiteDifference(input: StepInput, layer: number, k: number): number {
	const net = copyNetwork(input.network);
	const labels = batchLabels(input);
	const w = net.weights[layer]!;
	const saved = w[k]!;
	const at = (offset: number) => {
		w[k] = saved + offset;
		return batchLoss(net, input, labels);
	};
	const h = 1e-5;
	return (at(h) - at(-h)) / (2 * h);
}

const edge = (layer: number, to: number, from: number): Selection => ({kind: 'edge', layer, to, from});

describe('the inspector shows the core’s ∂L/∂w', () => {
	for (const activation of ACTIVATION_NAMES) {
		it(`the drawn ∂L/∂w is the core's gradient and a finite difference: ${activation}`, () => {
			const t = trainer(activation);
			const input = t.nextStep();
			const probe = posted(t);
			// The edges read back off the screen, one per layer and corner.
			const picks = [edge(1, 3, 1), edge(2, 0, 3), edge(3, 2, 0), edge(3, 1, 2)];
			const shown = picks.map((selection) => numberAfter(frame(probe, {phase: BACKWARD_L1, selection}), '∂L/∂w = Σ over 7 rows'));
			const fd = picks.map((s) => s.kind === 'edge' && finiteDifference(input, s.layer - 1, s.to * LAYERS[s.layer - 1]! + s.from));
			// The step the trainer then takes computes the gradient the screen showed.
			t.advance();
			picks.forEach((s, k) => {
				if (s.kind !== 'edge') return;
				const core = t.network.gradW[s.layer - 1]![s.to * LAYERS[s.layer - 1]! + s.from]!;
				expect(shown[k]).toBe(formatValue(core));
				expect(Math.abs(Number(shown[k]) - Number(fd[k]))).toBeLessThanOrEqual(lastDigit(shown[k]!));
			});
		});
	}

	it('one example alone: ∂L/∂w = ∂L/∂z · a_prev is that row’s finite difference', () => {
		const t = trainer('tanh');
		const full = t.nextStep();
		const probe = posted(t, true, 4);
		expect(probe.inspection.kind === 'step' && probe.inspection.rows).toBe(1);
		const input = {...full, rows: full.rows.subarray(4, 5)};
		const lines = frame(probe, {phase: BACKWARD_L1, selection: edge(1, 2, 1), alone: true});
		const shown = numberAfter(lines, '∂L/∂w = ∂L/∂z · a_prev');
		expect(Math.abs(Number(shown) - finiteDifference(input, 0, 2 * 2 + 1))).toBeLessThanOrEqual(lastDigit(shown));
	});

	it('the update: w − lr·∂L/∂w for SGD lands where the trainer puts w', () => {
		const t = trainer('relu');
		const probe = posted(t);
		const lines = frame(probe, {phase: UPDATE, selection: edge(2, 1, 3)});
		const rule = lines.map((l) => l.trim()).find((l) => l.startsWith('w ← w − lr·∂L/∂w = '))!;
		const [before, lr, grad, after] = /= (\S+) − (\S+)·\(?(\S+?)\)? = (\S+)$/.exec(rule)!.slice(1);
		expect(lr).toBe('0.3');
		t.advance();
		const k = 1 * 4 + 3;
		expect(grad).toBe(formatValue(t.network.gradW[1]![k]!));
		expect(Math.abs(Number(after) - t.network.weights[1]![k]!)).toBeLessThanOrEqual(lastDigit(after!) / 2);
		expect(Number(before) - 0.3 * Number(grad)).toBeCloseTo(Number(after), 2);
	});

	it('Adam’s update shows its state before and after, and the weight it lands on', () => {
		const t = trainer('tanh', {name: 'adam', lr: 0.01});
		const probe = posted(t);
		const lines = frame(probe, {phase: UPDATE, selection: edge(1, 0, 0)});
		const text = lines.join('\n');
		expect(text).toMatch(/m ← β₁m \+ \(1−β₁\)∂L\/∂w/);
		expect(text).toMatch(/m \S+ → \S+ +v \S+ → \S+/);
		t.advance();
		const w = lines.map((l) => l.trim()).find((l) => l.startsWith('w: '))!;
		const after = /→ (\S+)/.exec(w)![1]!;
		expect(Math.abs(Number(after) - t.network.weights[0]![0]!)).toBeLessThanOrEqual(lastDigit(after) / 2);
	});
});

describe('the inspector on screen', () => {
	it('draws every unit and edge with sign glyphs; --ascii has no braille, boxes or markers; Korean fits', () => {
		const probe = posted(trainer('tanh'));
		const color = frame(probe, {phase: BACKWARD_L1});
		// Two input units, every layer's units, each with its sign glyph.
		expect(color.join('\n').match(/[●○]/g)!.length).toBe(LAYERS.reduce((a, b) => a + b));
		expect(color.join('\n')).toMatch(/[⠁-⣿]/); // edges in braille
		const ascii = frame(probe, {phase: BACKWARD_L1}, 'ascii');
		for (const line of ascii) expect(line).not.toMatch(BLOCKS);
		expect(ascii.join('\n')).toMatch(/dL\/dw = sum over 7 rows dL\/dz \* a_prev = /);
		const ko = frame(probe, {phase: BACKWARD_L1}, 'color', 'ko');
		expect(ko.join('\n')).toMatch(/7개 예제에 대해/);
	});

	it('a phase reveals only what the pass has reached', () => {
		const probe = posted(trainer('tanh'));
		// Forward at layer 1: an output unit is not reached yet.
		const early = frame(probe, {phase: 0, selection: {kind: 'unit', layer: 3, unit: 0}});
		expect(early.join('\n')).toMatch(/not reached|not yet/i);
		const atL1 = frame(probe, {phase: 0, selection: {kind: 'unit', layer: 1, unit: 0}});
		expect(atL1.join('\n')).toMatch(/z = Σ w·a \+ b = /);
		expect(atL1.join('\n')).toMatch(/a = tanh\(z\) = tanh\(/);
	});
});
