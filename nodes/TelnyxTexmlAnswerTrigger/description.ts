import type { INodeProperties } from 'n8n-workflow';

/** How long the workflow may take by default before the fallback answers, in seconds. */
export const DEFAULT_BUDGET_SECONDS = 10;
export const DEFAULT_FALLBACK_MESSAGE =
	'Sorry, we cannot take your call right now. Please try again later.';

/** The answer trigger's panel: the application it answers, the fallback, the signature check. */
export const answerTriggerProperties: INodeProperties[] = [
	{
		displayName:
			'When this workflow is activated, the Voice URL of the TeXML application below is set to this trigger’s Production URL (method POST); when it is deactivated, the application gets its previous Voice URL back. End the workflow with a <b>Telnyx TeXML Response</b> node: its TeXML is the answer to the call. Gather, Dial and Record results come back to this trigger, with <code>event</code> saying which.',
		name: 'activationNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'TeXML Application',
		name: 'application',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The TeXML application whose incoming calls this workflow answers',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchTexmlApplications', searchable: true },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 1293384261075731499',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\d+$', errorMessage: 'A TeXML application ID is a number' },
					},
				],
			},
		],
	},
	{
		displayName: 'One Output per Event',
		name: 'outputPerEvent',
		type: 'boolean',
		default: false,
		description:
			'Whether to give each kind of request its own output (Incoming Call, Gather, Record, Dial, Enqueue, AI Gather, Redirect), so that no Switch on <code>event</code> is needed and an incoming call runs only its own branch',
	},
	{
		displayName: 'Answer Within (Seconds)',
		name: 'budgetSeconds',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 25 },
		default: DEFAULT_BUDGET_SECONDS,
		description:
			'How long the workflow may take to answer; after that the caller hears the fallback. Telnyx waits at most 30 seconds for an answer.',
	},
	{
		displayName: 'Fallback Message',
		name: 'fallbackMessage',
		type: 'string',
		default: DEFAULT_FALLBACK_MESSAGE,
		description:
			'What the caller hears when the workflow fails, answers no TeXML or takes too long; then the call ends (or moves to the Fallback Redirect URL)',
	},
	{
		displayName: 'Fallback Redirect URL',
		name: 'fallbackRedirectUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/texml/voicemail.xml',
		description:
			'Where the call goes after the fallback message, e.g. a TeXML Bin with a voicemail; empty hangs up',
	},
	{
		displayName: 'Verify Signature',
		name: 'verifySignature',
		type: 'boolean',
		default: true,
		description:
			'Whether to accept only POST requests signed by Telnyx (Ed25519, checked with the Public Key of the credential, at most 5 minutes old); anything else gets a 401',
	},
	{
		displayName: 'Allow Unsigned GET',
		name: 'allowUnsignedGet',
		type: 'boolean',
		default: false,
		description:
			'Whether to answer GET requests (an application whose Voice Method is GET) without a signature check: Telnyx does not document what it signs for a GET. Activation sets the method to POST.',
	},
	{
		displayName:
			'Signature verification is off: anyone who learns this URL can make the workflow run with made-up calls. Turn it on for production.',
		name: 'unverifiedNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { verifySignature: [false] } },
	},
];
