import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { httpMethodOptions } from '../../fields/descriptions';
import { texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';

const send = (property: string) => ({ send: { type: 'body' as const, property } });

export const connectorNameField: INodeProperties = {
	displayName: 'Connector Name',
	name: 'connectorName',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. compliance-recorder',
	description: 'The SIPREC connector (set up in the Telnyx portal) that leads to your recorder',
	routing: send('ConnectorName'),
};

export const siprecOptions: INodeProperties = {
	displayName: 'Options',
	name: 'siprecOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Include Metadata Custom Headers',
			name: 'includeMetadataCustomHeaders',
			type: 'boolean',
			default: false,
			description:
				'Whether the call’s custom SIP headers go to the recorder as session metadata (ExtensionParameters)',
			routing: send('IncludeMetadataCustomHeaders'),
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: 'e.g. compliance',
			description: 'A name for the session, e.g. to stop it from TeXML',
			routing: send('Name'),
		},
		{
			displayName: 'Secure',
			name: 'secure',
			type: 'boolean',
			default: false,
			description: 'Whether media goes to the recorder encrypted (SRTP over TLS)',
			routing: send('Secure'),
		},
		{
			displayName: 'Session Timeout (Seconds)',
			name: 'sessionTimeoutSecs',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 1800,
			description:
				'The Session-Expires of the INVITE: a re-INVITE every half of it keeps the session alive; 0 turns it off, otherwise at least 90',
			routing: send('SessionTimeoutSecs'),
		},
		{
			displayName: 'SIP Transport',
			name: 'sipTransport',
			type: 'options',
			options: [
				{ name: 'TCP', value: 'tcp' },
				{ name: 'TLS', value: 'tls' },
				{ name: 'UDP', value: 'udp' },
			],
			default: 'udp',
			description: 'The SIP transport to the recorder',
			routing: send('SipTransport'),
		},
		{
			displayName: 'Status Callback',
			name: 'statusCallback',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://n8n.example.com/webhook/telnyx',
			description: 'Where Telnyx sends the session’s status events',
			routing: send('StatusCallback'),
		},
		{
			displayName: 'Status Callback Method',
			name: 'statusCallbackMethod',
			type: 'options',
			options: httpMethodOptions,
			default: 'POST',
			description: 'The HTTP method Telnyx uses for the Status Callback',
			routing: send('StatusCallbackMethod'),
		},
		{
			displayName: 'Track',
			name: 'track',
			type: 'options',
			options: [
				{ name: 'Both Tracks', value: 'both_tracks' },
				{ name: 'Inbound Track', value: 'inbound_track' },
				{ name: 'Outbound Track', value: 'outbound_track' },
			],
			default: 'both_tracks',
			description: 'Which side of the call is recorded',
			routing: send('Track'),
		},
	],
};

/** Telnyx: 0 turns the session timer off; otherwise the minimum is 90 seconds. */
async function sessionTimeout(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const seconds = Number(
		(requestOptions.body as { SessionTimeoutSecs?: unknown })?.SessionTimeoutSecs,
	);
	if (seconds > 0 && seconds < 90) {
		throw new NodeOperationError(
			this.getNode(),
			`The "Session Timeout (Seconds)" field must be 0 or at least 90, but it is ${seconds}. Enter 0 to turn the timer off, or 90 or more.`,
			{ description: 'Nothing was sent to Telnyx for this item.', itemIndex: this.getItemIndex() },
		);
	}
	return requestOptions;
}

export const startOperation: INodePropertyOptions = {
	name: 'Start',
	value: 'start',
	description: 'Send a live call to a SIPREC recorder (SRS), e.g. for compliance recording',
	action: 'Start a SIPREC session for a call',
	// A second start would open a second session: sent again only when Telnyx cannot have processed it.
	routing: texmlRouting({
		method: 'POST',
		path: '/Calls/{callSid}/Siprec.json',
		form: { properties: [connectorNameField, siprecOptions] },
		checks: [sessionTimeout],
		postReceive: [simplifyResponse],
		repeatable: false,
	}),
};
