/**
 * Each verb with its attributes: what the panel's fields become in the TeXML, read back with the
 * sandbox's XML reader. Options left unset are left out; Telnyx's defaults then apply.
 */
import { build, one, verbsOf } from './run';

const HOOK = 'https://n8n.example.com/webhook/telnyx';

describe('each verb writes its attributes', () => {
	test('Say: text, voice, language, loop', async () => {
		expect(
			await one({
				verb: 'say',
				sayText: 'Welcome to the weekly sync.',
				sayOptions: { voice: 'Polly.Joanna-Neural', language: 'en-GB', loop: 2 },
			}),
		).toEqual({
			name: 'Say',
			attributes: { language: 'en-GB', loop: '2', voice: 'Polly.Joanna-Neural' },
			text: 'Welcome to the weekly sync.',
		});
		expect(await one({ verb: 'say', sayText: 'Hi' })).toEqual({ name: 'Say', text: 'Hi' });
	});

	test('Play: URL, loop, digits; Media Storage takes a file name; digits alone need no URL', async () => {
		expect(
			await one({
				verb: 'play',
				playUrl: 'https://example.com/welcome.mp3',
				playOptions: { loop: 0, digits: 'ww12#' },
			}),
		).toEqual({
			name: 'Play',
			attributes: { digits: 'ww12#', loop: '0' },
			text: 'https://example.com/welcome.mp3',
		});
		expect(
			await one({ verb: 'play', playUrl: 'hold-music.mp3', playOptions: { mediaStorage: true } }),
		).toEqual({ name: 'Play', attributes: { mediaStorage: 'true' }, text: 'hold-music.mp3' });
		expect(await one({ verb: 'play', playOptions: { digits: '1234' } })).toEqual({
			name: 'Play',
			attributes: { digits: '1234' },
		});
	});

	test('Pause: length', async () => {
		expect(await one({ verb: 'pause', pauseLength: 3 })).toEqual({
			name: 'Pause',
			attributes: { length: '3' },
		});
		expect(await one({ verb: 'pause' })).toEqual({ name: 'Pause', attributes: { length: '1' } });
	});

	test('Gather: input, action and every option, with Say and Play prompts in order', async () => {
		expect(
			await one({
				verb: 'gather',
				gatherInput: 'dtmf speech',
				gatherAction: 'https://example.com/pin?attempt=2',
				gatherPrompts: {
					prompt: [
						{ verb: 'play', playUrl: 'https://example.com/chime.mp3' },
						{ verb: 'say', sayText: 'Enter your PIN.', sayOptions: { voice: 'alice' } },
					],
				},
				gatherOptions: {
					apiKeyRef: 'azure-key',
					finishOnKey: '*',
					hints: 'weekly sync, standup',
					invalidDigitsAction: 'https://example.com/invalid',
					language: 'de-DE',
					maxDigits: 6,
					method: 'GET',
					minDigits: 4,
					numDigits: 4,
					partialResultCallback: HOOK,
					partialResultCallbackMethod: 'GET',
					profanityFilter: true,
					region: 'eastus',
					speechTimeout: 'auto',
					timeout: 10,
					transcriptionEngine: 'Azure',
					useEnhanced: true,
					validDigits: '0123456789#',
				},
			}),
		).toEqual({
			name: 'Gather',
			attributes: {
				action: 'https://example.com/pin?attempt=2',
				input: 'dtmf speech',
				apiKeyRef: 'azure-key',
				finishOnKey: '*',
				hints: 'weekly sync, standup',
				invalidDigitsAction: 'https://example.com/invalid',
				language: 'de-DE',
				maxDigits: '6',
				method: 'GET',
				minDigits: '4',
				numDigits: '4',
				partialResultCallback: HOOK,
				partialResultCallbackMethod: 'GET',
				profanityFilter: 'true',
				region: 'eastus',
				speechTimeout: 'auto',
				timeout: '10',
				transcriptionEngine: 'Azure',
				useEnhanced: 'true',
				validDigits: '0123456789#',
			},
			children: [
				{ name: 'Play', text: 'https://example.com/chime.mp3' },
				{ name: 'Say', attributes: { voice: 'alice' }, text: 'Enter your PIN.' },
			],
		});
	});

	test('Dial to a conference: the Conference Options of Call → Create, as attributes', async () => {
		expect(
			await one({
				verb: 'dial',
				dialTo: 'conference',
				conferenceName: 'weekly-sync',
				dialAction: 'https://example.com/after',
				conferenceOptions: {
					beep: 'onEnter',
					endConferenceOnExit: true,
					maxParticipants: 10,
					muted: true,
					participantLabel: '+13125550123',
					record: 'record-from-start',
					startConferenceOnEnter: false,
					statusCallback: HOOK,
					statusCallbackEvent: ['join', 'leave'],
					waitUrl: 'https://example.com/wait.mp3',
				},
				dialOptions: {
					callerId: '+13125550100',
					fromDisplayName: 'Acme',
					hangupOnStar: true,
					method: 'GET',
					record: 'record-from-answer-dual',
					recordMaxLength: 600,
					recordingChannels: 'dual',
					recordingStatusCallback: HOOK,
					recordingStatusCallbackEvent: ['in-progress', 'completed'],
					recordingStatusCallbackMethod: 'GET',
					ringTone: 'uk',
					sendRecordingUrl: false,
					timeLimit: 3600,
					timeout: 20,
				},
			}),
		).toEqual({
			name: 'Dial',
			attributes: {
				action: 'https://example.com/after',
				callerId: '+13125550100',
				fromDisplayName: 'Acme',
				hangupOnStar: 'true',
				method: 'GET',
				record: 'record-from-answer-dual',
				recordMaxLength: '600',
				recordingChannels: 'dual',
				recordingStatusCallback: HOOK,
				recordingStatusCallbackEvent: 'in-progress completed',
				recordingStatusCallbackMethod: 'GET',
				ringTone: 'uk',
				sendRecordingUrl: 'false',
				timeLimit: '3600',
				timeout: '20',
			},
			children: [
				{
					name: 'Conference',
					attributes: {
						beep: 'onEnter',
						endConferenceOnExit: 'true',
						maxParticipants: '10',
						muted: 'true',
						participantLabel: '+13125550123',
						record: 'record-from-start',
						startConferenceOnEnter: 'false',
						statusCallback: HOOK,
						statusCallbackEvent: 'join leave',
						waitUrl: 'https://example.com/wait.mp3',
					},
					text: 'weekly-sync',
				},
			],
		});
	});

	test('Dial to a phone number, a SIP address and a queue', async () => {
		const action = { dialAction: 'https://example.com/after' };
		expect(
			await one({
				verb: 'dial',
				dialTo: 'number',
				dialNumber: '+13125550123',
				numberOptions: {
					machineDetection: 'Enable',
					detectionMode: 'Premium',
					machineDetectionTimeout: 5,
					sendDigits: 'ww1#',
					statusCallback: HOOK,
					statusCallbackEvent: ['answered', 'amd'],
					statusCallbackMethod: 'GET',
					url: 'https://example.com/whisper.xml',
					method: 'GET',
				},
				...action,
			}),
		).toEqual({
			name: 'Dial',
			attributes: { action: 'https://example.com/after' },
			children: [
				{
					name: 'Number',
					attributes: {
						detectionMode: 'Premium',
						machineDetection: 'Enable',
						machineDetectionTimeout: '5',
						method: 'GET',
						sendDigits: 'ww1#',
						statusCallback: HOOK,
						statusCallbackEvent: 'answered amd',
						statusCallbackMethod: 'GET',
						url: 'https://example.com/whisper.xml',
					},
					text: '+13125550123',
				},
			],
		});
		expect(
			await one({
				verb: 'dial',
				dialTo: 'sip',
				dialSip: 'sip:support@example.com',
				sipOptions: { username: 'agent', password: 's3cret' },
				...action,
			}),
		).toEqual({
			name: 'Dial',
			attributes: { action: 'https://example.com/after' },
			children: [
				{
					name: 'Sip',
					attributes: { password: 's3cret', username: 'agent' },
					text: 'sip:support@example.com',
				},
			],
		});
		expect(
			await one({
				verb: 'dial',
				dialTo: 'queue',
				dialQueue: 'support',
				queueOptions: { url: 'https://example.com/agent-whisper.xml', method: 'GET' },
				...action,
			}),
		).toEqual({
			name: 'Dial',
			attributes: { action: 'https://example.com/after' },
			children: [
				{
					name: 'Queue',
					attributes: { method: 'GET', url: 'https://example.com/agent-whisper.xml' },
					text: 'support',
				},
			],
		});
	});

	test('Record', async () => {
		expect(
			await one({
				verb: 'record',
				recordAction: 'https://example.com/voicemail',
				recordOptions: {
					channels: 'single',
					finishOnKey: '#*',
					maxLength: 120,
					method: 'GET',
					playBeep: false,
					recordingStatusCallback: HOOK,
					timeout: 0,
					transcription: true,
					transcriptionCallback: HOOK,
					transcriptionEngine: 'Telnyx',
					trim: 'do-not-trim',
				},
			}),
		).toEqual({
			name: 'Record',
			attributes: {
				action: 'https://example.com/voicemail',
				channels: 'single',
				finishOnKey: '#*',
				maxLength: '120',
				method: 'GET',
				playBeep: 'false',
				recordingStatusCallback: HOOK,
				timeout: '0',
				transcription: 'true',
				transcriptionCallback: HOOK,
				transcriptionEngine: 'Telnyx',
				trim: 'do-not-trim',
			},
		});
	});

	test('Redirect, Hang Up, Reject, Enqueue, Leave', async () => {
		expect(
			await one({
				verb: 'redirect',
				redirectUrl: 'https://example.com/menu.xml',
				redirectMethod: 'GET',
			}),
		).toEqual({
			name: 'Redirect',
			attributes: { method: 'GET' },
			text: 'https://example.com/menu.xml',
		});
		expect(await one({ verb: 'hangup' })).toEqual({ name: 'Hangup' });
		expect(await one({ verb: 'reject', rejectReason: 'busy' })).toEqual({
			name: 'Reject',
			attributes: { reason: 'busy' },
		});
		expect(await one({ verb: 'reject' })).toEqual({
			name: 'Reject',
			attributes: { reason: 'rejected' },
		});
		expect(
			await one({
				verb: 'enqueue',
				enqueueName: 'support',
				enqueueAction: 'https://example.com/left-queue',
				enqueueOptions: {
					method: 'GET',
					waitUrl: 'https://example.com/hold.xml',
					waitUrlMethod: 'GET',
				},
			}),
		).toEqual({
			name: 'Enqueue',
			attributes: {
				action: 'https://example.com/left-queue',
				method: 'GET',
				waitUrl: 'https://example.com/hold.xml',
				waitUrlMethod: 'GET',
			},
			text: 'support',
		});
		expect(await one({ verb: 'leave' })).toEqual({ name: 'Leave' });
	});

	test('Connect to AI Assistant', async () => {
		expect(
			await one({
				verb: 'connectAiAssistant',
				aiAssistantId: 'assistant-123',
				aiAssistantOptions: {
					join: 'conv-9',
					participantName: 'Caller',
					participantRole: 'user',
				},
			}),
		).toEqual({
			name: 'Connect',
			children: [
				{
					name: 'AIAssistant',
					attributes: {
						id: 'assistant-123',
						join: 'conv-9',
						participantName: 'Caller',
						participantRole: 'user',
					},
				},
			],
		});
	});

	test('Start and Stop of Recording, Stream and Transcription', async () => {
		expect(
			await one({
				verb: 'start',
				startWhat: 'recording',
				recordingOptions: {
					channels: 'mono',
					format: 'wav',
					recordingStatusCallback: HOOK,
					recordingStatusCallbackEvent: ['completed'],
					recordingStatusCallbackMethod: 'GET',
					track: 'inbound',
					trim: 'trim-silence',
				},
			}),
		).toEqual({
			name: 'Start',
			children: [
				{
					name: 'Recording',
					attributes: {
						channels: 'mono',
						format: 'wav',
						recordingStatusCallback: HOOK,
						recordingStatusCallbackEvent: 'completed',
						recordingStatusCallbackMethod: 'GET',
						track: 'inbound',
						trim: 'trim-silence',
					},
				},
			],
		});
		expect(
			await one({
				verb: 'start',
				startWhat: 'stream',
				streamUrl: 'wss://example.com/audio',
				streamOptions: {
					bidirectionalCodec: 'PCMA',
					bidirectionalMode: 'rtp',
					bidirectionalSamplingRate: 16000,
					codec: 'PCMU',
					name: 'agent-assist',
					statusCallback: HOOK,
					statusCallbackMethod: 'GET',
					track: 'both_tracks',
				},
			}),
		).toEqual({
			name: 'Start',
			children: [
				{
					name: 'Stream',
					attributes: {
						url: 'wss://example.com/audio',
						bidirectionalCodec: 'PCMA',
						bidirectionalMode: 'rtp',
						bidirectionalSamplingRate: '16000',
						codec: 'PCMU',
						name: 'agent-assist',
						statusCallback: HOOK,
						statusCallbackMethod: 'GET',
						track: 'both_tracks',
					},
				},
			],
		});
		expect(
			await one({
				verb: 'start',
				startWhat: 'transcription',
				transcriptionCallback: HOOK,
				transcriptionOptions: {
					interimResults: true,
					language: 'en',
					transcriptionEngine: 'Deepgram',
					transcriptionTracks: 'both',
					transcriptionCallbackMethod: 'GET',
				},
			}),
		).toEqual({
			name: 'Start',
			children: [
				{
					name: 'Transcription',
					attributes: {
						transcriptionCallback: HOOK,
						interimResults: 'true',
						language: 'en',
						transcriptionCallbackMethod: 'GET',
						transcriptionEngine: 'Deepgram',
						transcriptionTracks: 'both',
					},
				},
			],
		});
		expect(await one({ verb: 'stop', stopWhat: 'stream', stopStreamName: 'agent-assist' })).toEqual(
			{ name: 'Stop', children: [{ name: 'Stream', attributes: { name: 'agent-assist' } }] },
		);
		expect(await one({ verb: 'stop', stopWhat: 'transcription' })).toEqual({
			name: 'Stop',
			children: [{ name: 'Transcription' }],
		});
		expect(await one({ verb: 'stop' })).toEqual({
			name: 'Stop',
			children: [{ name: 'Recording' }],
		});
	});

	test('the verbs of a list come out in its order, one document for the item', async () => {
		const built = await build({
			verbs: [
				{ verb: 'pause', pauseLength: 2 },
				{ verb: 'say', sayText: 'One' },
				{ verb: 'play', playUrl: 'https://example.com/a.mp3' },
				{ verb: 'say', sayText: 'Two' },
				{ verb: 'hangup' },
			],
		});
		expect(verbsOf(built.texml).map((v) => v.text ?? v.name)).toEqual([
			'Pause',
			'One',
			'https://example.com/a.mp3',
			'Two',
			'Hangup',
		]);
	});
});
