import { sleep } from 'n8n-workflow';

/**
 * Where the sending core reads the time and waits. The real clock in n8n; tests and the simulation
 * hand the limiter a virtual one, so what it decides never depends on how busy the machine is.
 */
export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
	now: () => Date.now(),
	sleep: async (ms: number) => await sleep(ms),
};
