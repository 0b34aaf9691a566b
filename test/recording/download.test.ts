import { createHash } from 'node:crypto';

import type { IBinaryData } from 'n8n-workflow';

import { texmlRecordingResource } from '../../sandbox';
import { startWorld, type World } from '../support/fixtures';
import { runTexml, texmlRequests } from '../support/texml';

let world: World;

beforeEach(async () => {
	world = await startWorld();
});
afterEach(async () => await world.close());

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const bytesOf = (binary: IBinaryData) => Buffer.from(binary.data, 'base64');

function download(parameters: Record<string, unknown> = {}, continueOnFail = false) {
	return runTexml(
		world,
		{ resource: 'recording', operation: 'download', ...parameters },
		{ continueOnFail },
	);
}

describe('Recording → Download (GET …/Recordings/{recording_sid}.json, then its media_url)', () => {
	test('the audio as binary data: the exact bytes served, named by SID and format, with the recording as JSON', async () => {
		const recording = world.sandbox.store.addRecording(world.conference, {
			duration: 4,
			channels: 2,
		});

		const { output, error } = await download({ recordingSid: recording.sid });

		expect(error).toBeUndefined();
		expect(output).toHaveLength(1);
		const binary = output[0].binary?.data as IBinaryData;
		const served = await world.sandbox.media.fingerprint(recording);
		expect(sha256(bytesOf(binary))).toBe(served.sha256);
		expect(binary).toMatchObject({
			fileName: `${recording.sid}.wav`,
			mimeType: 'audio/wav',
			fileExtension: 'wav',
			bytes: served.bytes,
		});
		expect(bytesOf(binary).subarray(0, 4).toString('ascii')).toBe('RIFF');
		expect(served.bytes).toBe(44 + 4 * 8000 * 2 * 2);
		expect(output[0].json).toEqual(texmlRecordingResource(recording));
		expect(output[0].json).toMatchObject({ sid: recording.sid, duration: '4', channels: 2 });
	});

	test('the API key goes to the Base URL only: the media host on another origin gets no Authorization header', async () => {
		const recording = world.sandbox.store.addRecording(world.conference, { duration: 3 });

		const { error } = await download({ recordingSid: recording.sid });

		expect(error).toBeUndefined();
		const [lookUp] = texmlRequests(world);
		expect(lookUp.headers.authorization).toBe(`Bearer ${world.sandbox.account.apiKey}`);
		expect(new URL(world.sandbox.media.origin).origin).not.toBe(
			new URL(world.sandbox.baseUrl).origin,
		);
		const media = world.sandbox.media.requests;
		expect(media).toHaveLength(1);
		expect(media[0].headers.authorization).toBeUndefined();
		expect(JSON.stringify(media[0].headers)).not.toContain(world.sandbox.account.apiKey);
		expect(media[0].status).toBe(200);
	});

	test('a media link on the Base URL’s own host is the one the API key goes with', async () => {
		const recording = world.sandbox.store.addRecording(world.conference, { duration: 3 });
		// A link the API host itself serves (whoami stands in for a Telnyx-hosted file).
		recording.mediaUrl = `${world.sandbox.origin}/v2/whoami?X-Expires=${Date.now() + 60_000}`;

		const { output, error } = await download({ recordingSid: recording.sid });

		expect(error).toBeUndefined();
		const fetched = world.sandbox.requests.filter((r) => r.url.startsWith('/v2/whoami'));
		expect(fetched.map((r) => r.headers.authorization)).toEqual([
			`Bearer ${world.sandbox.account.apiKey}`,
		]);
		expect(world.sandbox.media.requests).toHaveLength(0);
		expect((output[0].binary?.data as IBinaryData).mimeType).toBe('application/json');
	});

	test('an empty Put Output File in Field is refused before sending', async () => {
		const { output } = await download({ recordingSid: 'any', binaryPropertyName: ' ' }, true);

		expect(output[0].json.error).toMatch(/^The "Put Output File in Field" field is empty\./);
		expect(texmlRequests(world)).toHaveLength(0);
	});

	test('an MP3 recording comes as audio/mpeg named .mp3', async () => {
		const recording = world.sandbox.store.addRecording(world.conference, {
			duration: 3,
			format: 'mp3',
		});

		const { output } = await download({ recordingSid: recording.sid, binaryPropertyName: 'audio' });

		const binary = output[0].binary?.audio as IBinaryData;
		expect(binary).toMatchObject({ fileName: `${recording.sid}.mp3`, mimeType: 'audio/mpeg' });
		expect(bytesOf(binary).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfb]));
		expect(sha256(bytesOf(binary))).toBe((await world.sandbox.media.fingerprint(recording)).sha256);
	});

	test('an expired link: the recording is looked up again and the new link tried once', async () => {
		const recording = world.sandbox.store.addRecording(world.conference, { duration: 3 });
		world.sandbox.media.expireNext(1);

		const { output, error } = await download({ recordingSid: recording.sid });

		expect(error).toBeUndefined();
		const media = world.sandbox.media.requests;
		expect(media.map((r) => r.status)).toEqual([403, 200]);
		expect(media[0].url).not.toBe(media[1].url);
		expect(texmlRequests(world).map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual([
			`GET /v2/texml/Accounts/${world.sandbox.account.sid}/Recordings/${recording.sid}.json`,
			`GET /v2/texml/Accounts/${world.sandbox.account.sid}/Recordings/${recording.sid}.json`,
		]);
		expect(output[0].json.media_url).toBe(`${world.sandbox.media.origin}${media[1].url}`);
		expect(bytesOf(output[0].binary?.data as IBinaryData).length).toBe(44 + 3 * 8000 * 2);
	});

	test('a link refused twice ends the item with a clear error naming the recording; no third try', async () => {
		const recording = world.sandbox.store.addRecording(world.conference, { duration: 3 });
		world.sandbox.media.expireNext(2);

		const { output } = await download({ recordingSid: recording.sid }, true);

		expect(world.sandbox.media.requests.map((r) => r.status)).toEqual([403, 403]);
		expect(texmlRequests(world)).toHaveLength(2);
		expect(output[0].json.error).toBe(
			`Could not download recording "${recording.sid}": its download link expired or was refused (HTTP 403 from ${new URL(world.sandbox.media.origin).host}), also after looking the recording up again for a fresh link.`,
		);
		expect(JSON.stringify(output)).not.toContain(world.sandbox.account.apiKey);
	});

	test('links expire on their own: an old link is refused, the fresh look-up gives one that works', async () => {
		await world.close();
		world = await startWorld({ mediaLinkTtlMs: 60_000 });
		const recording = world.sandbox.store.addRecording(world.conference, { duration: 3 });
		// A link minted ten minutes ago (as a stale media_url would be).
		const realNow = Date.now;
		Date.now = () => realNow() - 10 * 60_000;
		const stale = world.sandbox.media.linkFor(recording);
		Date.now = realNow;
		const refused = await fetch(stale);
		expect(refused.status).toBe(403);
		expect(await refused.text()).toContain('Request has expired');

		const { error } = await download({ recordingSid: recording.sid });

		expect(error).toBeUndefined();
		expect(recording.mediaUrl).not.toBe(stale);
	});

	test('a recording still in progress has no audio yet: a clear error, nothing fetched', async () => {
		const recording = world.sandbox.store.addRecording(world.conference, {
			status: 'processing',
			duration: null,
		});

		const { output } = await download({ recordingSid: recording.sid }, true);

		expect(output[0].json.error).toBe(
			`Recording "${recording.sid}" has no audio yet: it is in-progress. Download it once it is completed, e.g. from the trigger's Recording Completed event.`,
		);
		expect(world.sandbox.media.requests).toHaveLength(0);
	});

	test('an unknown recording is a 404 naming it; nothing is fetched from the media host', async () => {
		const { output } = await download({ recordingSid: 'nope' }, true);

		expect(output[0].json.error).toBe(
			'Recording "nope" was not found (Telnyx: Resource not found). List the recordings to find the right recording SID; it may have been deleted.',
		);
		expect(world.sandbox.media.requests).toHaveLength(0);
	});

	test('an empty Recording SID is refused before sending', async () => {
		const { output } = await download({ recordingSid: '  ' }, true);

		expect(output[0].json.error).toMatch(/^The "Recording SID" field is empty\./);
		expect(texmlRequests(world)).toHaveLength(0);
	});
});
