/** The sandbox serves exactly the paths and methods of Telnyx's document (plus whoami, which is not TeXML). */
import { routes } from '../../sandbox/routes';
import { describeContract } from './describe-contract';

/**
 * A route or path template with its parameters blanked: `GET /texml/Accounts/{}/Conferences`
 * (`{recording_sid}.json` and `:recording_sid` alike, as the sandbox takes an ID's `.json` suffix).
 */
const shape = (method: string, segments: string[]) =>
	`${method} /${segments.map((s) => (s.startsWith(':') || s.startsWith('{') ? '{}' : s)).join('/')}`;

/**
 * Documented routes the sandbox does not serve yet. Shrinks to nothing; an entry that is served fails
 * the test, so each is removed with the route that serves it.
 */
const NOT_YET_SERVED: string[] = [];

describeContract('Sandbox routes, against Telnyx’s paths', (contract) => {
	const documented = contract.operations
		.map((o) => shape(o.method, o.path.split('/').filter(Boolean)))
		.sort();
	const served = routes.map((r) => shape(r.method, r.path)).sort();

	test('every path and method of the document is served, but those not built yet', () => {
		expect(documented).toHaveLength(39);
		expect(documented.filter((d) => !served.includes(d))).toEqual([...NOT_YET_SERVED].sort());
	});

	test('the list of routes not built yet names only documented routes', () => {
		expect(NOT_YET_SERVED.filter((r) => !documented.includes(r))).toEqual([]);
	});

	test('the sandbox serves nothing else under /texml, and only whoami besides', () => {
		expect(served.filter((s) => !documented.includes(s))).toEqual(['GET /whoami']);
	});
});
