/**
 * The TensorFlow.js side: the same layer sizes, activation, batch, optimizer and initial weights on
 * the pure-JavaScript CPU backend (float32). Each step computes the gradients with
 * tf.variableGrads, reads the loss and every per-layer gradient norm back (as gradlab's step does),
 * then applies the gradients.
 */
import * as tf from '@tensorflow/tfjs-core';
import type {ClassificationSplit} from '../src/core/types.js';
import type {BenchConfig} from './configs.js';
import {registerDenseGradients} from './tfjs-gradients.js';

let ready: Promise<void> | null = null;

/** Loads the CPU backend once; production mode also silences the "install tfjs-node" banner. */
export function initTfjs(): Promise<void> {
	ready ??= (async () => {
		tf.enableProdMode();
		registerDenseGradients();
		await import('@tensorflow/tfjs-backend-cpu');
		if (!(await tf.setBackend('cpu'))) throw new Error('tfjs: the cpu backend did not initialise');
		await tf.ready();
	})();
	return ready;
}

export interface TfjsSide {
	step(): void;
	/** Live tensors after the last step, to catch a leak. */
	tensors(): number;
	dispose(): void;
}

/**
 * `weights` are gradlab's initial parameters ([out][in] rows and biases), so both sides start from
 * the same point; tfjs keeps W as [in][out], the layout tf.layers.dense uses. Batches are cut once
 * up front and taken in turn (cheaper for tfjs than gradlab's shuffled gather every step).
 */
export function tfjsSide(c: BenchConfig, data: ClassificationSplit, weights: readonly {W: number[][]; b: number[]}[]): TfjsSide {
	const train = data.train;
	const features = train.features;
	const classes = train.classes;
	const batches: {x: tf.Tensor2D; y: tf.Tensor2D}[] = [];
	for (let start = 0; start + c.batch <= train.n; start += c.batch) {
		const x = tf.tensor2d(Float32Array.from(train.x.subarray(start * features, (start + c.batch) * features)), [c.batch, features]);
		const y = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(train.y.subarray(start, start + c.batch), 'int32'), classes), 'float32') as tf.Tensor2D);
		batches.push({x, y});
	}
	const W: tf.Variable[] = [];
	const b: tf.Variable[] = [];
	weights.forEach((layer, l) => {
		// gradlab stores W as [out][in]; x·W wants [in][out].
		W.push(tf.variable(tf.tidy(() => tf.transpose(tf.tensor2d(layer.W))), true, `W${l}`));
		b.push(tf.variable(tf.tensor1d(layer.b), true, `b${l}`));
	});
	const vars = W.flatMap((w, l) => [w, b[l]!]);
	const optimizer = c.optimizer === 'adam' ? tf.train.adam(c.lr, 0.9, 0.999, 1e-8) : tf.train.sgd(c.lr);
	const act = c.activation === 'relu' ? tf.relu : tf.sigmoid;
	let next = 0;
	return {
		step() {
			const batch = batches[next]!;
			next = (next + 1) % batches.length;
			tf.tidy(() => {
				const {value, grads} = tf.variableGrads(() => {
					let h: tf.Tensor2D = batch.x;
					for (let l = 0; l < W.length; l++) {
						h = tf.add(tf.matMul(h, W[l]!), b[l]!);
						if (l + 1 < W.length) h = act(h);
					}
					return tf.losses.softmaxCrossEntropy(batch.y, h) as tf.Scalar;
				}, vars);
				const loss = value.dataSync()[0]!;
				if (!Number.isFinite(loss)) throw new Error(`tfjs: config ${c.id} diverged`);
				const named = vars.map((v) => ({name: v.name, tensor: grads[v.name]!}));
				for (const {tensor} of named) tf.norm(tensor).dataSync();
				optimizer.applyGradients(named);
			});
		},
		tensors: () => tf.memory().numTensors,
		dispose() {
			for (const {x, y} of batches) tf.dispose([x, y]);
			tf.dispose(vars);
			optimizer.dispose();
		},
	};
}
