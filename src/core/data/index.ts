/** Every data source the lab can train on, and the one path (prepareData) each takes to a DataSplit. */
export {makeToy, toySource, TOY_NAMES} from './toys.js';
export type {ToyName, ToyOptions} from './toys.js';
export {regressionInputs, regressionSource, REGRESSION_NAMES} from './regression.js';
export type {RegressionName, RegressionOptions} from './regression.js';
export {prepareData, defaultClassNames} from './prepare.js';
export type {LabelledSource, PrepareOptions, RowOrder, Source, TargetSource} from './prepare.js';
export {digitsSource, DIGITS_FEATURES, DIGITS_CLASSES, DIGITS_SIDE} from './digits.js';
export {parseCsv, CsvError, excerpt, nameList} from './csv.js';
export type {ColumnRef, CsvOptions} from './csv.js';
