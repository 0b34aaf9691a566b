/**
 * Recording → Download with n8n's filesystem binary mode (the default of n8n 2.x in regular
 * mode): the audio streams into n8n's store on disk; the item carries a reference, not the bytes.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IBinaryData } from 'n8n-workflow';

import { startWorld, type World } from '../support/fixtures';
import { runTexml } from '../support/texml';

const storage = mkdtempSync(path.join(os.tmpdir(), 'telnyx-binary-'));
let world: World;

beforeAll(async () => {
	process.env.N8N_DEFAULT_BINARY_DATA_MODE = 'filesystem';
	process.env.N8N_BINARY_DATA_STORAGE_PATH = storage;
	await Container.get(BinaryDataService).init();
});
afterAll(() => {
	delete process.env.N8N_DEFAULT_BINARY_DATA_MODE;
	delete process.env.N8N_BINARY_DATA_STORAGE_PATH;
	rmSync(storage, { recursive: true, force: true });
});
beforeEach(async () => {
	world = await startWorld();
});
afterEach(async () => await world.close());

test('the audio is stored on disk by n8n, byte for byte, and the item refers to it', async () => {
	const recording = world.sandbox.store.addRecording(world.conference, {
		duration: 20,
		channels: 2,
	});

	const { output, error } = await runTexml(world, {
		resource: 'recording',
		operation: 'download',
		recordingSid: recording.sid,
	});

	expect(error).toBeUndefined();
	const binary = output[0].binary?.data as IBinaryData;
	const served = await world.sandbox.media.fingerprint(recording);
	expect(binary).toMatchObject({
		fileName: `${recording.sid}.wav`,
		mimeType: 'audio/wav',
		bytes: served.bytes,
	});
	expect(binary.id).toMatch(/^filesystem/);
	expect(binary.data).not.toHaveLength(served.bytes);
	const stored = await Container.get(BinaryDataService).getAsBuffer(binary);
	expect(createHash('sha256').update(stored).digest('hex')).toBe(served.sha256);
});
