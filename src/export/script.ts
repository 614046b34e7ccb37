/**
 * The PyTorch script itself: a header that says what it reproduces, the runs as Python data, and
 * a plain training loop a student can read top to bottom. Everything here is text; plan.ts
 * decides the numbers.
 */
import type {SurfaceName} from '../core/surfaces.js';
import type {NetworkPlan, NetworkRunPlan, SurfacePlan} from './plan.js';
import {pyFloat, pyNumber, pyString, TORCH_ACTIVATIONS, torchOptimizer, torchSchedule} from './python.js';

/** Where the script came from, for its header. */
export interface ScriptContext {
	/** The command that wrote it (`gradlab export digits --torch digits.py`). */
	readonly command: string;
	/** The matching `gradlab run …` command whose jsonl it reproduces. */
	readonly runCommand: string;
	/** The script's file name, and the data file's (beside it). */
	readonly script: string;
	readonly dataFile: string;
	readonly version: string;
}

const RECORD_NOTE = {
	classification: 'run, step, epoch, samples, loss, accuracy, testLoss, testAccuracy, diverged,\ndivergedAt, and per layer gradNormW, gradNormB and updateRatio',
	regression: 'run, step, epoch, samples, loss, r2, testLoss, testR2, diverged, divergedAt,\nand per layer gradNormW, gradNormB and updateRatio',
} as const;

