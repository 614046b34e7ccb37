/**
 * Gradient registrations for the kernels a dense-network step touches. `@tensorflow/tfjs-core`'s
 * Node bundle ships without them (the `@tensorflow/tfjs` union package registers them from
 * dist/register_all_gradients, an ESM file Node cannot load), so these are line-for-line ports of
 * tfjs-core 4.22's own gradient configs: Add, BatchMatMul, RealDiv, Sum, Relu, Sigmoid.
 * softmaxCrossEntropy needs none of its own: it is a customGrad op.
 */
import * as tf from '@tensorflow/tfjs-core';

const {assertAndGetBroadcastShape, getReductionAxes} = tf.backend_util;

/** dy summed over the axes `shape` was broadcast along, reshaped back to `shape`. */
function unbroadcast(dy: tf.Tensor, shape: number[], outShape: number[]): tf.Tensor {
	const axes = getReductionAxes(shape, outShape);
	return tf.reshape(axes.length > 0 ? tf.sum(dy, axes) : dy, shape);
}

const configs: tf.GradConfig[] = [
	{
		kernelName: tf.Add,
		inputsToSave: ['a', 'b'],
		gradFunc: (dy, saved) => {
			const [a, b] = saved as [tf.Tensor, tf.Tensor];
			const out = assertAndGetBroadcastShape(a.shape, b.shape);
			return {a: () => unbroadcast(dy as tf.Tensor, a.shape, out), b: () => unbroadcast(dy as tf.Tensor, b.shape, out)};
		},
	},
	{
		kernelName: tf.RealDiv,
		inputsToSave: ['a', 'b'],
		gradFunc: (dy, saved) => {
			const [a, b] = saved as [tf.Tensor, tf.Tensor];
			const out = assertAndGetBroadcastShape(a.shape, b.shape);
			return {
				a: () => {
					const res = tf.div(dy as tf.Tensor, tf.cast(b, 'float32'));
					const axes = getReductionAxes(a.shape, out);
					return axes.length > 0 ? tf.reshape(tf.sum(res, axes), a.shape) : res;
				},
				b: () => {
					let res = tf.mul(dy as tf.Tensor, tf.cast(a, 'float32'));
					const axes = getReductionAxes(b.shape, out);
					if (axes.length > 0) res = tf.reshape(tf.sum(res, axes), b.shape);
					return tf.neg(tf.div(res, tf.cast(tf.square(b), 'float32')));
				},
			};
		},
	},
	{
		kernelName: tf.Sum,
		inputsToSave: ['x'],
		gradFunc: (dy, saved, attrs) => {
			const [x] = saved as [tf.Tensor];
			const expanded = x.shape.slice();
			for (const axis of tf.util.parseAxisParam(attrs['axis'] as number | number[], x.shape)) expanded[axis] = 1;
			const derX = tf.mul(tf.reshape(dy as tf.Tensor, expanded), tf.ones(x.shape, 'float32'));
			return {x: () => derX};
		},
	},
	{
		kernelName: tf.BatchMatMul,
		inputsToSave: ['a', 'b'],
		gradFunc: (dy, saved, attrs) => {
			const [a, b] = saved as [tf.Tensor, tf.Tensor];
			const d = dy as tf.Tensor;
			const transposeA = attrs['transposeA'] === true;
			const transposeB = attrs['transposeB'] === true;
			if (!transposeA && !transposeB) return {a: () => tf.matMul(d, b, false, true), b: () => tf.matMul(a, d, true, false)};
			if (!transposeA) return {a: () => tf.matMul(d, b, false, false), b: () => tf.matMul(d, a, true, false)};
			if (!transposeB) return {a: () => tf.matMul(b, d, false, true), b: () => tf.matMul(a, d, false, false)};
			return {a: () => tf.matMul(b, d, true, true), b: () => tf.matMul(d, a, true, true)};
		},
	},
	{
		kernelName: tf.Relu,
		inputsToSave: ['x'],
		gradFunc: (dy, saved) => {
			const [x] = saved as [tf.Tensor];
			return {x: () => tf.mul(dy as tf.Tensor, tf.cast(tf.step(x), 'float32'))};
		},
	},
	{
		kernelName: tf.Sigmoid,
		outputsToSave: [true],
		gradFunc: (dy, saved) => {
			const [y] = saved as [tf.Tensor];
			return {x: () => tf.mul(dy as tf.Tensor, tf.mul(y, tf.sub(tf.scalar(1), y)))};
		},
	},
];

/** Registers the configs once (registering a kernel's gradient twice only warns, but skip it anyway). */
export function registerDenseGradients(): void {
	for (const config of configs) if (!tf.getGradient(config.kernelName)) tf.registerGradient(config);
}
