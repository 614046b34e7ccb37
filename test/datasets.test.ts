import {describe, expect, it} from 'vitest';
import {createRng} from '../src/core/rng.js';
import type {ClassificationSplit, Dataset, LabelledRows} from '../src/core/types.js';
import {CsvError, digitsSource, makeToy, parseCsv, prepareData, TOY_NAMES} from '../src/core/data/index.js';
import type {CsvOptions, LabelledSource, PrepareOptions, ToyName} from '../src/core/data/index.js';
import type {Rng} from '../src/core/rng.js';

function loadDigits(test: number, rng: Rng): ClassificationSplit {
	return prepareData(digitsSource(), {test, order: 'shuffled', standardize: false}, rng);
}

function classCounts(d: LabelledRows): number[] {
	const counts = new Array<number>(d.classes).fill(0);
	for (const c of d.y) counts[c]!++;
	return counts;
}

function totalCounts(s: ClassificationSplit): number[] {
	const a = classCounts(s.train);
	const b = classCounts(s.test);
	return a.map((v, i) => v + b[i]!);
}

const DEFAULT_CLASSES: Record<ToyName, number> = {spiral: 2, circles: 2, xor: 2, moons: 2, blobs: 3};

describe('toys', () => {
	for (const name of TOY_NAMES) {
		it(`${name}: shape, balance, range`, () => {
			const s = makeToy(name, {samples: 301, noise: 0.1, test: 0.2}, createRng(1));
			const k = DEFAULT_CLASSES[name];
			expect(s.name).toBe(name);
			expect(s.classNames).toEqual(Array.from({length: k}, (_, i) => String(i)));
			for (const d of [s.train, s.test]) {
				expect(d.features).toBe(2);
				expect(d.classes).toBe(k);
				expect(d.x.length).toBe(d.n * 2);
				expect(d.y.length).toBe(d.n);
				for (const v of d.x) expect(Math.abs(v)).toBeLessThan(2);
				for (const c of d.y) expect(c >= 0 && c < k).toBe(true);
			}
			expect(s.test.n).toBe(60);
			expect(s.train.n).toBe(241);
			const counts = totalCounts(s);
			expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
			expect(counts.reduce((a, b) => a + b, 0)).toBe(301);
		});

		it(`${name}: same seed ⇒ same data, different seed ⇒ different data`, () => {
			const opts = {samples: 200, noise: 0.1, test: 0.25};
			const a = makeToy(name, opts, createRng(7));
			const b = makeToy(name, opts, createRng(7));
			const c = makeToy(name, opts, createRng(8));
			expect(b.train.x).toEqual(a.train.x);
			expect(b.train.y).toEqual(a.train.y);
			expect(b.test.x).toEqual(a.test.x);
			expect(b.test.y).toEqual(a.test.y);
			expect(c.train.x).not.toEqual(a.train.x);
		});
	}

	it('spiral takes 3 arms and blobs takes k', () => {
		const spiral = makeToy('spiral', {samples: 300, noise: 0.05, classes: 3, test: 0}, createRng(2));
		expect(spiral.train.classes).toBe(3);
		expect(classCounts(spiral.train)).toEqual([100, 100, 100]);
		const blobs = makeToy('blobs', {samples: 103, noise: 0.2, classes: 5, test: 0}, createRng(2));
		expect(classCounts(blobs.train)).toEqual([21, 21, 21, 20, 20]);
	});

	it('two-class toys refuse other class counts', () => {
		expect(() => makeToy('circles', {samples: 100, noise: 0, classes: 3, test: 0}, createRng(1))).toThrow(RangeError);
	});

	it('noise 0 gives the clean shapes', () => {
		const rng = createRng(3);
		const circles = makeToy('circles', {samples: 100, noise: 0, test: 0}, rng).train;
		for (let i = 0; i < circles.n; i++) {
			const r = Math.hypot(circles.x[2 * i]!, circles.x[2 * i + 1]!);
			expect(r).toBeCloseTo(circles.y[i] === 0 ? 1 : 0.5, 12);
		}
		const xor = makeToy('xor', {samples: 100, noise: 0, test: 0}, rng).train;
		for (let i = 0; i < xor.n; i++) {
			const same = Math.sign(xor.x[2 * i]!) === Math.sign(xor.x[2 * i + 1]!);
			expect(xor.y[i]).toBe(same ? 0 : 1);
		}
		const blobs = makeToy('blobs', {samples: 30, noise: 0, test: 0}, rng).train;
		for (let i = 0; i < blobs.n; i++) expect(Math.hypot(blobs.x[2 * i]!, blobs.x[2 * i + 1]!)).toBeCloseTo(1, 12);
		const spiral = makeToy('spiral', {samples: 100, noise: 0, test: 0}, rng).train;
		for (const v of spiral.x) expect(Math.abs(v)).toBeLessThanOrEqual(1 + 1e-12);
	});

	it('test fraction sizes, and the split is stratified and shuffled', () => {
		const opts = {samples: 400, noise: 0.1};
		expect(makeToy('moons', {...opts, test: 0}, createRng(1)).test.n).toBe(0);
		const half = makeToy('moons', {...opts, test: 0.5}, createRng(1));
		expect(half.test.n).toBe(200);
		expect(classCounts(half.test)).toEqual([100, 100]);
		const tenth = makeToy('blobs', {...opts, test: 0.1}, createRng(1));
		expect(tenth.test.n).toBe(40);
		expect(classCounts(tenth.test)).toEqual([14, 13, 13]);
		// Generated class by class, but stored shuffled: the first 20 training rows mix classes.
		expect(new Set(half.train.y.subarray(0, 20)).size).toBe(2);
		for (const bad of [1, -0.1, Number.NaN]) {
			expect(() => makeToy('moons', {...opts, test: bad}, createRng(1))).toThrow(RangeError);
		}
	});

	it('prepareData keeps every row exactly once', () => {
		const n = 50;
		const x = Float64Array.from({length: n * 2}, (_, i) => i);
		const y = Int32Array.from({length: n}, (_, i) => i % 2);
		const source: LabelledSource = {name: 'ids', featureNames: ['a', 'b'], classNames: ['even', 'odd'], rows: {task: 'classification', x, y, n, features: 2, classes: 2}};
		const s = prepareData(source, {test: 0.3, order: 'shuffled', standardize: false}, createRng(4));
		expect(s.classNames).toEqual(['even', 'odd']);
		expect(s.test.n).toBe(15);
		const rows = [...s.train.x, ...s.test.x].filter((_, i) => i % 2 === 0).sort((a, b) => a - b);
		expect(rows).toEqual(Array.from({length: n}, (_, i) => 2 * i));
		for (const d of [s.train, s.test]) {
			for (let i = 0; i < d.n; i++) {
				expect(d.x[2 * i + 1]).toBe(d.x[2 * i]! + 1);
				expect(d.y[i]).toBe((d.x[2 * i]! / 2) % 2);
			}
		}
	});
});