export function networkScript(plan: NetworkPlan, context: ScriptContext): string {
	const regression = plan.task === 'regression';
	const scheduled = plan.runs.some((run) => run.schedule.length > 0);
	const score = regression ? 'r2' : 'accuracy';
	const scoreFunction = regression ? 'loss_and_r2' : 'loss_and_accuracy';
	return `#!/usr/bin/env python3
"""${docLine(plan.scenario.title.en)}: gradlab's lesson as a plain PyTorch training loop.

Written by \`${context.command}\` (gradlab ${context.version}).
It trains the same networks as gradlab: the same data, the same initial weights, the same batches
in the same order, the same torch.optim optimizers and options, the same number of steps. It
prints one JSON line per step per run with the fields of
\`${context.runCommand}\`:
${RECORD_NOTE[plan.task]} (gradlab's saturated and dead
are left out). The runs come one after the other; gradlab interleaves them step by step.

The data, each run's initial weights and the order of the training rows are in ${context.dataFile}
beside this file, exactly as gradlab prepared them:
${plan.dataNotes.map((line) => wrap(`- ${line}`, '  ')).join('\n')}

Run it:  python3 ${context.script} [--steps N]
"""
import argparse
import json
import math
import pathlib

import torch
import torch.nn.functional as F
from torch import nn
${scheduled ? 'from torch.optim import lr_scheduler\n' : ''}
torch.set_default_dtype(torch.float64)  # gradlab computes in float64

DATA_FILE = pathlib.Path(__file__).with_name(${pyString(context.dataFile)})
DATA = json.loads(DATA_FILE.read_text())

# Each run: the data it trains on, its network, loss, batch size, step budget and optimizer.
# "weights" names its initial weights in DATA, "order" the order of its training rows, epoch by
# epoch (None: the rows as stored, every epoch).${scheduled ? SCHEDULE_NOTE : ''}
RUNS = [
${plan.runs.map((run) => runEntry(run, scheduled)).join('\n')}
]

# gradlab scores the test rows this many times over a run's budget.
EVALUATIONS = 200


def make_model(layers, activation):
    """Dense layers with the activation between them; the last layer is linear."""
    modules = [nn.Linear(layers[0], layers[1])]
    for fan_in, fan_out in zip(layers[1:], layers[2:]):
        modules += [activation(), nn.Linear(fan_in, fan_out)]
    return nn.Sequential(*modules)


def load_weights(model, weights):
    """gradlab's weights are laid out like nn.Linear's: W is [out][in], b is [out]."""
    linears = [m for m in model if isinstance(m, nn.Linear)]
    with torch.no_grad():
        for linear, layer in zip(linears, weights):
            linear.weight.copy_(torch.tensor(layer["W"]))
            linear.bias.copy_(torch.tensor(layer["b"]))


${regression ? R2_FUNCTION : ACCURACY_FUNCTION}

def update_ratio(weight, old):
    """‖ΔW‖ / ‖W‖ after the step (0 when W is all zeros)."""
    norm2 = (weight * weight).sum().item()
    return math.sqrt(((weight - old) ** 2).sum().item() / norm2) if norm2 > 0 else 0.0


def finite(value):
    """JSON has no NaN or infinity; gradlab writes them as null."""
    return value if value is not None and math.isfinite(value) else None


def train(run, steps):
    data = DATA["datasets"][run["data"]]
    x, y = torch.tensor(data["train"]["x"]), torch.tensor(data["train"]["y"])
    test_x, test_y = torch.tensor(data["test"]["x"]), torch.tensor(data["test"]["y"])
    n, batch = len(x), run["batch"]
    orders = DATA["orders"][run["order"]] if run["order"] else None
    if orders is not None and math.ceil(steps / math.ceil(n / batch)) > len(orders):
        raise SystemExit(f"{run['label']}: {DATA_FILE.name} holds the row order for {len(orders)} epochs, too few for {steps} steps; export again with --steps {steps}")

    model = make_model(run["layers"], run["activation"])
    load_weights(model, DATA["weights"][run["weights"]])
    linears = [m for m in model if isinstance(m, nn.Linear)]
    optimizer = run["optimizer"](model.parameters())${scheduleCode(scheduled, 'create', 4)}

    eval_every = math.ceil(steps / EVALUATIONS)
    test_loss = test_${score} = None
    layers = [dict(gradNormW=0.0, gradNormB=0.0, updateRatio=0.0) for _ in linears]
    epoch = cursor = samples = 0
    for step in range(1, steps + 1):
        if cursor == 0:  # a new epoch: its order of the training rows
            order = torch.tensor(orders[epoch]) if orders else torch.arange(n)
        rows = order[cursor:cursor + batch]${scheduleCode(scheduled, 'setPoints', 8)}
        loss, ${score} = ${scoreFunction}(run["loss"], model(x[rows]), y[rows])
        samples += len(rows)
        diverged = not math.isfinite(loss.item())
        if not diverged:
            optimizer.zero_grad()
            loss.backward()
            with torch.no_grad():
                grad_norms = [(m.weight.grad.norm().item(), m.bias.grad.norm().item()) for m in linears]
                before = [m.weight.clone() for m in linears]
                optimizer.step()
                layers = [
                    dict(gradNormW=gw, gradNormB=gb, updateRatio=update_ratio(m.weight, old))
                    for m, old, (gw, gb) in zip(linears, before, grad_norms)
                ]
                # gradlab stops a run once a parameter's squared norm is no longer finite.
                diverged = not all(math.isfinite((p * p).sum().item()) for p in model.parameters())${scheduleCode(scheduled, 'step', 12)}
                if not diverged and len(test_x) > 0 and (step % eval_every == 0 or step == steps):
                    test_loss, test_${score} = ${scoreFunction}(run["loss"], model(test_x), test_y)
                    test_loss = test_loss.item()
        print(json.dumps(dict(
            run=run["label"], step=step, epoch=samples / n, samples=samples,
            loss=finite(loss.item()), ${score}=finite(${score}),
            testLoss=finite(test_loss), test${regression ? 'R2' : 'Accuracy'}=finite(test_${score}),
            diverged=diverged, divergedAt=step if diverged else None,
            layers=[{key: finite(value) for key, value in layer.items()} for layer in layers],
        )))
        if diverged:
            return
        cursor += len(rows)
        if cursor >= n:
            epoch, cursor = epoch + 1, 0


${mainCode('train', 'train every run')}`;
}

const ACCURACY_FUNCTION = `def loss_and_accuracy(loss_name, logits, y):
    """The batch's mean loss, and the share of rows whose predicted class is right."""
    if loss_name == "cross-entropy":
        loss = F.cross_entropy(logits, y)
    elif logits.shape[1] == 1:  # MSE with one output: the label itself (0 or 1) is the target
        loss = F.mse_loss(logits[:, 0], y.to(logits.dtype))
    else:  # MSE against one-hot labels
        loss = F.mse_loss(logits, F.one_hot(y, logits.shape[1]).to(logits.dtype))
    predicted = (logits[:, 0] > 0.5).long() if logits.shape[1] == 1 else logits.argmax(dim=1)
    return loss, (predicted == y).sum().item() / len(y)
`;

