/** The gradlab side: a Trainer exactly as the app runs it (fused update, per-layer norms on). */
import {Trainer} from '../src/core/trainer.js';
import type {DataSplit, TrainConfig} from '../src/core/types.js';
import type {BenchConfig} from './configs.js';

export function trainConfig(c: BenchConfig, seed: number): TrainConfig {
	return {
		network: {layers: c.layers, activation: c.activation},
		init: {name: 'pytorch'},
		optimizer: {name: c.optimizer, lr: c.lr},
		loss: 'cross-entropy',
		batch: c.batch,
		shuffle: true,
		seed,
	};
}

export interface GradlabSide {
	readonly trainer: Trainer;
	step(): void;
}

export function gradlabSide(c: BenchConfig, data: DataSplit, seed: number): GradlabSide {
	const trainer = new Trainer(trainConfig(c, seed), data);
	return {
		trainer,
		step() {
			// advance() alone does the whole step, norms included; report() only copies them out.
			if (!trainer.advance()) throw new Error(`config ${c.id} diverged at step ${trainer.step}`);
		},
	};
}
