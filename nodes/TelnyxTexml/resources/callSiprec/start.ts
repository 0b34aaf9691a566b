import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { callTrackOptions, mediaStatusCallbackOption } from '../../../shared/mediaFields';
import { statusCallbackMethodField } from '../../fields/callFields';
import { callMediaStart } from '../../fields/callMedia';
import { sentAs } from '../../fields/descriptions';

export const connectorNameField: INodeProperties = {
	displayName: 'Connector Name',
	name: 'connectorName',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. compliance-recorder',
	description: 'The SIPREC connector (set up in the Telnyx portal) that leads to your recorder',
	...sentAs('ConnectorName'),
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
			...sentAs('IncludeMetadataCustomHeaders'),
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: 'e.g. compliance',
			description: 'A name for the session, e.g. to stop it from TeXML',
			...sentAs('Name'),
		},
		{
			displayName: 'Secure',
			name: 'secure',
			type: 'boolean',
			default: false,
			description: 'Whether media goes to the recorder encrypted (SRTP over TLS)',
			...sentAs('Secure'),
		},
		{
			displayName: 'Session Timeout (Seconds)',
			name: 'sessionTimeoutSecs',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 1800,
			description:
				'The Session-Expires of the INVITE: a re-INVITE every half of it keeps the session alive; 0 turns it off, otherwise at least 90',
			...sentAs('SessionTimeoutSecs'),
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
			...sentAs('SipTransport'),
		},
		{ ...mediaStatusCallbackOption('session'), ...sentAs('StatusCallback') },
		statusCallbackMethodField,
		{
			displayName: 'Track',
			name: 'track',
			type: 'options',
			options: callTrackOptions,
			default: 'both_tracks',
			description: 'Which side of the call is recorded',
			...sentAs('Track'),
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
	routing: callMediaStart(
		'/Calls/{callSid}/Siprec.json',
		[connectorNameField, siprecOptions],
		[sessionTimeout],
	),
};