const R2_FUNCTION = `def loss_and_r2(loss_name, prediction, target):
    """The batch's mean loss, and R² averaged over the target columns (NaN if a column is constant)."""
    loss = F.mse_loss(prediction, target) if loss_name == "mse" else F.l1_loss(prediction, target)
    residual = ((target - prediction) ** 2).sum(dim=0)
    spread = ((target - target.mean(dim=0)) ** 2).sum(dim=0)
    r2 = (1 - residual / spread).mean().item() if bool((spread > 0).all()) else math.nan
    return loss, r2
`;

const SCHEDULE_NOTE = `
# "schedulers" are its torch.optim.lr_scheduler formulas, stepped in the order written after each
# step (torch's ChainedScheduler); "set_points" the lr or momentum it takes after that many steps.`;

function runEntry(run: NetworkRunPlan, scheduled: boolean): string {
	const schedule = torchSchedule(run.schedule);
	return `    dict(
        label=${pyString(run.label)},
        data=${pyString(run.data)},
        layers=[${run.layers.join(', ')}],
        activation=${TORCH_ACTIVATIONS[run.activation]},
        weights=${pyString(run.weights)},
        loss=${pyString(run.loss)},
        batch=${run.batch},
        order=${run.order === null ? 'None' : pyString(run.order)},
        steps=${run.steps},
        optimizer=lambda params: ${torchOptimizer(run.optimizer)},${
			scheduled
				? `
        schedulers=${schedule.schedulers},
        set_points=${schedule.setPoints},`
				: ''
		}
    ),`;
}

/** Each surface as torch code: the same expression as core/surfaces.ts, on a 2-element tensor. */
const SURFACE_CODE: Readonly<Record<SurfaceName, {readonly doc: string; readonly body: string}>> = {
	rosenbrock: {doc: 'Rosenbrock: f = (1 − x)² + 100 (y − x²)², minimum (1, 1).', body: 'return (1 - x) ** 2 + 100 * (y - x * x) ** 2'},
	beale: {
		doc: 'Beale: f = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)², minimum (3, 0.5).',
		body: 'y2 = y * y\n    return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y2) ** 2 + (2.625 - x + x * y2 * y) ** 2',
	},
	saddle: {doc: 'A saddle at the origin with minima at (0, ±√2): f = x² − y² + y⁴/4.', body: 'return x * x - y * y + (y * y * y * y) / 4'},
	quadratic: {doc: 'An ill-conditioned bowl: f = ½ (x² + 50 y²), minimum (0, 0).', body: 'return 0.5 * (x * x + 50 * y * y)'},
	himmelblau: {
		doc: 'Himmelblau: f = (x² + y − 11)² + (x + y² − 7)², four minima with f = 0.',
		body: 'a = x * x + y - 11\n    b = x + y * y - 7\n    return a * a + b * b',
	},
};

