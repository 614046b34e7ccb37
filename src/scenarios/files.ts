/**
 * The one way gradlab reads a file someone gave it: a scenario, a tour manifest, a CSV, a
 * checkpoint or a recording (`gradlab view`). Files are passed around and may be anything: a folder, a FIFO that blocks a reader
 * forever, `/dev/zero`, a 2 GB log, a UTF-16 export from a spreadsheet. So:
 * - anything but a regular file is refused before it is opened for reading — and the opened
 *   descriptor is checked again (a FIFO swapped in between cannot block: it is opened
 *   non-blocking and refused by its fstat);
 * - a file over its kind's size limit is refused, and no more than the limit is ever read;
 * - the bytes must be UTF-8 (a UTF-8 byte-order mark is dropped); UTF-16 and other encodings
 *   are named as such.
 * Every refusal is a FileProblem: one sentence about the file that never quotes its content.
 */
import {type Stats, closeSync, constants, fstatSync, openSync, readSync, statSync} from 'node:fs';
import {isUtf8} from 'node:buffer';
import {displayPath} from './errors.js';

/** What a file is read as; each kind has its own size limit. */
export type FileKind = 'scenario' | 'manifest' | 'csv' | 'checkpoint' | 'recording';

const MB = 1024 * 1024;

/**
 * Size limits, in bytes. A lesson is a page of YAML (the largest built-in is under 5 KB; parsing
 * YAML takes over 1 KB of memory per value, so 256 KB of it stays under 250 MB); a CSV is a
 * teaching data set, well under the row and cell limits in limits.ts; a checkpoint of the largest
 * network allowed (1,000,000 parameters, ~20 bytes each as JSON) is about 20 MB; a recording is
 * larger than any gradlab writes (a 100,000-step run logged at every step is ~40 MB).
 */
export const FILE_LIMITS: Readonly<Record<FileKind, number>> = {
	scenario: 256 * 1024,
	manifest: 64 * 1024,
	csv: 16 * MB,
	checkpoint: 32 * MB,
	recording: 64 * MB,
};

/** "a scenario file", for sentences. */
export const FILE_NOUNS: Readonly<Record<FileKind, string>> = {
	scenario: 'a scenario file',
	manifest: 'a tour manifest',
	csv: 'a CSV file',
	checkpoint: 'a checkpoint',
	recording: 'a gradlab recording',
};

/** A file gradlab will not read. `sentence` completes "<file> …": "is a folder". */
export class FileProblem extends Error {
	override name = 'FileProblem';
	readonly file: string;
	readonly sentence: string;

	constructor(file: string, sentence: string) {
		super(`${displayPath(file)}: ${sentence}`);
		this.file = file;
		this.sentence = sentence;
	}
}

/** Reads `file` as UTF-8 text after the checks above. Throws FileProblem. */
export function readUserText(file: string, kind: FileKind): string {
	const limit = FILE_LIMITS[kind];
	let stats: Stats;
	try {
		stats = statSync(file);
	} catch (error) {
		throw new FileProblem(file, readReason(error));
	}
	refuseUnlessRegular(file, stats, kind);
	refuseIfLarger(file, stats.size, kind);
	let fd: number;
	try {
		// Non-blocking: should a FIFO be swapped in after the stat, opening it must not wait for a writer.
		fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
	} catch (error) {
		throw new FileProblem(file, readReason(error));
	}
	try {
		const opened = fstatSync(fd);
		refuseUnlessRegular(file, opened, kind);
		refuseIfLarger(file, opened.size, kind);
		return decode(file, readAtMost(file, fd, limit, kind));
	} finally {
		closeSync(fd);
	}
}

/** Reads to the end, refusing once more than `limit` bytes arrive (a file growing as it is read). */
function readAtMost(file: string, fd: number, limit: number, kind: FileKind): Buffer {
	const chunks: Buffer[] = [];
	let total = 0;
	for (;;) {
		const chunk = Buffer.allocUnsafe(64 * 1024);
		let n: number;
		try {
			n = readSync(fd, chunk, 0, chunk.length, null);
		} catch (error) {
			throw new FileProblem(file, readReason(error));
		}
		if (n === 0) break;
		total += n;
		if (total > limit) refuseIfLarger(file, total, kind);
		chunks.push(chunk.subarray(0, n));
	}
	return Buffer.concat(chunks, total);
}

function refuseUnlessRegular(file: string, stats: Stats, kind: FileKind): void {
	if (stats.isFile()) return;
	const what = stats.isDirectory()
		? 'is a folder'
		: stats.isFIFO()
			? 'is a FIFO (a named pipe)'
			: stats.isCharacterDevice() || stats.isBlockDevice()
				? 'is a device'
				: stats.isSocket()
					? 'is a socket'
					: 'is not a regular file';
	throw new FileProblem(file, `${what}, not ${FILE_NOUNS[kind]}`);
}

function refuseIfLarger(file: string, size: number, kind: FileKind): void {
	const limit = FILE_LIMITS[kind];
	if (size <= limit) return;
	// Just over the limit both round alike: then the bytes say it.
	const shown = formatBytes(size) === formatBytes(limit) ? `${size.toLocaleString('en-US')} bytes` : formatBytes(size);
	throw new FileProblem(file, `is ${shown}; the limit for ${FILE_NOUNS[kind]} is ${formatBytes(limit)}`);
}

/** UTF-8 text, without a byte-order mark; anything else is named. */
function decode(file: string, bytes: Buffer): string {
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
		throw new FileProblem(file, 'is UTF-16 text; save it as UTF-8');
	}
	const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
	if (body.includes(0)) throw new FileProblem(file, 'holds NUL bytes: it is binary, or UTF-16 text without a byte-order mark; save it as UTF-8 text');
	if (!isUtf8(body)) throw new FileProblem(file, `is not UTF-8 text (line ${firstBadLine(body)}); save it as UTF-8`);
	return body.toString('utf8');
}

/** The 1-based line holding the first byte sequence that is not UTF-8. */
function firstBadLine(bytes: Buffer): number {
	let line = 1;
	let start = 0;
	while (start < bytes.length) {
		let end = bytes.indexOf(0x0a, start);
		if (end < 0) end = bytes.length;
		if (!isUtf8(bytes.subarray(start, end))) return line;
		line++;
		start = end + 1;
	}
	return line;
}

/** "1.5 MB", "26 MB", "640 KB", "12 bytes". */
export function formatBytes(bytes: number): string {
	if (bytes >= 1024 ** 3) return `${round(bytes / 1024 ** 3)} GB`;
	if (bytes >= MB) return `${round(bytes / MB)} MB`;
	if (bytes >= 1024) return `${round(bytes / 1024)} KB`;
	return `${bytes} bytes`;
}

const round = (x: number): string => (x >= 10 ? Math.round(x).toLocaleString('en-US') : String(Math.round(x * 10) / 10));

/** Why a file cannot be read, as a predicate: "does not exist" rather than "ENOENT: no such file or directory, open '…'". */
export function readReason(error: unknown): string {
	const code = (error as {code?: unknown} | null)?.code;
	if (code === 'ENOENT') return 'does not exist';
	if (code === 'ENOTDIR') return 'does not exist (a folder on its path is a file)';
	if (code === 'EISDIR') return 'is a folder';
	if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
	if (code === 'ELOOP') return 'is a loop of symbolic links';
	if (code === 'ENAMETOOLONG') return 'has a name that is too long';
	return `cannot be read (${error instanceof Error ? error.message : String(error)})`;
}
