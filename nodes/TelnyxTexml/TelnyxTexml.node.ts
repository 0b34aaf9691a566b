import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { mergeSharedFields } from './fields/merge';
import { searchConferences, searchParticipants, searchTexmlApplications } from './listSearch';
import { resourceProperties } from './resources';
import { TELNYX_API_BASE_URL } from '../shared/constants';
import { sendingOptions } from './transport/sending';
import { simplifyField } from './routing/simplify';

export class TelnyxTexml implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Telnyx TeXML',
		name: 'telnyxTexml',
		icon: { light: 'file:telnyx.svg', dark: 'file:telnyx.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Start and control Telnyx TeXML conferences: calls, participants, recordings',
		defaults: { name: 'Telnyx TeXML' },
		// What a model is told with Set Automatically comes from each operation's `action`; this text
		// is the tool's default description when set manually.
		usableAsTool: {
			replacements: {
				description:
					'Run a live Telnyx conference call: list who is in a conference, mute or unmute, hold, coach, announce to or remove a participant, dial someone in, call people into a conference by name, move or hang up a call, end the conference, get its recordings, download a recording as audio or read a transcription',
			},
		},
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'telnyxTexmlApi', required: true }],
		requestDefaults: {
			baseURL: `={{ ($credentials.baseUrl || "${TELNYX_API_BASE_URL}").replace(/\\/+$/, "") }}`,
			headers: { Accept: 'application/json' },
		},
		// Fields defined alike by several resources are one parameter (n8n walks each, per item).
		properties: mergeSharedFields([...resourceProperties, simplifyField, sendingOptions]),
	};

	methods = { listSearch: { searchConferences, searchParticipants, searchTexmlApplications } };
}
