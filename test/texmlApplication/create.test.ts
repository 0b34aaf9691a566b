import { applicationResource } from '../../sandbox';
import { startWorld, type World } from '../support/fixtures';
import { runTexml } from '../support/texml';

let world: World;
beforeEach(async () => {
	world = await startWorld();
});
afterEach(async () => await world.close());

const sent = () => world.sandbox.requests.filter((r) => r.url.startsWith('/v2/texml_applications'));

function create(parameters: Record<string, unknown>, options: Parameters<typeof runTexml>[2] = {}) {
	return runTexml(
		world,
		{
			resource: 'texmlApplication',
			operation: 'create',
			friendlyName: 'Support line',
			voiceUrl: 'https://n8n.example.com/webhook/answer',
			...parameters,
		},
		options,
	);
}

describe('TeXML Application → Create (POST /texml_applications, JSON)', () => {
	test('sends the name, Voice URL and the fields added as JSON, nested where Telnyx nests them; the output is the application', async () => {
		const { output, error } = await create({
			applicationFields: {
				active: false,
				anchorsiteOverride: 'Chicago, IL',
				dtmfType: 'Inband',
				firstCommandTimeout: true,
				firstCommandTimeoutSecs: 10,
				inboundChannelLimit: 5,
				outboundChannelLimit: 3,
				outboundVoiceProfileId: '1293384261075731499',
				statusCallback: 'https://n8n.example.com/webhook/status',
				statusCallbackMethod: 'get',
				tags: 'support, eu',
				voiceFallbackUrl: 'https://example.com/fallback.xml',
				voiceMethod: 'get',
			},
		});

		expect(error).toBeUndefined();
		const [request] = sent();
		expect(request.method).toBe('POST');
		expect(request.url).toBe('/v2/texml_applications');
		expect(request.headers['content-type']).toBe('application/json');
		expect(JSON.parse(request.body)).toEqual({
			friendly_name: 'Support line',
			voice_url: 'https://n8n.example.com/webhook/answer',
			active: false,
			anchorsite_override: 'Chicago, IL',
			dtmf_type: 'Inband',
			first_command_timeout: true,
			first_command_timeout_secs: 10,
			inbound: { channel_limit: 5 },
			outbound: { channel_limit: 3, outbound_voice_profile_id: '1293384261075731499' },
			status_callback: 'https://n8n.example.com/webhook/status',
			status_callback_method: 'get',
			tags: ['support', 'eu'],
			voice_fallback_url: 'https://example.com/fallback.xml',
			voice_method: 'get',
		});
		// No account in the path: no look-up of the key's account either.
		expect(world.sandbox.requests.filter((r) => r.url === '/v2/whoami')).toHaveLength(0);
		const app = world.sandbox.store.calls.applications.find(
			(a) => a.friendlyName === 'Support line',
		)!;
		expect(output.map((o) => o.json)).toEqual([applicationResource(app)]);
	});

	test('Simplify keeps the name, state and URLs', async () => {
		const { output } = await create({ simplify: true });
		expect(Object.keys(output[0].json).sort()).toEqual([
			'active',
			'friendly_name',
			'id',
			'status_callback',
			'voice_method',
			'voice_url',
		]);
	});

	test.each([
		[
			{ voiceUrl: 'n8n.example.com/answer' },
			'The "Voice URL" field must be an absolute http(s) URL, but it is "n8n.example.com/answer". Enter a full address such as https://example.com/hold-music.xml.',
		],
		[
			{ friendlyName: '={{ $json.none }}' },
			'The "Friendly Name" field is empty. Enter a value for it or map one from the input data.',
		],
		[
			{ applicationFields: { anchorsiteOverride: '={{ "Mars" }}' } },
			expect.stringMatching(
				/^The "Anchorsite Override" field must be one of Amsterdam, Netherlands, /,
			),
		],
	])('bad input is refused before sending: %j', async (parameters, message) => {
		const { output } = await create(parameters, { continueOnFail: true });
		expect(sent()).toHaveLength(0);
		expect(output[0].json.error).toEqual(message);
	});
});
