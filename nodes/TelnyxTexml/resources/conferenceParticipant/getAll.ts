import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { listFields } from '../../fields/descriptions';
import { texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';

export const getAllOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	description:
		'List who is in a conference, with each participant’s call SID and whether they are muted or on hold',
	action: 'Get many participants to list who is in a conference',
	routing: texmlRouting({
		method: 'GET',
		path: '/Conferences/{conferenceSid}/Participants',
		postReceive: [simplifyResponse],
		repeatable: true,
		recordsKey: 'participants',
	}),
};

export const getAllDescription: INodeProperties[] = listFields({
	resource: ['conferenceParticipant'],
	operation: ['getAll'],
});
