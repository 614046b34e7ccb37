/** A scenario after loading and validation: every default filled in, every run fully expanded. */
import type {ActivationName} from '../core/activations.js';
import type {ColumnRef, RegressionName, ToyName} from '../core/data/index.js';
import type {OptimizerConfig} from '../core/optim/optimizer.js';
import type {ScheduleEntry} from '../core/schedule.js';
import type {SliceMode} from '../core/slope.js';
import type {SurfaceName} from '../core/surfaces.js';
import type {InitSpec, LossName} from '../core/types.js';

/** Text shown to people: English always, Korean when given. */
export interface Text {
	readonly en: string;
	readonly ko: string;
}

export type Language = 'en' | 'ko';

/**
 * Where a run's data comes from and what is done to it (see prepareData in core/data/prepare.ts).
 * `test`: the share held out for testing; a CSV may instead name a test file (`testFile`, then
 * `test` is 0). `standardize`: features to mean 0 and std 1 from the training rows.
 */
export type DatasetSpec =
	| {readonly kind: 'toy'; readonly name: ToyName; readonly samples: number; readonly noise: number; readonly classes: number; readonly test: number; readonly standardize: boolean}
	| {readonly kind: 'digits'; readonly test: number; readonly standardize: boolean}
	| {readonly kind: 'regression'; readonly name: RegressionName; readonly samples: number; readonly noise: number; readonly test: number; readonly standardize: boolean}
	/** Paths are absolute (resolved against the scenario file's folder). `target` set: regression. */
	| {
			readonly kind: 'csv';
			readonly path: string;
			readonly label: ColumnRef | null;
			readonly target: readonly ColumnRef[] | null;
			readonly test: number;
			readonly testFile: string | null;
			readonly standardize: boolean;
	  };

export interface ModelSpec {
	readonly hidden: readonly number[];
	readonly activation: ActivationName;
	readonly init: InitSpec;
	/** Absolute path of a checkpoint to start from, or null for seeded initial weights. */
	readonly weights: string | null;
	/** The checkpoint's input and output widths (null without one): the data must fit them. */
	readonly inputs: number | null;
	readonly outputs: number | null;
}

export interface TrainSpec {
	readonly optimizer: OptimizerConfig;
	/** How lr (and momentum) change while training: formulas in order, then set-points by step (core/schedule.ts). */
	readonly schedule: readonly ScheduleEntry[];
	readonly batch: number | 'full';
	readonly steps: number;
	readonly loss: LossName;
	readonly shuffle: boolean;
	readonly seed: number;
}

/** One network run: the base settings with its overrides merged in. */
export interface NetworkRunSpec {
	/** The run's name (in English when the file gives two). */
	readonly label: string;
	/** The name in both languages, when the file gives a Korean one (see `localizeLabels`). */
	readonly labelText?: Text;
	readonly dataset: DatasetSpec;
	readonly model: ModelSpec;
	readonly train: TrainSpec;
}

/** One optimizer on a 2-D surface. */
export interface SurfaceRunSpec {
	/** The run's name (in English when the file gives two). */
	readonly label: string;
	/** The name in both languages, when the file gives a Korean one (see `localizeLabels`). */
	readonly labelText?: Text;
	readonly optimizer: OptimizerConfig;
	readonly steps: number;
	/** As a network run's `train.schedule`. */
	readonly schedule: readonly ScheduleEntry[];
}

/**
 * The dashboard's views: loss curves, test images with each run's guesses and confusion matrix
 * (image data), gradient bars, the backprop inspector, the loss along one weight (slope), the
 * decision boundary (2-D classification), the fit (1-D and 2-D regression), gradient histograms,
 * the activation explorer, and the optimizer race map (surface scenarios). A scenario names them
 * to open on one, and a caption to show the one it talks about.
 */
export const VIEW_NAMES = ['loss', 'images', 'gradients', 'inspector', 'slope', 'boundary', 'fit', 'histograms', 'activations', 'race'] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

/** The views each kind of scenario offers, in Tab order; the first is where it opens by default. */
export const VIEWS_OF: Readonly<Record<'network' | 'surface', readonly ViewName[]>> = {
	network: ['loss', 'images', 'gradients', 'inspector', 'slope', 'boundary', 'fit', 'histograms', 'activations'],
	surface: ['race', 'loss'],
};

/** Steps per second, or as fast as the machine goes. */
export type Speed = number | 'max';

export interface Note {
	readonly at: number;
	readonly text: Text;
	/** The view the caption talks about: the dashboard shows it when the caption appears. */
	readonly view?: ViewName;
}

export type XAxis = 'step' | 'epoch' | 'samples' | 'seconds';

export interface ViewHints {
	/** The view the dashboard opens on (unless the first caption names another). */
	readonly show: ViewName;
	readonly x: XAxis;
	readonly loss: 'log' | 'linear';
	/** The line the slope view opens on: one weight, the gradient, or a random direction. */
	readonly along: SliceMode;
}

interface ScenarioBase {
	/** File name without extension: what `gradlab run NAME` takes. */
	readonly id: string;
	/** Absolute path of the file it came from. */
	readonly file: string;
	readonly title: Text;
	readonly summary: Text;
	/**
	 * A few short lines shown as a card before training starts, lines separated by `\n` (no
	 * trailing newline); absent when the file gives none.
	 */
	readonly intro?: Text;
	readonly notes: readonly Note[];
	readonly view: ViewHints;
	/** The pace the dashboard trains at, in steps per second: one at which every caption can be read. */
	readonly speed: Speed;
	/** Position in the lesson list (lower first); lessons without one follow, by id. */
	readonly order?: number;
}

export interface NetworkScenario extends ScenarioBase {
	readonly kind: 'network';
	readonly runs: readonly NetworkRunSpec[];
}

export interface SurfaceScenario extends ScenarioBase {
	readonly kind: 'surface';
	readonly surface: SurfaceName;
	readonly start: readonly [number, number];
	readonly runs: readonly SurfaceRunSpec[];
	readonly seed: number;
}

export type Scenario = NetworkScenario | SurfaceScenario;
