/**
 * How a run's overrides combine with the base: mappings merge key by key, everything else
 * (numbers, names, lists) replaces. One exception keeps runs from inheriting options that
 * belong to something else: when both sides name a different thing (`optimizer: {name: adam}`
 * over `{name: sgd, momentum: 0.9}`, a `csv` over a built-in `name`), the override replaces the
 * whole mapping, so the run starts from the new thing's own defaults.
 */

type Mapping = Record<string, unknown>;

function isMapping(v: unknown): v is Mapping {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** What a mapping names: its data source or its `name`, if any. */
function identity(m: Mapping): string | undefined {
	if (typeof m.csv === 'string') return `csv:${m.csv}`;
	if (typeof m.name === 'string') return `name:${m.name}`;
	return undefined;
}

/** `over` deep-merged onto `base` (neither is modified). */
export function merge<T>(base: T | undefined, over: T | undefined): T | undefined {
	if (over === undefined) return base;
	if (base === undefined || !isMapping(base) || !isMapping(over)) return over;
	const a = identity(base);
	const b = identity(over);
	if (a !== undefined && b !== undefined && a !== b) return over;
	const out: Mapping = {...base};
	for (const [key, value] of Object.entries(over)) out[key] = merge(base[key], value);
	return out as T;
}
