/** The sandbox serves exactly the paths and methods of Telnyx's document (plus whoami, which is not TeXML). */
import { routes } from '../../sandbox/routes';
import { describeContract } from './describe-contract';

/** A route or path template with its parameters blanked: `GET /texml/Accounts/{}/Conferences`. */
const shape = (method: string, segments: string[]) =>
	`${method} /${segments.map((s) => (s.startsWith(':') || s.startsWith('{') ? '{}' : s)).join('/')}`;

describeContract('Sandbox routes, against Telnyx’s paths', (contract) => {
	const documented = contract.operations
		.map((o) => shape(o.method, o.path.split('/').filter(Boolean)))
		.sort();
	const served = routes.map((r) => shape(r.method, r.path)).sort();

	test('every path and method of the document is served', () => {
		expect(documented.filter((d) => !served.includes(d))).toEqual([]);
		expect(documented).toHaveLength(10);
	});

	test('the sandbox serves nothing else under /texml, and only whoami besides', () => {
		expect(served.filter((s) => !documented.includes(s))).toEqual(['GET /whoami']);
	});
});
