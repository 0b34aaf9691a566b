import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { SENDING_DEFAULTS } from '../nodes/shared/constants';

export class TelnyxTexmlApi implements ICredentialType {
	name = 'telnyxTexmlApi';

	displayName = 'Telnyx TeXML API';

	icon: Icon = {
		light: 'file:../nodes/TelnyxTexml/telnyx.svg',
		dark: 'file:../nodes/TelnyxTexml/telnyx.dark.svg',
	};

	documentationUrl = 'https://developers.telnyx.com/docs/overview';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'e.g. KEY0123456789ABCDEF_abcdef',
			description: 'A Telnyx API key (V2), created on the API Keys page of the Telnyx Portal',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.telnyx.com/v2',
			description:
				'Where requests go. Keep the default for Telnyx; change it only for a proxy or a local TeXML sandbox.',
		},
		{
			displayName: 'Public Key',
			name: 'publicKey',
			type: 'string',
			default: '',
			placeholder: 'e.g. eu2zvPjhY6odxV34Z/EsRiERvTodkev4Fq0SlK90Izg=',
			description:
				'Only for the Telnyx TeXML Trigger: the Ed25519 public key that checks callback signatures, from the Telnyx Portal under Account Settings → Keys & Credentials → Public Key',
		},
		// Limits of the API key, shared by every workflow that uses this credential (see nodes/TelnyxTexml/transport/sending.ts).
		{
			displayName: 'Max Concurrent Requests',
			name: 'maxConcurrent',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: SENDING_DEFAULTS.maxConcurrent,
			description:
				'How many requests with this API key may wait for Telnyx’s answer at the same time, across all workflows. The limit applies per n8n process: each queue-mode worker applies it on its own.',
		},
		{
			displayName: 'Max Requests per Second',
			name: 'maxPerSecond',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 1 },
			default: SENDING_DEFAULTS.maxPerSecond,
			description:
				'A cap of your own on requests per second with this API key, across all workflows; 0 means no cap beyond the rate Telnyx announces. The cap applies per n8n process: each queue-mode worker applies it on its own.',
		},
		{
			displayName: 'Max Rate-Limit Wait',
			name: 'maxRateLimitWait',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: SENDING_DEFAULTS.maxRateLimitWait,
			description:
				'How many seconds in total an item may wait for Telnyx’s rate limit (429 answers) before it fails. These waits do not count as attempts.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	// GET /whoami needs no special permission and answers 401 for a key Telnyx does not know.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ ($credentials.baseUrl || "https://api.telnyx.com/v2").replace(/\\/+$/, "") }}',
			url: '/whoami',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Telnyx rejected the API key. Copy it again from the API Keys page of the Telnyx Portal.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Telnyx knows this API key but refused it. Check that the key is active and allowed to use the API.',
				},
			},
		],
	};
}
