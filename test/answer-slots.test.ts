import type { IExecuteSingleFunctions, IN8nHttpFullResponse } from 'n8n-workflow';

import { noteAnswer, oneAtATime, takeAnswer } from '../nodes/TelnyxTexml/transport/answers';

/**
 * Two requests of the same execution, node and item at once (an AI Agent's parallel calls of one
 * tool node): each takes its own answer, never the other's.
 */
test('two concurrent requests of one answer slot each take their own answer', async () => {
	const context = {
		getExecutionId: () => 'exec-1',
		getNode: () => ({ name: 'Telnyx TeXML' }),
		getItemIndex: () => 0,
	} as unknown as IExecuteSingleFunctions;
	const request = async (status: number, answerAfterMs: number) =>
		await oneAtATime(context, async () => {
			takeAnswer(context);
			await new Promise((resolve) => setTimeout(resolve, answerAfterMs));
			await noteAnswer.call(context, [], {
				statusCode: status,
				headers: {},
			} as IN8nHttpFullResponse);
			await new Promise((resolve) => setTimeout(resolve, 20));
			return takeAnswer(context)?.status;
		});

	expect(await Promise.all([request(429, 50), request(200, 0)])).toEqual([429, 200]);
});
