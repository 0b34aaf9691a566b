import type { INodeProperties } from 'n8n-workflow';

const send = (property: string) => ({
	send: { type: 'body' as const, property, propertyInDotNotation: false },
});

/** A TeXML application picked from the account's list (the picker of Call → Create), or by ID. */
export const texmlApplicationField: INodeProperties = {
	displayName: 'Application',
	name: 'application',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description: 'The TeXML application, picked from the list or identified by its ID',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select an application...',
			typeOptions: { searchListMethod: 'searchTexmlApplications', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 1293384261075731499',
		},
	],
};

export const friendlyNameField: INodeProperties = {
	displayName: 'Friendly Name',
	name: 'friendlyName',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. Support line',
	description: 'The application’s name',
	routing: send('friendly_name'),
};

export const voiceUrlField: INodeProperties = {
	displayName: 'Voice URL',
	name: 'voiceUrl',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. https://n8n.example.com/webhook/answer',
	description:
		'Where Telnyx fetches the TeXML that answers a call, e.g. the webhook URL of a Telnyx TeXML Answer Trigger',
	routing: send('voice_url'),
};

const lowerMethods = [
	{ name: 'GET', value: 'get' },
	{ name: 'POST', value: 'post' },
];

/** Every other field of Telnyx's application, sent only when added (Create and Update alike). */
export const applicationFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'applicationFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		{
			displayName: 'Active',
			name: 'active',
			type: 'boolean',
			default: true,
			description: 'Whether the application can be used for calls',
			routing: send('active'),
		},
		{
			displayName: 'Anchorsite Override',
			name: 'anchorsiteOverride',
			type: 'options',
			options: [
				'Amsterdam, Netherlands',
				'Ashburn, VA',
				'Chicago, IL',
				'Frankfurt, Germany',
				'Latency',
				'London, UK',
				'San Jose, CA',
				'Sydney, Australia',
				'Toronto, Canada',
				'Vancouver, Canada',
			].map((site) => ({ name: site, value: site })),
			default: 'Latency',
			description: 'Where Telnyx routes the media; Latency picks the site nearest the caller',
			routing: send('anchorsite_override'),
		},
		{
			displayName: 'Call Cost In Webhooks',
			name: 'callCostInWebhooks',
			type: 'boolean',
			default: false,
			description: 'Whether Telnyx sends the call’s cost in webhooks',
			routing: send('call_cost_in_webhooks'),
		},
		{
			displayName: 'DTMF Type',
			name: 'dtmfType',
			type: 'options',
			options: [
				{ name: 'Inband', value: 'Inband' },
				{ name: 'RFC 2833', value: 'RFC 2833' },
				{ name: 'SIP INFO', value: 'SIP INFO' },
			],
			default: 'RFC 2833',
			description: 'How Telnyx sends DTMF digits to the application',
			routing: send('dtmf_type'),
		},
		{
			displayName: 'First Command Timeout',
			name: 'firstCommandTimeout',
			type: 'boolean',
			default: false,
			description:
				'Whether Telnyx hangs up when the Voice URL has not answered within First Command Timeout (Seconds)',
			routing: send('first_command_timeout'),
		},
		{
			displayName: 'First Command Timeout (Seconds)',
			name: 'firstCommandTimeoutSecs',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 30,
			description: 'How long Telnyx waits for the first TeXML instruction',
			routing: send('first_command_timeout_secs'),
		},
		{
			displayName: 'Inbound Channel Limit',
			name: 'inboundChannelLimit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 10,
			description: 'How many inbound calls the application takes at once',
			routing: send('inbound.channel_limit'),
		},
		{
			displayName: 'Outbound Channel Limit',
			name: 'outboundChannelLimit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 10,
			description: 'How many outbound calls the application places at once',
			routing: send('outbound.channel_limit'),
		},
		{
			displayName: 'Outbound Voice Profile ID',
			name: 'outboundVoiceProfileId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1293384261075731499',
			description: 'The outbound voice profile the application’s outbound calls use',
			routing: send('outbound.outbound_voice_profile_id'),
		},
		{
			displayName: 'Status Callback',
			name: 'statusCallback',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://n8n.example.com/webhook/telnyx',
			description:
				'Where Telnyx sends the calls’ status events, e.g. the webhook URL of a Telnyx TeXML Trigger',
			routing: send('status_callback'),
		},
		{
			displayName: 'Status Callback Method',
			name: 'statusCallbackMethod',
			type: 'options',
			options: lowerMethods,
			default: 'post',
			description: 'The HTTP method Telnyx uses for the Status Callback',
			routing: send('status_callback_method'),
		},
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			placeholder: 'e.g. support, eu',
			description: 'Tags of the application, separated by commas',
			routing: send('tags'),
		},
		{
			displayName: 'Voice Fallback URL',
			name: 'voiceFallbackUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/fallback.xml',
			description: 'Where Telnyx fetches TeXML when the Voice URL fails',
			routing: send('voice_fallback_url'),
		},
		{
			displayName: 'Voice Method',
			name: 'voiceMethod',
			type: 'options',
			options: lowerMethods,
			default: 'post',
			description: 'The HTTP method Telnyx uses for the Voice URL',
			routing: send('voice_method'),
		},
	],
};
