/**
 * The scenario file format, as zod schemas. They check the shape of what a teacher wrote —
 * types, ranges, names, unknown keys — and normalise shorthands (`optimizer: adam` →
 * `{name: adam}`), but fill no defaults: a run's sections are partial overrides, so defaults
 * and cross-field rules (betas only on adam…) are applied after merging, in resolve.ts.
 *
 * Every leaf carries its "expected …" phrase as its error message; errors.ts turns issues into
 * `path: got X, expected <phrase>` lines.
 */
import * as z from 'zod';
import {ACTIVATION_NAMES} from '../core/activations.js';
import {REGRESSION_NAMES, TOY_NAMES} from '../core/data/index.js';
import {INIT_NAMES} from '../core/init.js';
import {type FlagCheck, type NumberCheck, OPTION_CHECKS, OPTION_NAMES, type OptionCheck, type OptionName} from '../core/optim/config.js';
import {OPTIMIZER_NAMES} from '../core/optim/optimizer.js';
import {SCHEDULE_NAMES} from '../core/schedule.js';
import {SLICE_MODES} from '../core/slope.js';
import {SURFACE_NAMES} from '../core/surfaces.js';
import {VIEW_NAMES} from './types.js';

/** Marks an unknown-key issue's message as the list of allowed keys (errors.ts reads it back). */
export const ALLOWED_KEYS_PREFIX = 'allowed-keys:';

/** A strict object: unknown keys fail, and the message lists the keys that are allowed. */
function strict<T extends z.core.$ZodLooseShape>(shape: T, expected?: string) {
	const keys = Object.keys(shape);
	return z.strictObject(shape, {
		error: (issue) => {
			if (issue.code === 'unrecognized_keys') return ALLOWED_KEYS_PREFIX + keys.join(', ');
			if (issue.code === 'invalid_type') return expected ?? `a mapping with the fields ${keys.join(', ')}`;
			return undefined;
		},
	});
}

/** A number that passes `test`; every failure reads "expected <expected>". */
function num(expected: string, test: (v: number) => boolean) {
	return z.number({error: expected}).refine(test, {error: expected});
}

const positive = () => num('a number > 0', (v) => v > 0);
const nonNegative = () => num('a number ≥ 0', (v) => v >= 0);
const unit = () => num('a number from 0 to 1', (v) => v >= 0 && v <= 1);
const positiveInt = () => num('a whole number > 0', (v) => Number.isInteger(v) && v > 0);
const naturalInt = () => num('a whole number ≥ 0', (v) => Number.isInteger(v) && v >= 0);
const bool = () => z.boolean({error: 'true or false'});
const text = (expected = 'text') => z.string({error: expected});
const nonEmpty = (expected: string) => z.string({error: expected}).refine((s) => s.trim() !== '', {error: expected});

/** `x` → `{[key]: x}` for the shorthand forms (a bare name, a bare caption). */
function shorthand<S extends z.ZodType>(key: string, schema: S) {
	return z.preprocess((v) => (typeof v === 'string' ? {[key]: v} : v), schema);
}

/** Plain text for both languages, or `{en, ko}`. */
export const textSchema = shorthand('en', strict({en: text(), ko: text().optional()}, 'text, or {en: …, ko: …}'));

/**
 * A run's label: one name for both languages (`relu`, `SGD`), or `{en: batch 1, ko: 배치 1}` for
 * a label that is words. An empty string stays a string, so its error names the label itself.
 */
export const labelSchema = z.preprocess(
	(v) => (typeof v === 'string' && v.trim() !== '' ? {en: v} : v),
	strict({en: nonEmpty('a non-empty label'), ko: nonEmpty('a non-empty label').optional()}, 'a non-empty label, or {en: …, ko: …}'),
);

/** An intro card: like text, but neither language may be blank (an empty card is surely a slip). */
export const introSchema = shorthand(
	'en',
	strict({en: nonEmpty('non-empty text'), ko: nonEmpty('non-empty text').optional()}, 'text (a few lines), or {en: …, ko: …}'),
);

