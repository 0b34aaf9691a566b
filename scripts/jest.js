// Runs jest (arguments pass through) and ends with one plain totals line, "jest: N passed, N failed",
// for tools that read the last line of a test run. `--load` runs the load suites (test/load/) instead.
const { runCLI } = require('jest');

async function main() {
	const args = process.argv.slice(2).filter((a) => a !== '--load');
	if (process.argv.includes('--load')) process.env.JEST_SUITE = 'load';
	const { results } = await runCLI({ _: args.filter((a) => !a.startsWith('-')), $0: 'jest' }, [
		process.cwd(),
	]);
	const skipped = results.numPendingTests + results.numTodoTests;
	process.stdout.write(
		`jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
	);
	process.exitCode = results.success ? 0 : 1;
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exitCode = 1;
});
