/**
 * The one way gradlab writes a file: whole or not at all. The text goes to a temporary file in
 * the same folder, is flushed to disk, and only then takes its name — by a rename (replacing an
 * older file of that name, which stays intact until then) or by a hard link (only if the name is
 * free: an export or a saved scenario never replaces anything). A full disk, a read-only folder
 * or an interrupted run leave no half-written file and never empty an existing one.
 */
import {randomUUID} from 'node:crypto';
import {closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync} from 'node:fs';
import * as path from 'node:path';
import {Writable} from 'node:stream';
import {displayPath} from './errors.js';

/** How a finished file takes its name: over an older file of that name, or only if the name is free. */
export type Placement = 'replace' | 'new';

/** A file that could not be written; `message` names it: `runs/out.jsonl: no space left on the device`. */
export class WriteProblem extends Error {
	override name = 'WriteProblem';
	readonly file: string;
	/** What went wrong, without the file name: "no space left on the device". */
	readonly reason: string;
	/** The system's error code (ENOSPC, EACCES …), when there was one. */
	readonly code: string | undefined;

	constructor(file: string, error: unknown) {
		const reason = error instanceof WriteProblem ? error.reason : writeReason(error);
		super(`${displayPath(file)}: ${reason}`);
		this.file = file;
		this.reason = reason;
		this.code = error instanceof WriteProblem ? error.code : (error as NodeJS.ErrnoException | null)?.code;
	}
}

/** Why a file cannot be written: "no space left on the device" rather than "ENOSPC: …". */
export function writeReason(error: unknown): string {
	const code = (error as {code?: unknown} | null)?.code;
	if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such folder';
	if (code === 'EISDIR') return 'is a folder';
	if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
	if (code === 'ENOSPC') return 'no space left on the device';
	if (code === 'EDQUOT') return 'over the disk quota';
	if (code === 'EROFS') return 'the file system is read-only';
	if (code === 'EFBIG') return 'the file is too large for the file system';
	if (code === 'ENAMETOOLONG') return 'the name is too long';
	return error instanceof Error ? error.message : String(error);
}

/** Link errors of file systems without hard links (some network, FAT and container mounts). */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/** A file being written. Every failure is a WriteProblem naming the file. */
export class PendingFile {
	readonly file: string;
	private readonly temp: string;
	private fd: number | null;

	private constructor(file: string, temp: string, fd: number) {
		this.file = file;
		this.temp = temp;
		this.fd = fd;
	}

	/** Creates the temporary file now, so that a folder that cannot take the file fails before any work. */
	static begin(file: string): PendingFile {
		const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID().slice(0, 8)}.tmp`);
		try {
			return new PendingFile(file, temp, openSync(temp, 'wx'));
		} catch (error) {
			throw new WriteProblem(file, error);
		}
	}

	write(text: string | Uint8Array): void {
		const bytes = typeof text === 'string' ? Buffer.from(text) : text;
		try {
			let done = 0;
			while (done < bytes.length) done += writeSync(this.open(), bytes, done, bytes.length - done);
		} catch (error) {
			throw new WriteProblem(this.file, error);
		}
	}

	/**
	 * Flushes the text to disk and gives it the file's name. With 'new', returns false (and keeps
	 * nothing) when a file of that name exists, however recently it appeared.
	 */
	commit(placement: Placement = 'replace'): boolean {
		try {
			const fd = this.open();
			fsyncSync(fd);
			closeSync(fd);
			this.fd = null;
			if (placement === 'replace') {
				renameSync(this.temp, this.file);
				return true;
			}
			return this.link();
		} catch (error) {
			throw new WriteProblem(this.file, error);
		} finally {
			this.discard();
		}
	}

	/** Gives up: the temporary file goes, the file's name is untouched. Safe to call twice. */
	discard(): void {
		if (this.fd !== null) closeSync(this.fd);
		this.fd = null;
		rmSync(this.temp, {force: true});
	}

	/** A stream for code that writes as it goes (headless records); its errors are WriteProblems. */
	stream(): Writable {
		return new Writable({
			write: (chunk: Buffer, _encoding, done) => {
				try {
					this.write(chunk);
					done();
				} catch (error) {
					done(error as Error);
				}
			},
		});
	}

	private open(): number {
		if (this.fd === null) throw new Error('the file is already finished');
		return this.fd;
	}

	private link(): boolean {
		try {
			linkSync(this.temp, this.file);
			return true;
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code ?? '';
			if (code === 'EEXIST') return false;
			if (!NO_LINKS.has(code)) throw error;
		}
		// No hard links here: create the name exclusively and copy (never over an existing file).
		try {
			writeFileSync(this.file, readFileSync(this.temp), {flag: 'wx'});
			return true;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
			rmSync(this.file, {force: true});
			throw error;
		}
	}
}

/** Writes `text` to `file` whole or not at all; with 'new', false if the name is taken. Throws WriteProblem. */
export function writeFileWhole(file: string, text: string, placement: Placement = 'replace'): boolean {
	return writeFilesWhole([{path: file, text}], placement);
}

/** A file to write: where, and its whole text. */
export interface FileText {
	readonly path: string;
	readonly text: string;
}

/**
 * Writes files that belong together (an export's two files), each whole, and all or none: every
 * text goes to its temporary file first — a full disk or a read-only folder fails there, before
 * any file takes its name — then each takes its name in the order given. With 'new', false when
 * a name is taken, and the files this call placed before it are removed again (they are its
 * own). With 'replace', a file already renamed over an older one stays (whole); only a rename can
 * fail by then. Throws WriteProblem naming the file.
 */
export function writeFilesWhole(files: readonly FileText[], placement: Placement = 'replace'): boolean {
	const pending: PendingFile[] = [];
	const placed: string[] = [];
	const removePlaced = (): void => {
		if (placement === 'new') for (const file of placed) rmSync(file, {force: true});
	};
	try {
		for (const file of files) {
			const next = PendingFile.begin(file.path);
			pending.push(next);
			next.write(file.text);
		}
		for (const next of pending) {
			if (!next.commit(placement)) {
				removePlaced();
				return false;
			}
			placed.push(next.file);
		}
		return true;
	} catch (error) {
		removePlaced();
		throw error;
	} finally {
		for (const next of pending) next.discard();
	}
}
