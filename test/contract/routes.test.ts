/** The sandbox serves exactly the paths and methods of Telnyx's document (plus whoami, which is not TeXML). */
import { routes } from '../../sandbox/routes';
import { describeContract } from './describe-contract';

/** A route or path template with its parameters blanked: `GET /texml/Accounts/{}/Conferences`. */
const shape = (method: string, segments: string[]) =>
	`${method} /${segments.map((s) => (s.startsWith(':') || s.startsWith('{') ? '{}' : s)).join('/')}`;

/**
 * Served beyond the conference document: account-wide recordings and transcriptions, which Telnyx's
 * full TeXML document (telnyx-texml.openapi.yaml) declares.
 */
const BEYOND_CONFERENCES = [
	'DELETE /texml/Accounts/{}/Recordings/{}',
	'DELETE /texml/Accounts/{}/Transcriptions/{}',
	'GET /texml/Accounts/{}/Recordings.json',
	'GET /texml/Accounts/{}/Recordings/{}',
	'GET /texml/Accounts/{}/Transcriptions.json',
	'GET /texml/Accounts/{}/Transcriptions/{}',
];

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
		expect(served.filter((s) => !documented.includes(s))).toEqual(
			[...BEYOND_CONFERENCES, 'GET /whoami'].sort(),
		);
	});
});
