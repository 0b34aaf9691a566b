/**
 * Every request the node sends, captured on the wire while it runs through n8n's engine against the
 * sandbox: method, path, query names and values, and form body against the operation in Telnyx's
 * document; and the answer each got, against the response schema.
 */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { loadOptionsContext } from '../support/engine';
import { NODE_TYPE, startWorld, type World } from '../support/fixtures';
import type { Contract } from '../support/openapi';
import { describeContract } from './describe-contract';
import { dialEverything } from '../support/dial';
import { locator, runTexml } from '../support/texml';
import { checkExchanges } from './wire';

const URL_A = 'https://example.com/a.xml';

/** Every field of Dial set (the set the dial test sends), with every value of the event lists. */
const DIAL_EVERYTHING = (w: World) => {
	const dial = dialEverything(w.bob.callSid, 'https://example.com/conference');
	dial.callOptions.statusCallbackEvent = ['initiated', 'ringing', 'answered', 'completed'];
	dial.recordingOptions.conferenceRecordingStatusCallbackEvent = [
		'in-progress',
		'completed',
		'absent',
	];
	return dial;
};

const participant = (parameters: Record<string, unknown>) => (w: World) => ({
	resource: 'conferenceParticipant',
	participant: locator(w.alice.callSid),
	...parameters,
});

/** [what, node parameters, the operation the document names it] */
const RUNS: Array<[string, (w: World) => Record<string, unknown>, string]> = [
	['Conference → Get', () => ({ resource: 'conference', operation: 'get' }), 'GetTexmlConference'],
	[
		'Conference → Get Many, Return All (every page)',
		() => ({ resource: 'conference', operation: 'getAll', returnAll: true }),
		'GetTexmlConferences',
	],
	[
		'Conference → Get Many, every filter, Limit',
		() => ({
			resource: 'conference',
			operation: 'getAll',
			limit: 3,
			filters: {
				friendlyName: 'weekly-sync',
				status: 'in-progress',
				dateCreated: '>=2020-01-01',
				dateUpdated: '<=2100-12-31',
			},
		}),
		'GetTexmlConferences',
	],
	[
		'Conference → Update, every field',
		() => ({
			resource: 'conference',
			operation: 'update',
			updateFields: { announceMethod: 'GET', announceUrl: URL_A, status: 'completed' },
		}),
		'UpdateTexmlConference',
	],
	[
		'Conference → Update, an announcement',
		() => ({ resource: 'conference', operation: 'update', updateFields: { announceUrl: URL_A } }),
		'UpdateTexmlConference',
	],
	[
		'Participant → Create (dial), every field',
		(w) => ({ resource: 'conferenceParticipant', operation: 'create', ...DIAL_EVERYTHING(w) }),
		'DialTexmlConferenceParticipant',
	],
	[
		'Participant → Create (dial), From and To',
		() => ({
			resource: 'conferenceParticipant',
			operation: 'create',
			from: '+13125550100',
			to: '+13125550123',
		}),
		'DialTexmlConferenceParticipant',
	],
	[
		'Participant → Create (dial), labelled, with conference events',
		() => ({
			resource: 'conferenceParticipant',
			operation: 'create',
			from: '+13125550100',
			to: '+13125550123',
			label: 'supervisor',
			conferenceStatusCallback: 'https://example.com/events',
			conferenceOptions: { conferenceStatusCallbackEvent: ['join', 'leave'], muted: true },
		}),
		'DialTexmlConferenceParticipant',
	],
	[
		'Participant → Delete',
		participant({ operation: 'delete' }),
		'DeleteTexmlConferenceParticipant',
	],
	[
		'Participant → Delete, by label',
		participant({ operation: 'delete', participant: locator('alice') }),
		'DeleteTexmlConferenceParticipant',
	],
	['Participant → Get', participant({ operation: 'get' }), 'GetTexmlConferenceParticipant'],
	[
		'Participant → Get Many, Return All (every page)',
		() => ({ resource: 'conferenceParticipant', operation: 'getAll', returnAll: true }),
		'GetTexmlConferenceParticipants',
	],
	[
		'Participant → Update, every field',
		(w) =>
			participant({
				operation: 'update',
				updateFields: {
					announceMethod: 'GET',
					announceUrl: URL_A,
					beepOnExit: true,
					callSidToCoach: w.bob.callSid,
					coaching: true,
					endConferenceOnExit: false,
					hold: true,
					holdMethod: 'POST',
					holdUrl: 'https://example.com/hold.xml',
					muted: false,
					waitUrl: 'https://example.com/wait.mp3',
				},
			})(w),
		'UpdateTexmlConferenceParticipant',
	],
	[
		'Participant → Update, mute',
		participant({ operation: 'update', updateFields: { muted: true } }),
		'UpdateTexmlConferenceParticipant',
	],
	[
		'Participant → Update, hold with music',
		participant({
			operation: 'update',
			updateFields: { hold: true, holdUrl: URL_A, holdMethod: 'GET' },
		}),
		'UpdateTexmlConferenceParticipant',
	],
	[
		'Participant → Update, no fields',
		participant({ operation: 'update', updateFields: {} }),
		'UpdateTexmlConferenceParticipant',
	],
	[
		'Recording → Get Many, Return All (every page)',
		() => ({ resource: 'conferenceRecording', operation: 'getAll', returnAll: true }),
		'GetTexmlConferenceRecordings',
	],
	[
		'Recording → Get Many, Limit',
		() => ({ resource: 'conferenceRecording', operation: 'getAll', limit: 1 }),
		'GetTexmlConferenceRecordings',
	],
];

