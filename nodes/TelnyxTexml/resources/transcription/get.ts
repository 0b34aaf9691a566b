import type { INodePropertyOptions } from 'n8n-workflow';

import { texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';

export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	description:
		'Get a transcription by its SID, with its text (transcription_text) once it is completed',
	action: 'Get the transcribed text of a recorded call',
	routing: texmlRouting({
		method: 'GET',
		path: '/Transcriptions/{transcriptionSid}.json',
		postReceive: [simplifyResponse],
		repeatable: true,
	}),
};
