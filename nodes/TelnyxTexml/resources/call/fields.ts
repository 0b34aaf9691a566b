import type { INodeProperties } from 'n8n-workflow';

import { texmlApplicationField } from '../texmlApplication/fields';

/** The TeXML application a new call belongs to: its outbound voice profile and defaults. */
export const applicationField: INodeProperties = {
	...texmlApplicationField,
	description:
		'The TeXML application the call belongs to: Telnyx places it with the application’s outbound voice profile',
	routing: { send: { type: 'body', property: 'ApplicationSid' } },
};

/** A call, by its SID: call SIDs come from call status callbacks and earlier nodes, so no picker. */
export const callSidField: INodeProperties = {
	displayName: 'Call SID',
	name: 'callSid',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. v3:KBnLO0ZK3DhKM5s7bE9VluaSmKsOchKht_fUYvxcp8ysbmzCCtpkmA',
	description:
		'The call’s SID: map the CallSid of a Telnyx TeXML Trigger event, or the call_sid of a conference participant',
};
