import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { TelnyxTexml } from '../nodes/TelnyxTexml/TelnyxTexml.node';

/** The names saved workflows depend on, and what the panel shows for each operation (Return All off). */
const node = new TelnyxTexml();
const { properties } = node.description;

const shownFor = (resource: string, operation: string) =>
	properties.filter((p) => {
		const show = p.displayOptions?.show ?? {};
		const hide = p.displayOptions?.hide ?? {};
		return (
			(!show.resource || show.resource.includes(resource)) &&
			(!show.operation || show.operation.includes(operation)) &&
			!hide.resource?.includes(resource) &&
			!hide.operation?.includes(operation)
		);
	});

const operationsOf = (resource: string) =>
	(
		properties.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
		)!.options as INodePropertyOptions[]
	).map((o) => o.value);

test('resources and operations keep their values; the defaults stay Conference Participant → Update', () => {
	const resource = properties.find((p) => p.name === 'resource')!;
	expect((resource.options as INodePropertyOptions[]).map((o) => o.value)).toEqual([
		'aiCall',
		'call',
		'callRecording',
		'callSiprec',
		'callStream',
		'conference',
		'conferenceParticipant',
		'conferenceRecording',
		'queue',
		'recording',
		'texmlApplication',
		'texmlSecret',
		'transcription',
	]);
	expect(resource.default).toBe('conferenceParticipant');
	expect(operationsOf('call')).toEqual(['create', 'get', 'getAll', 'hangUp', 'redirect']);
	expect(operationsOf('conference')).toEqual(['get', 'getAll', 'update']);
	expect(operationsOf('conferenceParticipant')).toEqual([
		'create',
		'delete',
		'get',
		'getAll',
		'update',
	]);
	expect(operationsOf('conferenceRecording')).toEqual(['getAll']);
	expect(operationsOf('callRecording')).toEqual(['getAll', 'start', 'update']);
	expect(operationsOf('recording')).toEqual(['delete', 'download', 'get', 'getAll']);
	expect(operationsOf('transcription')).toEqual(['delete', 'get', 'getAll']);
	expect(operationsOf('aiCall')).toEqual(['create']);
	expect(operationsOf('callSiprec')).toEqual(['start', 'stop']);
	expect(operationsOf('callStream')).toEqual(['start', 'stop']);
	expect(operationsOf('queue')).toEqual(['create', 'delete', 'get', 'getAll', 'update']);
	expect(operationsOf('texmlApplication')).toEqual(['create', 'delete', 'get', 'getAll', 'update']);
	expect(operationsOf('texmlSecret')).toEqual(['create']);
	const participantOperation = properties.find(
		(p) =>
			p.name === 'operation' && p.displayOptions?.show?.resource?.includes('conferenceParticipant'),
	)!;
	expect(participantOperation.default).toBe('update');
});

test('Conference Participant → Update keeps its parameters and its 11 update fields', () => {
	expect(shownFor('conferenceParticipant', 'update').map((p) => p.name)).toEqual([
		'resource',
		'operation',
		'accountSid',
		'conferenceSid',
		'participant',
		'updateFields',
		'simplify',
		'sending',
	]);
	const updateFields = shownFor('conferenceParticipant', 'update').find(
		(p) => p.name === 'updateFields',
	)!;
	// Update Fields is one collection for every resource: each item says where it is offered.
	const offered = (updateFields.options as INodeProperties[]).filter((o) => {
		const resources = o.displayOptions?.show?.['/resource'];
		return !resources || resources.includes('conferenceParticipant');
	});
	expect(offered.map((o) => o.name)).toEqual([
		'announceMethod',
		'announceUrl',
		'beepOnExit',
		'callSidToCoach',
		'coaching',
		'endConferenceOnExit',
		'hold',
		'holdMethod',
		'holdUrl',
		'muted',
		'waitUrl',
	]);
});

