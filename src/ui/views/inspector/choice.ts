/**
 * What the person chose in the backprop inspector: the phase of the step on screen, the unit or
 * edge selected, the example, and whether the step is the mini-batch's or that example's alone.
 * Pure: the reducer applies these to the dashboard's state.
 */
import {type InspectPhase, inspectPhases} from '../../../core/inspect.js';

/** A unit (layer 0 is the input), or the edge into layer `layer` (1 … depth) from unit `from` below to unit `to`. */
export type Selection =
	| {readonly kind: 'unit'; readonly layer: number; readonly unit: number}
	| {readonly kind: 'edge'; readonly layer: number; readonly to: number; readonly from: number};

export interface InspectorChoice {
	/** Index into `inspectPhases(depth)`, or null while live (the network as it is, following training). */
	readonly phase: number | null;
	/** The step the phases walk through (the inspection's `step`): when another step arrives the walk starts over. */
	readonly walking: number | null;
	readonly selection: Selection;
	/** The batch row the units show. */
	readonly row: number;
	/** That example's step alone, instead of the mini-batch's. */
	readonly alone: boolean;
}

export const INITIAL_INSPECTOR: InspectorChoice = {phase: null, walking: null, selection: {kind: 'edge', layer: 1, to: 0, from: 0}, row: 0, alone: false};

export type Direction = 'up' | 'down' | 'left' | 'right';

/** The phase at `index` for a network of `depth` dense layers; null while live. */
export function phaseAt(index: number | null, depth: number): InspectPhase | null {
	if (index === null) return null;
	const phases = inspectPhases(depth);
	return phases[Math.max(0, Math.min(phases.length - 1, index))] ?? null;
}

/** Phases in one step: forward per layer, the loss, backward per layer, the update. */
export function phaseCount(depth: number): number {
	return 2 * depth + 2;
}

const wrap = (k: number, n: number): number => ((k % n) + n) % n;
const clampTo = (k: number, n: number): number => Math.max(0, Math.min(n - 1, k));

/** `selection` moved inside a network of these layer sizes (a run of another shape may be on screen now). */
export function clampSelection(selection: Selection, layers: readonly number[]): Selection {
	const depth = layers.length - 1;
	if (selection.kind === 'unit') {
		const layer = clampTo(selection.layer, depth + 1);
		return {kind: 'unit', layer, unit: clampTo(selection.unit, layers[layer]!)};
	}
	const layer = Math.max(1, Math.min(depth, selection.layer));
	return {kind: 'edge', layer, to: clampTo(selection.to, layers[layer]!), from: clampTo(selection.from, layers[layer - 1]!)};
}

/**
 * One arrow key: ← → walk the columns (units of a layer, then the edges into the next layer, …)
 * and follow an edge to its end; ↑ ↓ go round the units of a layer or the edges between two.
 */
export function moveSelection(current: Selection, layers: readonly number[], direction: Direction): Selection {
	const depth = layers.length - 1;
	const selection = clampSelection(current, layers);
	if (selection.kind === 'unit') {
		const {layer, unit} = selection;
		switch (direction) {
			case 'up':
			case 'down':
				return {kind: 'unit', layer, unit: wrap(unit + (direction === 'down' ? 1 : -1), layers[layer]!)};
			case 'right':
				if (layer === depth) return selection;
				return {kind: 'edge', layer: layer + 1, to: clampTo(unit, layers[layer + 1]!), from: unit};
			case 'left':
				if (layer === 0) return selection;
				return {kind: 'edge', layer, to: unit, from: clampTo(unit, layers[layer - 1]!)};
		}
	}
	const {layer, to, from} = selection;
	const below = layers[layer - 1]!;
	switch (direction) {
		case 'up':
		case 'down': {
			const k = wrap(to * below + from + (direction === 'down' ? 1 : -1), layers[layer]! * below);
			return {kind: 'edge', layer, to: Math.floor(k / below), from: k % below};
		}
		case 'right':
			return {kind: 'unit', layer, unit: to};
		case 'left':
			return {kind: 'unit', layer: layer - 1, unit: from};
	}
}
