import type {
	IBinaryData,
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiBaseUrl, CREDENTIAL_TYPE } from '../../shared/constants';
import { telnyxApiError } from './errors';
import { encodePathSegment } from './pathSegment';

/**
 * The download of a recording's audio (Recording → Download): the recording was looked up by the
 * operation's request; its `media_url` is fetched here. The API key goes only to the Base URL's
 * host: a link elsewhere (a storage host with a signed, expiring link) is fetched without it. The
 * audio streams into n8n's binary data: with the filesystem mode it goes to disk as it arrives,
 * with the in-memory mode n8n keeps one copy. Links expire (about 10 minutes): a 403 or 404 from
 * the media host gets one fresh look-up of the recording and one more try with its new link.
 */

/** Statuses a storage host answers for an expired, revoked or unknown link. */
const LINK_REFUSED = new Set([403, 404, 410]);

const EXTENSIONS: Record<string, string> = {
	'audio/mpeg': 'mp3',
	'audio/mp3': 'mp3',
	'audio/wav': 'wav',
	'audio/wave': 'wav',
	'audio/x-wav': 'wav',
};

const MIME_TYPES: Record<string, string> = { mp3: 'audio/mpeg', wav: 'audio/wav' };

/** The file's type from the answer's Content-Type, else from the link's extension. */
export function audioTypeOf(
	contentType: unknown,
	link: string,
): { mimeType: string; extension: string } {
	const given =
		typeof contentType === 'string' ? contentType.split(';')[0].trim().toLowerCase() : '';
	const fromLink = /\.(mp3|wav)$/i.exec(new URL(link).pathname)?.[1].toLowerCase();
	if (given && given !== 'application/octet-stream' && given !== 'binary/octet-stream')
		return { mimeType: given, extension: EXTENSIONS[given] ?? fromLink ?? 'bin' };
	const extension = fromLink ?? 'mp3';
	return { mimeType: MIME_TYPES[extension] ?? 'audio/mpeg', extension };
}

/** Whether a link is on the Base URL's host, the only host the API key may be sent to. */
export function isApiHost(link: string, baseUrl: string): boolean {
	return new URL(link).origin === new URL(baseUrl).origin;
}

function linkOf(recording: IDataObject): string | undefined {
	const link = recording.media_url;
	if (typeof link !== 'string' || link.trim() === '') return undefined;
	try {
		const url = new URL(link);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
	} catch {
		return undefined;
	}
}

/** The answer's body as a stream (the request asks for `encoding: 'stream'`). */
type Stream = Parameters<IExecuteSingleFunctions['helpers']['prepareBinaryData']>[0];

/** Reads and drops the body of an answer not used (a refused link), so its socket is freed. */
function discard(body: unknown) {
	const stream = body as { resume?: () => void } | undefined;
	if (stream && typeof stream.resume === 'function') stream.resume();
}

/**
 * Whether n8n keeps binary data in memory (its `default` mode) rather than in a store (filesystem,
 * S3, database). The mode is set once per process, so it is learned once: from what n8n makes of
 * an empty file (in memory: no `id`). In a store that leaves one empty file with the execution.
 */
let inMemory: Promise<boolean> | undefined;

function keepsBinaryInMemory(context: IExecuteSingleFunctions): Promise<boolean> {
	inMemory ??= context.helpers
		.prepareBinaryData(Buffer.alloc(0), 'mode-probe.bin', 'application/octet-stream')
		.then((probe) => !probe.id);
	return inMemory;
}

/**
 * The whole answer in one buffer of the announced size: in memory n8n would otherwise gather the
 * chunks and copy them into one buffer (two copies at once) before encoding it. Shorter when the
 * body ends early; undefined when it is longer than announced.
 */
async function readWhole(body: AsyncIterable<Buffer>, size: number): Promise<Buffer | undefined> {
	const whole = Buffer.allocUnsafe(size);
	let filled = 0;
	for await (const chunk of body) {
		if (filled + chunk.length > size) return undefined;
		chunk.copy(whole, filled);
		filled += chunk.length;
	}
	return filled === size ? whole : whole.subarray(0, filled);
}

/** The binary field the audio goes to (Put Output File in Field). */
function binaryFieldOf(context: IExecuteSingleFunctions): string {
	return String(context.getNodeParameter('binaryPropertyName', 'data') ?? '').trim();
}

/** preSend of Download: an empty Put Output File in Field is refused before anything is sent. */
export async function checkBinaryField(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	if (binaryFieldOf(this)) return requestOptions;
	throw new NodeOperationError(
		this.getNode(),
		'The "Put Output File in Field" field is empty. Enter the name of the binary field for the audio, e.g. data.',
		{ description: 'Nothing was sent to Telnyx for this item.', itemIndex: this.getItemIndex() },
	);
}