/** `weightDecay` → `weight_decay`: a core option's name as written in files (torch's own spelling). */
export type FileKey<S extends string> = S extends `${infer Head}${infer Tail}` ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${FileKey<Tail>}` : S;

export function fileKey<S extends string>(option: S): FileKey<S> {
	return option.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) as FileKey<S>;
}

/** The zod schema for one option, from the core's check (so the ranges and their wording live there). */
type ZodFor<C extends OptionCheck> = C extends NumberCheck ? z.ZodNumber : C extends FlagCheck ? z.ZodBoolean : z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>;

function zodFor(check: OptionCheck): ZodFor<OptionCheck> {
	switch (check.kind) {
		case 'number':
			return num(check.allowed, check.test);
		case 'flag':
			return z.boolean({error: check.allowed});
		case 'pair':
			return z.tuple([num(check.item.allowed, check.item.test), num(check.item.allowed, check.item.test)], {error: check.allowed});
	}
}

type OptionChecks = typeof OPTION_CHECKS;

/** Optimizer hyperparameters as written in files: torch's snake_case names, checked as the core checks them. */
const hyperShape = Object.fromEntries(OPTION_NAMES.map((option) => [fileKey(option), zodFor(OPTION_CHECKS[option]).optional()])) as {
	[K in OptionName as FileKey<K>]: z.ZodOptional<ZodFor<OptionChecks[K]>>;
};

/** `sgd` or `{name: sgd, lr: 0.1, …}`. The name may be left out in a run that only changes `lr`. */
export const optimizerSchema = shorthand('name', strict({name: z.enum(OPTIMIZER_NAMES).optional(), ...hyperShape}, 'an optimizer name, or {name: …, lr: …}'));

/** `he-normal` or `{name: normal, std: 0.01}`. */
export const initSchema = shorthand(
	'name',
	strict({name: z.enum(INIT_NAMES).optional(), std: positive().optional(), a: positive().optional()}, 'an initializer name, or {name: normal, std: …}'),
);

export const DATASET_NAMES = [...TOY_NAMES, 'digits', ...REGRESSION_NAMES] as const;

/** Options that only the generated sets take (the toys; the regression sets take samples and noise). */
export const TOY_ONLY = ['samples', 'noise', 'classes'] as const;

const column = () => z.union([z.string(), naturalInt()], {error: 'a column name or a 0-based column number'});

/**
 * A built-in data set by name (`spiral` or `{name: spiral, noise: 0.2}`), or a CSV: `{csv: file,
 * label: column}` to classify, `{csv: file, target: column}` (or a list of columns) to regress.
 * `test` is the share held out, or a second CSV with the same columns.
 */
export const datasetSchema = shorthand(
	'name',
	strict(
		{
			name: z.enum(DATASET_NAMES).optional(),
			csv: nonEmpty('a path to a CSV file').optional(),
			label: column().optional(),
			target: z.union([column(), z.array(column()).min(1)], {error: 'a column name or number, or a list of them'}).optional(),
			samples: num('a whole number ≥ 2', (v) => Number.isInteger(v) && v >= 2).optional(),
			noise: nonNegative().optional(),
			classes: num('a whole number ≥ 2', (v) => Number.isInteger(v) && v >= 2).optional(),
			test: z
				.union([z.number(), z.string()], {error: 'a number from 0 to 1 (1 excluded), or a path to a test CSV'})
				.refine((v) => typeof v !== 'number' || (v >= 0 && v < 1), {error: 'a number from 0 to 1 (1 excluded)'})
				.refine((v) => typeof v !== 'string' || v.trim() !== '', {error: 'a path to a test CSV file'})
				.optional(),
			standardize: bool().optional(),
		},
		'a data set name, or {name: …} or {csv: …}',
	),
);

export const modelSchema = strict({
	hidden: z.array(positiveInt(), {error: 'a list of hidden layer sizes, like [16, 16] ([] for none)'}).optional(),
	activation: z.enum(ACTIVATION_NAMES).optional(),
	init: initSchema.optional(),
	/** null undoes a `weights` inherited from the base: fresh seeded weights. */
	weights: nonEmpty('a path to a checkpoint (.json), or null').nullable().optional(),
});

export const LOSS_NAMES = ['cross-entropy', 'mse', 'mae'] as const;

/**
 * One entry of a learning-rate schedule: a formula by name (`cosine`, `{name: step, every: 300}`)
 * or a set-point (`{at: 500, lr: 0.01}`). Which keys go with which kind is checked in schedule.ts.
 */
export const scheduleEntrySchema = shorthand(
	'name',
	strict(
		{
			name: z.enum(SCHEDULE_NAMES).optional(),
			at: naturalInt().optional(),
			lr: positive().optional(),
			momentum: nonNegative().optional(),
			every: positiveInt().optional(),
			milestones: z.array(positiveInt(), {error: 'a list of step counts, like [300, 600]'}).optional(),
			gamma: positive().optional(),
			steps: positiveInt().optional(),
			min_lr: nonNegative().optional(),
			start_factor: num('a number > 0 and ≤ 1', (v) => v > 0 && v <= 1).optional(),
			end_factor: unit().optional(),
		},
		'a formula like cosine or {name: step, every: 300}, or a set-point like {at: 500, lr: 0.01}',
	),
);

const scheduleSchema = z.array(scheduleEntrySchema, {error: 'a list of schedule entries, like [cosine, {at: 500, lr: 0.01}]'});

export const trainSchema = strict({
	optimizer: optimizerSchema.optional(),
	schedule: scheduleSchema.optional(),
	batch: z.union([z.literal('full'), positiveInt()], {error: 'a whole number > 0, or "full"'}).optional(),
	steps: positiveInt().optional(),
	loss: z.enum(LOSS_NAMES).optional(),
	shuffle: bool().optional(),
	seed: naturalInt().optional(),
});

const viewName = () => z.enum(VIEW_NAMES);

/** A caption from step `at` on; `view` names the view it talks about (shown when it appears). */
export const noteSchema = shorthand(
	'en',
	strict({at: naturalInt().optional(), view: viewName().optional(), en: text(), ko: text().optional()}, 'a caption: {at: step, en: …, ko: …}'),
);

export const X_AXES = ['step', 'epoch', 'samples', 'seconds'] as const;

/** `gradients` (the view to open on) or `{show: gradients, x: epoch, loss: linear, along: gradient}`. */
export const viewSchema = shorthand(
	'show',
	strict({show: viewName().optional(), x: z.enum(X_AXES).optional(), loss: z.enum(['log', 'linear']).optional(), along: z.enum(SLICE_MODES).optional()}, 'a view name like gradients, or {show: …, x: …, loss: …, along: …}'),
);

const SPEED = 'a number of steps per second > 0, or "max"';

/** The dashboard's pace: steps per second, or `max`. */
export const speedSchema = z.union([z.literal('max'), num(SPEED, (v) => v > 0 && Number.isFinite(v))], {error: SPEED});

/** The fields both kinds share. */
const common = {
	kind: z.enum(['network', 'surface']).optional(),
	title: textSchema.optional(),
	summary: textSchema.optional(),
	/** A few lines shown as a card before training starts (the tour's chapters have one). */
	intro: introSchema.optional(),
	/** Position in the lesson list (lower first); files without one follow, by name. */
	order: z.number({error: 'a number'}).optional(),
	notes: z.array(noteSchema, {error: 'a list of captions, like [{at: 0, en: …, ko: …}]'}).optional(),
	view: viewSchema.optional(),
	speed: speedSchema.optional(),
};

export const networkRunSchema = strict({
	label: labelSchema.optional(),
	dataset: datasetSchema.optional(),
	model: modelSchema.optional(),
	train: trainSchema.optional(),
});

export const networkFileSchema = strict(
	{
		...common,
		dataset: datasetSchema.optional(),
		model: modelSchema.optional(),
		train: trainSchema.optional(),
		runs: z.array(networkRunSchema, {error: 'a list of runs, like [{label: …}, …]'}).optional(),
	},
	'a mapping of scenario fields (title, dataset, model, train, runs, …)',
);

export const surfaceRunSchema = strict({
	label: labelSchema.optional(),
	optimizer: optimizerSchema,
	steps: positiveInt().optional(),
	schedule: scheduleSchema.optional(),
});

export const surfaceFileSchema = strict(
	{
		...common,
		surface: z.enum(SURFACE_NAMES).optional(),
		start: z.tuple([z.number({error: 'a number'}), z.number({error: 'a number'})], {error: 'a point [x, y]'}).optional(),
		steps: positiveInt().optional(),
		seed: naturalInt().optional(),
		runs: z.array(surfaceRunSchema, {error: 'a list of runs, like [{optimizer: adam}, …]'}).optional(),
	},
	'a mapping of scenario fields (title, surface, start, runs, …)',
);

export type OptimizerInput = z.output<typeof optimizerSchema>;
export type InitInput = z.output<typeof initSchema>;
export type DatasetInput = z.output<typeof datasetSchema>;
export type ModelInput = z.output<typeof modelSchema>;
export type TrainInput = z.output<typeof trainSchema>;
export type ScheduleEntryInput = z.output<typeof scheduleEntrySchema>;
export type TextInput = z.output<typeof textSchema>;
export type IntroInput = z.output<typeof introSchema>;
export type LabelInput = z.output<typeof labelSchema>;
export type NoteInput = z.output<typeof noteSchema>;
export type ViewInput = z.output<typeof viewSchema>;
export type NetworkRunInput = z.output<typeof networkRunSchema>;
export type NetworkFileInput = z.output<typeof networkFileSchema>;
export type SurfaceRunInput = z.output<typeof surfaceRunSchema>;
export type SurfaceFileInput = z.output<typeof surfaceFileSchema>;