/**
 * Documented operations the node does not send. …/Recordings.json is the document's second
 * conference recordings endpoint (the node reads …/Recordings); the others are the Call, Recording,
 * Transcription and TeXML application operations not built yet: each leaves this list with its runs.
 */
const NOT_SENT = [
	'FetchTeXMLConferenceRecordings',
	'CreateTexmlApplication',
	'DeleteTeXMLCallRecording',
	'DeleteTeXMLRecordingTranscription',
	'FetchTeXMLCallRecordings',
	'FindTexmlApplications',
	'GetTeXMLCallRecording',
	'GetTeXMLCallRecordings',
	'GetTeXMLRecordingTranscription',
	'GetTeXMLRecordingTranscriptions',
	'GetTexmlCall',
	'GetTexmlCalls',
	'InitiateTexmlCall',
	'StartTeXMLCallRecording',
	'UpdateTeXMLCallRecording',
	'UpdateTexmlCall',
];

/** Every request since `from` (whoami aside) and its answer, checked; the operations they went to. */
const checkWire = (contract: Contract, world: World, from = 0) =>
	checkExchanges(contract, world.sandbox.requests.slice(from));

describeContract('Requests the node sends, against Telnyx’s request schemas', (contract) => {
	let world: World;
	const covered = new Set<string>();

	beforeEach(async () => {
		world = await startWorld({ pageSize: 2 });
		const { store, account } = world.sandbox;
		for (const name of ['sales', 'support', 'retro'])
			store.addConference(account.sid, { friendlyName: name });
		for (let i = 0; i < 3; i++) store.addRecording(world.conference, {});
	});
	afterEach(() => world.close());

	test.each(RUNS)('%s', async (_name, parameters, operationId) => {
		const { error } = await runTexml(world, { accountSid: '', ...parameters(world) });
		expect(error).toBeUndefined();
		const { problems, operations } = checkWire(contract, world);
		expect(problems).toEqual([]);
		expect(operations.length).toBeGreaterThan(0);
		expect(new Set(operations)).toEqual(new Set([operationId]));
		operations.forEach((o) => covered.add(o));
	});

	test.each([
		[
			'searchConferences',
			{ resource: 'conference', operation: 'get', accountSid: '' },
			'GetTexmlConferences',
		],
		[
			'searchParticipants',
			{ resource: 'conferenceParticipant', operation: 'get' },
			'GetTexmlConferenceParticipants',
		],
	])('the %s picker', async (method, parameters, operationId) => {
		const context = loadOptionsContext(world.engine, {
			type: NODE_TYPE,
			parameters: { conferenceSid: locator(world.conference.sid), ...parameters } as never,
		});
		const search = world.engine.package.nodes[NODE_TYPE].methods!.listSearch![method] as (
			this: ILoadOptionsFunctions,
		) => Promise<INodeListSearchResult>;
		const { results } = await search.call(context);
		expect(results.length).toBeGreaterThan(0);
		const { problems, operations } = checkWire(contract, world);
		expect(problems).toEqual([]);
		expect(new Set(operations)).toEqual(new Set([operationId]));
	});

	test('between them, the runs reach every operation the node has', () => {
		const all = contract.operations
			.map((o) => o.operationId)
			.filter((id) => !NOT_SENT.includes(id));
		expect([...covered].sort()).toEqual(all.sort());
		expect(NOT_SENT.filter((id) => !contract.operations.some((o) => o.operationId === id))).toEqual(
			[],
		);
	});
});