export function surfaceScript(plan: SurfacePlan, context: ScriptContext): string {
	const code = SURFACE_CODE[plan.surface];
	const scheduled = plan.runs.some((run) => run.schedule.length > 0);
	const entry = (run: SurfacePlan['runs'][number]): string => {
		const schedule = torchSchedule(run.schedule);
		const extra = scheduled ? `, schedulers=${schedule.schedulers}, set_points=${schedule.setPoints}` : '';
		return `    dict(label=${pyString(run.label)}, steps=${run.steps}, optimizer=lambda params: ${torchOptimizer(run.optimizer)}${extra}),`;
	};
	return `#!/usr/bin/env python3
"""${docLine(plan.scenario.title.en)}: gradlab's optimizer race as a plain PyTorch loop.

Written by \`${context.command}\` (gradlab ${context.version}).
Each run is one 2-element tensor, the point (x, y), that a torch.optim optimizer moves down the
${plan.surface} function from (${plan.start.map(pyNumber).join(', ')}), with the options gradlab uses. It
prints one JSON line per step per run with the fields of
\`${context.runCommand}\`:
run, step, epoch, samples, loss (f at the new point), accuracy, testLoss, testAccuracy,
diverged, divergedAt, x, y and layers. The runs come one after the other; gradlab interleaves
them step by step.

Run it:  python3 ${context.script} [--steps N]
"""
import argparse
import json
import math

import torch
${scheduled ? 'from torch.optim import lr_scheduler\n' : ''}
torch.set_default_dtype(torch.float64)  # gradlab computes in float64

START = [${plan.start.map(pyFloat).join(', ')}]

# gradlab calls a run diverged once f is not finite or the point is this far out.
FAR = 1e6


def ${plan.surface}(point):
    """${code.doc}"""
    x, y = point[0], point[1]
    ${code.body}


${scheduled ? SCHEDULE_NOTE.trimStart() + '\n' : ''}RUNS = [
${plan.runs.map(entry).join('\n')}
]


def race(run, steps):
    point = torch.tensor(START, requires_grad=True)
    optimizer = run["optimizer"]([point])${scheduleCode(scheduled, 'create', 4)}
    for step in range(1, steps + 1):${scheduleCode(scheduled, 'setPoints', 8)}
        optimizer.zero_grad()
        ${plan.surface}(point).backward()
        optimizer.step()
        with torch.no_grad():
            loss = ${plan.surface}(point).item()
        x, y = point[0].item(), point[1].item()
        diverged = not (math.isfinite(loss) and abs(x) <= FAR and abs(y) <= FAR)${scheduleCode(scheduled, 'step', 8)}
        print(json.dumps(dict(
            run=run["label"], step=step, epoch=0, samples=0,
            loss=loss if math.isfinite(loss) else None, accuracy=None, testLoss=None, testAccuracy=None,
            diverged=diverged, divergedAt=step if diverged else None,
            x=x if math.isfinite(x) else None, y=y if math.isfinite(y) else None, layers=[],
        )))
        if diverged:
            return


${mainCode('race', 'run every optimizer')}`;
}

/** Scheduled runs' code, the same in both scripts: make the schedulers, apply a step's set-points, step the schedulers. */
const SCHEDULE_CODE = {
	create: 'schedulers = run["schedulers"](optimizer)  # each applies its value for the first step',
	setPoints: 'for group in optimizer.param_groups:  # a set-point after step - 1 steps\n    group.update(run["set_points"].get(step - 1, {}))',
	step: 'if not diverged:\n    for scheduler in schedulers:  # the values for the next step, in the order written\n        scheduler.step()',
} as const;

/** A part of SCHEDULE_CODE on lines of its own, indented `indent` spaces; nothing when no run is scheduled. */
function scheduleCode(scheduled: boolean, part: keyof typeof SCHEDULE_CODE, indent: number): string {
	return scheduled ? SCHEDULE_CODE[part].split('\n').map((line) => `\n${' '.repeat(indent)}${line}`).join('') : '';
}

/** The script's entry point: `run` (train or race) each run for its own steps, or for --steps N. */
function mainCode(run: 'train' | 'race', what: string): string {
	return `def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, help="${what} for N steps (default: each run's own)")
    args = parser.parse_args()
    if args.steps is not None and args.steps < 1:
        parser.error("--steps must be at least 1")
    for run in RUNS:
        ${run}(run, args.steps or run["steps"])


if __name__ == "__main__":
    main()
`;
}

/** A title safe inside a Python docstring. */
function docLine(text: string): string {
	return text.replaceAll('\\', '\\\\').replaceAll('"""', '\\"\\"\\"').replace(/\s+/g, ' ');
}

/** Word-wraps a note to 96 columns, continuation lines indented. */
function wrap(text: string, indent: string): string {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		if (line && (line + ' ' + word).length > 96) {
			lines.push(line);
			line = indent + word;
		} else line = line ? `${line} ${word}` : word;
	}
	lines.push(line);
	return lines.join('\n');
}