describe('digits', () => {
	const s = loadDigits(0.25, createRng(5));

	it('has the 1,797 UCI images in 10 classes of about 180', () => {
		expect(s.name).toBe('digits');
		expect(s.train.n + s.test.n).toBe(1797);
		expect(s.test.n).toBe(449);
		expect(s.train.features).toBe(64);
		expect(s.train.classes).toBe(10);
		expect(s.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
		expect(totalCounts(s)).toEqual([178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
	});

	it('scales pixels 0..16 to [0, 1] in steps of 1/16', () => {
		let min = Infinity;
		let max = -Infinity;
		let offGrid = 0;
		for (const d of [s.train, s.test]) {
			for (const v of d.x) {
				if (!Number.isInteger(v * 16)) offGrid++;
				min = Math.min(min, v);
				max = Math.max(max, v);
			}
		}
		expect(offGrid).toBe(0);
		expect(min).toBe(0);
		expect(max).toBe(1);
	});

	it('is deterministic per seed', () => {
		const again = loadDigits(0.25, createRng(5));
		expect(again.train.y).toEqual(s.train.y);
		expect(again.test.x).toEqual(s.test.x);
		expect(loadDigits(0.25, createRng(6)).train.y).not.toEqual(s.train.y);
	});
});

describe('parseCsv', () => {
	const prepared = (source: LabelledSource | ReturnType<typeof parseCsv>, options: Partial<PrepareOptions> = {}) =>
		prepareData(source as LabelledSource, {test: 0, order: 'shuffled', standardize: true, ...options}, createRng(9));
	const csv = (text: string, options: CsvOptions & {test?: number} = {}) => prepared(parseCsv(text, options), {test: options.test ?? 0});

	function csvError(text: string, options: {label?: string | number} = {}): CsvError {
		try {
			csv(text, options);
		} catch (e) {
			expect(e).toBeInstanceOf(CsvError);
			return e as CsvError;
		}
		throw new Error('expected a CsvError');
	}

	it('rejects an empty file', () => {
		for (const text of ['', '\n\n', ' \r\n']) {
			const e = csvError(text);
			expect(e.message).toMatch(/empty/);
			expect(e.name).toBe('CsvError');
		}
	});

	it('rejects a header with no rows', () => {
		const e = csvError('a,b,label\n\n');
		expect(e.message).toBe('The CSV file has a header row but no data rows.');
	});

	it('rejects a missing label column, listing the columns', () => {
		const e = csvError('width,height,kind\n1,2,a\n3,4,b\n', {label: 'species'});
		expect(e.message).toBe('Label column "species" not found. The columns are: width, height, kind.');
		expect(e.column).toBe('species');
		expect(csvError('a,b\n1,0\n', {label: 2}).message).toMatch(/index 2 is out of range.*2 columns.*a, b/);
	});

	it('rejects ragged rows, naming the file line', () => {
		const e = csvError('a,b,c,label\n1,2,3,0\n\n4,5,6,1\n1,2,3,0\n1,2,3,1\n7,8,1\n');
		expect(e.message).toBe('Row 7 has 3 cells, header has 4.');
		expect(e.row).toBe(7);
	});

	it('rejects a non-numeric feature with row, column and text', () => {
		const e = csvError('sepal,petal,species\n1.5,2,setosa\n1.5,abc,virginica\n');
		expect(e.message).toBe('Row 3, column "petal": "abc" is not a number.');
		expect(e.row).toBe(3);
		expect(e.column).toBe('petal');
		const empty = csvError('sepal,petal,species\n1.5,,setosa\n');
		expect(empty.message).toBe('Row 2, column "petal" is empty; feature cells must be numbers.');
		expect(empty.column).toBe('petal');
	});

	it('rejects a single class', () => {
		const e = csvError('a,label\n1,x\n2,x\n');
		expect(e.message).toBe('The label column "label" has only one class ("x"); a classifier needs at least two.');
		expect(e.column).toBe('label');
	});

	it('rejects an unclosed quote', () => {
		expect(csvError('a,label\n1,"x\n2,y\n').message).toMatch(/Row 2: a quoted field is never closed/);
	});

	it('takes the label by name, by index, or the last column', () => {
		const text = 'cls,f1,f2\n1,10,5\n0,20,5\n1,30,6\n0,40,6\n';
		const byName = csv(text, {label: 'cls'});
		const byIndex = csv(text, {label: 0});
		expect(byName.train.features).toBe(2);
		expect(byIndex.train.y).toEqual(byName.train.y);
		expect(byIndex.train.x).toEqual(byName.train.x);
		const last = csv(text);
		expect(last.train.features).toBe(2);
		expect(last.classNames).toEqual(['5', '6']);
		expect(csv(text, {label: 'CLS'}).classNames).toEqual(['0', '1']);
	});

	it('maps string labels to sorted classes and keeps their names', () => {
		const s = csv('x,y,animal\n1,2,zebra\n2,3,ant\n3,4,moose\n4,5,ant\n');
		expect(s.classNames).toEqual(['ant', 'moose', 'zebra']);
		expect(s.train.classes).toBe(3);
		expect(classCounts(s.train)).toEqual([2, 1, 1]);
		// Integers sort numerically, not as text.
		expect(csv('x,y\n1,10\n2,-1\n3,2\n4,10\n').classNames).toEqual(['-1', '2', '10']);
	});

	it('reads quoted fields, CRLF, blank lines and a missing final newline', () => {
		const text = '"width, cm",height,"who"\r\n1,2,"Smith, J"\r\n\r\n3,4,"O""Brien"\r\n5,6,"Smith, J"';
		const s = csv(text, {label: 'who'});
		expect(s.classNames).toEqual(['O"Brien', 'Smith, J']);
		expect(s.train.n).toBe(3);
		expect(classCounts(s.train)).toEqual([1, 2]);
		expect(csv('a,b\n1,x\n2,y\n').train.n).toBe(2);
		// A quoted comma stays inside its column, header included.
		expect(csv('"a,b",c\n1,x\n2,y\n').train.features).toBe(1);
		expect(csvError('"a,b",c\n1,x\nq,y\n').column).toBe('a,b');
	});

	it('standardises features with the training rows only; a constant column becomes 0', () => {
		const lines = ['id,const,label'];
		for (let i = 0; i < 40; i++) lines.push(`${i * 3 + 100},7,${i % 2 === 0 ? 'a' : 'b'}`);
		const s = prepareData(parseCsv(lines.join('\n'), {name: 'mine'}) as LabelledSource, {test: 0.25, order: 'shuffled', standardize: true}, createRng(11));
		expect(s.name).toBe('mine');
		const col = (d: Dataset, j: number) => Array.from({length: d.n}, (_, i) => d.x[i * d.features + j]!);
		const train = col(s.train, 0);
		const mean = train.reduce((a, b) => a + b, 0) / train.length;
		const variance = train.reduce((a, b) => a + (b - mean) ** 2, 0) / train.length;
		expect(mean).toBeCloseTo(0, 12);
		expect(variance).toBeCloseTo(1, 12);
		for (const d of [s.train, s.test]) expect(col(d, 1).every((v) => v === 0)).toBe(true);
		// Recover the raw ids by rank (standardising is increasing and affine), then check both
		// sets used the mean and std of the training ids.
		const all = [...train.map((z) => ({z, train: true})), ...col(s.test, 0).map((z) => ({z, train: false}))];
		all.sort((p, q) => p.z - q.z);
		const raw = all.map((_, r) => r * 3 + 100);
		const trainRaw = raw.filter((_, r) => all[r]!.train);
		const m = trainRaw.reduce((a, b) => a + b, 0) / trainRaw.length;
		const sd = Math.sqrt(trainRaw.reduce((a, b) => a + (b - m) ** 2, 0) / trainRaw.length);
		all.forEach((p, r) => expect(p.z).toBeCloseTo((raw[r]! - m) / sd, 10));
	});
});

describe('prepareData: what is done to the rows, in order', () => {
	// Row i has features (i, 10·i) and class i mod 3, so every row can be recognised after the split.
	const n = 30;
	const source: LabelledSource = {
		name: 'rows',
		featureNames: ['i', 'ten'],
		classNames: ['a', 'b', 'c'],
		rows: {task: 'classification', x: Float64Array.from({length: 2 * n}, (_, k) => (k % 2 === 0 ? k / 2 : 5 * k - 5)), y: Int32Array.from({length: n}, (_, i) => i % 3), n, features: 2, classes: 3},
	};
	const ids = (d: Dataset): number[] => Array.from({length: d.n}, (_, i) => d.x[i * d.features]!);
	const prepare = (options: Partial<PrepareOptions>, seed = 1) => prepareData(source, {test: 0.2, order: 'shuffled', standardize: false, ...options}, createRng(seed));

	it('order "source" keeps both sets in the source order, with the same test rows as "shuffled"', () => {
		const inOrder = prepare({order: 'source'});
		const shuffled = prepare({order: 'shuffled'});
		const trainIds = ids(inOrder.train);
		expect(trainIds).toEqual([...trainIds].sort((a, b) => a - b));
		expect(ids(inOrder.test)).toEqual([...ids(shuffled.test)].sort((a, b) => a - b));
		expect(ids(shuffled.train)).not.toEqual([...ids(shuffled.train)].sort((a, b) => a - b));
		expect(inOrder.test.n).toBe(6);
		// The labels travel with their rows.
		for (const d of [inOrder.train, inOrder.test]) ids(d).forEach((id, k) => expect(d.y[k]).toBe(id % 3));
	});

	it('test: 0 keeps every row for training, in file order when not shuffled', () => {
		const all = prepare({test: 0, order: 'source'});
		expect(ids(all.train)).toEqual(Array.from({length: n}, (_, i) => i));
		expect(all.test.n).toBe(0);
	});

	it('standardize: off leaves the values as given; on uses the training rows only and says what it did', () => {
		const raw = prepare({order: 'source'});
		expect(raw.standardization).toBeNull();
		raw.train.x.forEach((v, k) => expect(v).toBe(k % 2 === 0 ? ids(raw.train)[k / 2] : 10 * ids(raw.train)[(k - 1) / 2]!));
		const scaled = prepare({order: 'source', standardize: true});
		const trainIds = ids(raw.train);
		const mean = trainIds.reduce((a, b) => a + b, 0) / trainIds.length;
		const sd = Math.sqrt(trainIds.reduce((a, b) => a + (b - mean) ** 2, 0) / trainIds.length);
		expect(scaled.standardization!.mean[0]).toBeCloseTo(mean, 12);
		expect(scaled.standardization!.scale[0]).toBeCloseTo(1 / sd, 12);
		ids(raw.test).forEach((id, k) => expect(scaled.test.x[2 * k]).toBeCloseTo((id - mean) / sd, 12));
	});

	it('a separate test source is the test set, rows as given; the training rows are all of the first', () => {
		const other: LabelledSource = {...source, rows: {...source.rows, n: 3, x: Float64Array.of(100, 1000, 101, 1010, 102, 1020), y: Int32Array.of(2, 0, 1)}};
		const s = prepareData(source, {test: other, order: 'source', standardize: true}, createRng(1));
		expect(s.train.n).toBe(n);
		expect(Array.from(s.test.y)).toEqual([2, 0, 1]);
		// Standardised with the training rows' statistics (ids 0…29: mean 14.5), not the test file's.
		expect(s.test.x[0]).toBeCloseTo((100 - 14.5) * s.standardization!.scale[0]!, 12);
		const wide: LabelledSource = {...other, rows: {...other.rows, features: 1, x: Float64Array.of(1, 2, 3)}};
		expect(() => prepareData(source, {test: wide, order: 'source', standardize: false}, createRng(1))).toThrow(/test rows have 1 features/);
	});
});

describe('parseCsv: regression targets and a second file', () => {
	const text = 'area,rooms,price,rent\n50,2,100.5,1.5\n80,3,150,2\n65,2,130.25,1.75\n';

	it('takes one or more target columns, by name or index; every other column is a feature, values as written', () => {
		const one = parseCsv(text, {target: 'price'});
		if (one.rows.task !== 'regression') throw new Error('expected regression');
		expect(one.featureNames).toEqual(['area', 'rooms', 'rent']);
		expect(Array.from(one.rows.y)).toEqual([100.5, 150, 130.25]);
		expect(Array.from(one.rows.x.subarray(0, 3))).toEqual([50, 2, 1.5]);
		const two = parseCsv(text, {target: ['price', 3]});
		if (two.rows.task !== 'regression' || !('targetNames' in two)) throw new Error('expected regression');
		expect(two.targetNames).toEqual(['price', 'rent']);
		expect(two.rows.outputs).toBe(2);
		expect(Array.from(two.rows.y)).toEqual([100.5, 1.5, 150, 2, 130.25, 1.75]);
	});

	it('names the row and column of a target that is not a number (NaN included), empty or missing', () => {
		const error = (csvText: string, options: CsvOptions): string => {
			try {
				parseCsv(csvText, options);
			} catch (e) {
				expect(e).toBeInstanceOf(CsvError);
				return (e as Error).message;
			}
			throw new Error('expected a CsvError');
		};
		expect(error('a,y\n1,2\n2,NaN\n', {target: 'y'})).toBe('Row 3, column "y": "NaN" is not a number.');
		expect(error('a,y\n1,2\n2,\n', {target: 'y'})).toBe('Row 3, column "y" is empty; target cells must be numbers.');
		expect(error('a,y\n1,2\n', {target: 'price'})).toBe('Target column "price" not found. The columns are: a, y.');
		expect(error('a,y\n1,2\n', {target: ['y', 'a']})).toBe('The CSV file has only the target columns "y", "a"; it needs at least one feature column.');
		expect(error('a,y\n1,2\n', {target: ['y', 'Y']})).toBe('The target column "y" is named twice.');
	});

	it('a test file keeps the training file\'s class numbers and refuses a class it never saw', () => {
		const train = parseCsv('x,kind\n1,b\n2,a\n3,c\n', {label: 'kind'}) as LabelledSource;
		const test = parseCsv('x,kind\n4,c\n5,a\n', {label: 'kind', classes: train.classNames}) as LabelledSource;
		expect(Array.from(test.rows.y)).toEqual([2, 0]);
		expect(() => parseCsv('x,kind\n4,c\n5,d\n', {label: 'kind', classes: train.classNames})).toThrow('Row 3, column "kind": "d" is not one of the training file\'s classes (a, b, c).');
		const numeric = parseCsv('x,k\n1,1\n2,10\n', {label: 'k'}) as LabelledSource;
		expect(Array.from((parseCsv('x,k\n1,010\n', {label: 'k', classes: numeric.classNames}) as LabelledSource).rows.y)).toEqual([1]);
	});
});
