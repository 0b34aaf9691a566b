import { simulate, type SimulationOptions, type SimulationResult } from '../../scripts/simulate';

/**
 * One simulation run with seeds 1, 2 and 3, summed up: the mean utilisation and 429 share, the
 * worst fairness and slowest run (wall time over the floor), and every failed request.
 */
export async function overSeeds(options: Omit<SimulationOptions, 'seed'>) {
	const results: SimulationResult[] = [];
	for (const seed of [1, 2, 3]) results.push(await simulate({ ...options, seed }));
	const mean = (pick: (r: SimulationResult) => number) =>
		results.reduce((sum, r) => sum + pick(r), 0) / results.length;
	return {
		utilisation: mean((r) => r.utilisation),
		limitedShare: mean((r) => r.limitedShare),
		fairness: Math.min(...results.map((r) => r.fairness)),
		slowest: Math.max(...results.map((r) => r.wallSeconds / r.floorSeconds)),
		failed: results.reduce((sum, r) => sum + r.failed, 0),
	};
}
