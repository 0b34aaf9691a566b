import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiBaseUrl, CREDENTIAL_TYPE } from '../shared/constants';
import { encodePathSegment } from '../TelnyxTexml/routing/path';
import { sendAuthenticated } from '../TelnyxTexml/transport/core';
import { rememberPublicKey } from '../TelnyxTexmlTrigger/request';

/** What activation found on the application, to put back on deactivation. */
interface Previous {
	applicationId: string;
	voiceUrl: string;
	voiceMethod: string;
}

function applicationIdOf(context: IHookFunctions): string {
	const id = String(
		context.getNodeParameter('application', '', { extractValue: true }) ?? '',
	).trim();
	if (!id)
		throw new NodeOperationError(context.getNode(), 'The "TeXML Application" field is empty', {
			description:
				'Pick the TeXML application whose incoming calls this workflow answers, or enter its ID.',
		});
	return id;
}

async function applicationUrl(context: IHookFunctions, id: string): Promise<string> {
	const { baseUrl } = await context.getCredentials(CREDENTIAL_TYPE);
	return `${apiBaseUrl(baseUrl)}/texml_applications/${encodePathSegment(id)}`;
}

async function readApplication(context: IHookFunctions, id: string): Promise<IDataObject> {
	const response = await sendAuthenticated(
		context,
		{ method: 'GET', url: await applicationUrl(context, id) },
		{
			attempt: {
				action: `read the TeXML application "${id}"`,
				notFound: {
					what: `Telnyx has no TeXML application "${id}" for this API key`,
					next: 'Pick the application from the list in the TeXML Application field.',
				},
			},
		},
	);
	return ((response.body as IDataObject | undefined)?.data ?? {}) as IDataObject;
}

/** PATCH needs friendly_name and voice_url (Telnyx's document marks both required). */
async function pointVoiceUrl(
	context: IHookFunctions,
	id: string,
	friendlyName: unknown,
	voiceUrl: string,
	voiceMethod: string,
): Promise<void> {
	await sendAuthenticated(
		context,
		{
			method: 'PATCH',
			url: await applicationUrl(context, id),
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			body: { friendly_name: friendlyName, voice_url: voiceUrl, voice_method: voiceMethod },
		},
		{ attempt: { action: `set the Voice URL of the TeXML application "${id}"` } },
	);
}

function ownUrl(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(context.getNode(), 'n8n gave this trigger no webhook URL');
	return url;
}

/**
 * The way n8n's triggers register their webhooks, applied to a TeXML application: on activation
 * its Voice URL points at this trigger (POST, so every request is signed over its body), and on
 * deactivation it gets back what it had, unless someone changed it since. Each activation also
 * reads the credential's public key anew for the requests to come (n8n calls checkExists first).
 */
export const voiceUrlRegistration = {
	async checkExists(this: IHookFunctions): Promise<boolean> {
		if (this.getNodeParameter('verifySignature', true) as boolean) await rememberPublicKey(this);
		const application = await readApplication(this, applicationIdOf(this));
		return application.voice_url === ownUrl(this);
	},
	async create(this: IHookFunctions): Promise<boolean> {
		const id = applicationIdOf(this);
		const url = ownUrl(this);
		const application = await readApplication(this, id);
		const state = this.getWorkflowStaticData('node');
		if (application.voice_url !== url) {
			const previous: Previous = {
				applicationId: id,
				voiceUrl: String(application.voice_url ?? ''),
				voiceMethod: String(application.voice_method ?? 'post'),
			};
			state.previous = previous as unknown as IDataObject;
		}
		await pointVoiceUrl(this, id, application.friendly_name, url, 'post');
		return true;
	},
	async delete(this: IHookFunctions): Promise<boolean> {
		const state = this.getWorkflowStaticData('node');
		const previous = state.previous as unknown as Previous | undefined;
		delete state.previous;
		if (!previous?.voiceUrl) return true;
		const application = await readApplication(this, previous.applicationId);
		if (application.voice_url !== ownUrl(this)) return true;
		await pointVoiceUrl(
			this,
			previous.applicationId,
			application.friendly_name,
			previous.voiceUrl,
			previous.voiceMethod,
		);
		return true;
	},
};
