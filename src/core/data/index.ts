/** Every data source the lab can train on; each returns a seeded, stratified DataSplit. */
export {makeToy, TOY_NAMES} from './toys.js';
export type {ToyName, ToyOptions} from './toys.js';
export {splitData, defaultClassNames} from './split.js';
export {loadDigits, DIGITS_FEATURES, DIGITS_CLASSES} from './digits.js';
export {parseCsv, CsvError} from './csv.js';
export type {CsvOptions} from './csv.js';
