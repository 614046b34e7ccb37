import {describe, expect, it} from 'vitest';
import {parseCli, UsageError} from '../src/cli/args.js';

describe('command line', () => {
	it('parses the headless run', () => {
		const o = parseCli(['run', 'digits', '--headless', '--steps', '100', '--seed', '3', '--every', '5', '--format', 'jsonl', '--out', 'x.jsonl'], {});
		expect(o).toMatchObject({command: 'run', targets: ['digits'], headless: true, steps: 100, seed: 3, every: 5, format: 'jsonl', out: 'x.jsonl'});
	});

	it('defaults to the picker and honours NO_COLOR', () => {
		expect(parseCli([], {})).toMatchObject({command: 'dashboard', targets: [], color: true, fps: 15});
		expect(parseCli([], {NO_COLOR: '1'}).color).toBe(false);
		expect(parseCli(['--no-color'], {}).color).toBe(false);
		expect(parseCli(['vanishing-gradients'], {}).targets).toEqual(['vanishing-gradients']);
	});

	it.each([
		[['--stpes', '5'], 'unknown option --stpes (did you mean --steps?)'],
		[['run', 'x', '--format', 'jsnol'], '--format: got "jsnol", expected one of: table, jsonl, csv (did you mean "jsonl"?)'],
		[['run', 'x', '--steps=0'], '--steps: got "0", expected an integer ≥ 1'],
		[['run', 'x', '--steps', '2.5'], '--steps: got "2.5", expected an integer ≥ 1'],
		[['run'], 'run needs exactly one scenario name or file'],
		[['check'], 'check needs at least one scenario file'],
		[['--fps', '0'], '--fps: got "0", expected a number > 0'],
		[['--lang', 'kr'], '--lang: got "kr", expected one of: en, ko'],
	])('rejects %j', (argv, message) => {
		expect(() => parseCli(argv, {})).toThrow(UsageError);
		expect(() => parseCli(argv, {})).toThrow(message);
	});
});
