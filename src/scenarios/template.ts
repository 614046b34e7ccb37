/** The starting point `gradlab new NAME` writes: a small lesson, every field explained. */

/** A scenario file titled `title`, with a comment per field; it passes `gradlab check` as it is. */
export function templateScenario(title: string, file: string): string {
	return `# A gradlab scenario: a data set, a model, how to train it, and runs that each change one thing.
# Every field has a default, so any line can go. Check it:  gradlab check ${file}
# Open it:  gradlab ${file}      Numbers without a screen:  gradlab run ${file} --headless

${`title: ${JSON.stringify(title)}`.padEnd(35)} # or {en: …, ko: …}
summary: {en: Two learning rates for the same network., ko: 같은 신경망에 학습률 두 개를 비교해요.}

dataset: {name: spiral, samples: 400, noise: 0.1, test: 0.2}    # spiral circles xor moons blobs digits, or {csv: file.csv, label: column}
model: {hidden: [16, 16], activation: relu, init: he-normal}    # sigmoid tanh relu leaky_relu elu gelu softplus linear
train:
  optimizer: {name: sgd, lr: 0.1}   # sgd momentum nesterov adagrad adadelta rmsprop adam adamw nadam
  batch: 32                         # or full
  steps: 1000
  loss: cross-entropy               # or mse
  seed: 0                           # same seed: same data, initial weights and batches
  # schedule: [{name: linear, start_factor: 0.1, steps: 50}, cosine, {at: 800, lr: 0.01}]
  #   how the lr changes while training: warm-up, cosine decay, and from step 800 on lr 0.01

runs:                               # each run: a label, and what it changes
  - {label: lr 0.1}
  - {label: lr 0.01, train: {optimizer: {lr: 0.01}}}

notes:                              # captions, each shown from step \`at\` on
  - {at: 0, en: "Which learning rate gets the loss lower?", ko: "어느 학습률이 손실을 더 낮출까요?"}
`;
}
