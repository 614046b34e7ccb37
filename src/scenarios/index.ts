/** Scenario files: the format, loading and validation, and turning runs into training inputs. */
export {buildDataSplit, buildTrainConfig, loadCheckpointFile} from './data.js';
export {ScenarioError, type Problem} from './errors.js';
export {builtinDir, findScenario, listScenarios, loadScenarioFile, parseScenario} from './load.js';
export {merge} from './merge.js';
export {DEFAULTS} from './resolve.js';
export {editDistance, suggest} from './suggest.js';
export type * from './types.js';