/** The statuses Telnyx reports while a recording has no final audio yet. */
const NOT_READY = new Set(['in-progress', 'paused', 'processing']);

/** Builds the binary item for one recording: its JSON, and the audio under `binaryPropertyName`. */
export async function downloadRecording(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode >= 400) return items; // the error mapper has thrown already
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	let recording = (items[0]?.json ?? {}) as IDataObject;
	const sid = String(recording.sid ?? this.getNodeParameter('recordingSid', '')).trim();
	const fail = (message: string, description?: string) =>
		new NodeOperationError(node, message, { description, itemIndex });

	const property = binaryFieldOf(this);
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const baseUrl = apiBaseUrl(credentials.baseUrl);

	const fetchAudio = async (link: string) => {
		const options: IHttpRequestOptions = {
			method: 'GET',
			url: link,
			encoding: 'stream',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			json: false,
			headers: { Accept: 'audio/*, */*' },
		};
		// The key only for the Base URL's own host; never for a storage host.
		return (
			isApiHost(link, baseUrl)
				? await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, options)
				: await this.helpers.httpRequest(options)
		) as IN8nHttpFullResponse;
	};

	/**
	 * The recording again, for a fresh link (the one Telnyx gave may have expired). Sent directly:
	 * the download runs inside the item's sending slot, and a second slot from the same limiter
	 * could wait for itself.
	 */
	const lookUpAgain = async (): Promise<IDataObject> => {
		const account = encodePathSegment(String(recording.account_sid ?? ''));
		const answer = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
			method: 'GET',
			url: `${baseUrl}/texml/Accounts/${account}/Recordings/${encodePathSegment(sid)}.json`,
			headers: { Accept: 'application/json' },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as IN8nHttpFullResponse;
		if (answer.statusCode >= 400) {
			throw telnyxApiError(node, answer.statusCode, answer.body, itemIndex, {
				action: `look up recording "${sid}" again for a fresh download link`,
				notFound: {
					what: `Recording "${sid}" was not found any more`,
					next: 'It may have been deleted; list the recordings to find it.',
				},
			});
		}
		return answer.body as IDataObject;
	};

	let link = linkOf(recording);
	let answer: IN8nHttpFullResponse | undefined;
	for (let attempt = 1; attempt <= 2; attempt++) {
		const status = String(recording.status ?? '');
		if (!link || NOT_READY.has(status)) {
			throw fail(
				NOT_READY.has(status)
					? `Recording "${sid}" has no audio yet: it is ${status}. Download it once it is completed, e.g. from the trigger's Recording Completed event.`
					: `Telnyx gave no download link (media_url) for recording "${sid}"${status ? ` (status ${status})` : ''}.`,
				'Nothing was downloaded.',
			);
		}
		answer = await fetchAudio(link);
		if (!LINK_REFUSED.has(answer.statusCode) || attempt === 2) break;
		discard(answer.body);
		recording = await lookUpAgain();
		link = linkOf(recording);
	}
	const final = answer as IN8nHttpFullResponse;
	if (final.statusCode >= 300) {
		discard(final.body);
		const host = new URL(link as string).host;
		throw fail(
			LINK_REFUSED.has(final.statusCode)
				? `Could not download recording "${sid}": its download link expired or was refused (HTTP ${final.statusCode} from ${host}), also after looking the recording up again for a fresh link.`
				: `Could not download recording "${sid}": the media host ${host} answered HTTP ${final.statusCode}.`,
			LINK_REFUSED.has(final.statusCode)
				? 'Telnyx’s recording links work for about 10 minutes. Check that the recording still exists, then try again.'
				: 'Try again later.',
		);
	}

	const { mimeType, extension } = audioTypeOf(final.headers?.['content-type'], link as string);
	const expected = Number(final.headers?.['content-length']);
	// In a store (filesystem mode) the audio streams to disk; in memory it is read once, then encoded.
	const sized = Number.isInteger(expected) && expected > 0;
	let content = final.body as Stream;
	if (sized && (await keepsBinaryInMemory(this))) {
		const whole = await readWhole(final.body as AsyncIterable<Buffer>, expected);
		if (!whole) {
			throw fail(
				`Could not download recording "${sid}": the media host sent more than the ${expected} bytes it announced.`,
				'Try again.',
			);
		}
		content = whole;
	}
	const binary: IBinaryData = await this.helpers.prepareBinaryData(
		content,
		`${sid}.${extension}`,
		mimeType,
	);
	if (Number.isInteger(expected) && binary.bytes !== undefined && binary.bytes !== expected) {
		throw fail(
			`Could not download recording "${sid}": the download was cut short (${binary.bytes} of ${expected} bytes).`,
			'Try again.',
		);
	}
	return [{ json: recording, binary: { [property]: binary }, pairedItem: { item: itemIndex } }];
}