test.each([
	[
		'call',
		'create',
		[
			'accountSid',
			'from',
			'to',
			'application',
			'callAction',
			'conferenceName',
			'conferenceOptions',
			'texml',
			'url',
			'urlMethod',
			'fallbackUrl',
			'callOptions',
			'recordingOptions',
			'machineDetectionOptions',
		],
	],
	['call', 'get', ['accountSid', 'callSid']],
	['call', 'getAll', ['accountSid', 'returnAll', 'limit', 'filters']],
	['call', 'hangUp', ['accountSid', 'callSid']],
	[
		'call',
		'redirect',
		[
			'accountSid',
			'callSid',
			'callAction',
			'conferenceName',
			'conferenceOptions',
			'texml',
			'url',
			'urlMethod',
			'fallbackUrl',
			'redirectOptions',
		],
	],
	['conference', 'get', ['accountSid', 'conferenceSid']],
	['conference', 'getAll', ['accountSid', 'returnAll', 'limit', 'filters']],
	['conference', 'update', ['accountSid', 'conferenceSid', 'updateFields']],
	[
		'conferenceParticipant',
		'create',
		[
			'accountSid',
			'conferenceSid',
			'from',
			'to',
			'label',
			'conferenceStatusCallback',
			'conferenceOptions',
			'callOptions',
			'recordingOptions',
			'machineDetectionOptions',
		],
	],
	['conferenceParticipant', 'delete', ['accountSid', 'conferenceSid', 'participant']],
	['conferenceParticipant', 'get', ['accountSid', 'conferenceSid', 'participant']],
	['conferenceParticipant', 'getAll', ['accountSid', 'conferenceSid', 'returnAll', 'limit']],
	['conferenceRecording', 'getAll', ['accountSid', 'conferenceSid', 'returnAll', 'limit']],
	[
		'aiCall',
		'create',
		['from', 'to', 'application', 'aiAssistantId', 'aiCallOptions', 'recordingOptions'],
	],
	['callStream', 'start', ['accountSid', 'callSid', 'streamUrl', 'streamOptions']],
	['callStream', 'stop', ['accountSid', 'callSid', 'streamSid']],
	['callSiprec', 'start', ['accountSid', 'callSid', 'connectorName', 'siprecOptions']],
	['callSiprec', 'stop', ['accountSid', 'callSid', 'siprecSid']],
	['queue', 'create', ['accountSid', 'friendlyName', 'maxSize']],
	['queue', 'delete', ['accountSid', 'queueSid']],
	['queue', 'get', ['accountSid', 'queueSid']],
	['queue', 'getAll', ['accountSid', 'returnAll', 'limit']],
	['queue', 'update', ['accountSid', 'queueSid', 'maxSize']],
	['texmlApplication', 'create', ['friendlyName', 'voiceUrl', 'applicationFields']],
	['texmlApplication', 'delete', ['application']],
	['texmlApplication', 'get', ['application']],
	['texmlApplication', 'getAll', ['returnAll', 'limit']],
	['texmlApplication', 'update', ['application', 'friendlyName', 'voiceUrl', 'applicationFields']],
])('%s → %s shows %j', (resource, operation, names) => {
	// Every operation that answers with Telnyx resources offers Simplify; Delete outputs its own summary.
	const simplify = operation === 'delete' ? [] : ['simplify'];
	expect(shownFor(resource, operation).map((p) => p.name)).toEqual([
		'resource',
		'operation',
		...names,
		...simplify,
		'sending',
	]);
});

test('Simplify: n8n’s convention, off by default so existing workflows keep their output', () => {
	expect(properties.find((p) => p.name === 'simplify')).toMatchObject({
		displayName: 'Simplify',
		type: 'boolean',
		default: false,
		description: 'Whether to return a simplified version of the response instead of the raw data',
	});
});

test('Account SID is optional; Conference and Participant default to a searchable list, by ID still possible', () => {
	const field = (name: string) => properties.find((p) => p.name === name)!;
	expect(field('accountSid').required).toBeFalsy();
	expect(field('accountSid').hint).toContain('Leave empty');
	for (const [name, method] of [
		['conferenceSid', 'searchConferences'],
		['participant', 'searchParticipants'],
	]) {
		expect(field(name).default).toEqual({ mode: 'list', value: '' });
		expect(field(name).modes!.map((m) => m.name)).toEqual(['list', 'id']);
		expect(field(name).modes![0].typeOptions).toEqual({
			searchListMethod: method,
			searchable: true,
		});
		expect(node.methods.listSearch[method as keyof typeof node.methods.listSearch]).toBeInstanceOf(
			Function,
		);
	}
});
