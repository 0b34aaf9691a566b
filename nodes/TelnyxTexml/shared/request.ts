import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { buildPath } from './path';

/** The node panel's names for the values that go into TeXML paths. */
const PATH_LABELS: Record<string, string> = {
	accountSid: 'Account SID',
	conferenceSid: 'Conference',
	participant: 'Participant',
};

/**
 * preSend factory: sets the request URL from a TeXML path template such as
 * `/Conferences/{conferenceSid}/Participants/{participant}`. Every placeholder is read from the
 * node parameter of the same name (resource locators give their value), checked and encoded.
 */
export function texmlPath(template: string) {
	const fullTemplate = `/texml/Accounts/{accountSid}${template}`;
	const names = [...fullTemplate.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
	return async function setTexmlUrl(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const parameters = Object.fromEntries(
			names.map((name) => [
				name,
				{
					value: this.getNodeParameter(name, undefined, { extractValue: true }),
					label: PATH_LABELS[name] ?? name,
				},
			]),
		);
		requestOptions.url = buildPath(this, fullTemplate, parameters);
		return requestOptions;
	};
}
