/** A tiny named-check runner: each check is timed, a failure is recorded and the run goes on. */
import { isDeepStrictEqual, inspect } from 'node:util';

export interface CheckResult {
	name: string;
	ok: boolean;
	seconds: number;
	error?: string;
}

export class Checks {
	readonly results: CheckResult[] = [];

	constructor(private readonly prefix = '') {}

	async check(name: string, body: () => Promise<void> | void): Promise<boolean> {
		const started = Date.now();
		const label = this.prefix ? `${this.prefix} ${name}` : name;
		try {
			await body();
			this.record({ name: label, ok: true, seconds: (Date.now() - started) / 1000 });
			return true;
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			this.record({
				name: label,
				ok: false,
				seconds: (Date.now() - started) / 1000,
				error: message,
			});
			return false;
		}
	}

	private record(result: CheckResult) {
		this.results.push(result);
		const mark = result.ok ? 'PASS' : 'FAIL';
		process.stdout.write(`${mark} ${result.name} (${result.seconds.toFixed(1)} s)\n`);
		if (result.error) process.stdout.write(`     ${result.error.split('\n').join('\n     ')}\n`);
	}

	get failed() {
		return this.results.filter((r) => !r.ok).length;
	}

	get passed() {
		return this.results.filter((r) => r.ok).length;
	}
}

/** Throws with both values shown when they differ. */
export function expectEqual(actual: unknown, expected: unknown, what: string) {
	if (!isDeepStrictEqual(actual, expected)) {
		throw new Error(
			`${what}: expected ${inspect(expected, { depth: 6 })}, got ${inspect(actual, { depth: 6 })}`,
		);
	}
}

export function expectTrue(condition: unknown, what: string): asserts condition {
	if (!condition) throw new Error(what);
}
