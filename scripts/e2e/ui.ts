/**
 * The editor in a real browser (Debian's Chromium driven by playwright-core): sign in, open the
 * e2e workflow and the node's panel, check the menus a user sees and the credential test, and
 * take the screenshots the documentation shows.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { chromium, type Page } from 'playwright-core';

import type { TexmlSandbox } from '../../sandbox';
import { expectEqual, expectTrue, type Checks } from './checks';
import { OWNER } from './rest';
import { ROOT } from './runtime';
import { DIAL_IN } from './answering';
import { exampleId } from './workflows';
import { WORLD } from './world';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The recap example and its nodes, as shipped. */
const RECAP_EXAMPLE = 'conference-recap.workflow.json';
const DIAL_IN_NODES = [
	'Incoming Call',
	'PIN Table',
	'Route Call',
	'Ask for PIN',
	'Join as Attendee',
	'Join as Host',
	'Wrong PIN',
	'Goodbye',
];
const RECAP_NODES = [
	'Recording Completed',
	'Download Recording',
	'Transcribe a recording',
	'Summarise',
	'Recap (replace with Slack or email)',
];

/** Where `--screenshots` writes the pictures the README and docs/ show. */
export const README_SHOTS = path.join(ROOT, 'docs', 'screenshots');
const NODE_NAME = 'Mute and hold Alice';

const AI_EXAMPLE = 'ai-conference-moderator.workflow.json';
const AI_TOOLS = [
	'List live conferences',
	'List participants',
	'Get participant',
	'Mute or unmute participant',
];

const PANEL_LABELS = [
	'Resource',
	'Operation',
	'Account SID',
	'Conference',
	'Participant',
	'Update Fields',
	'Hold URL',
];

interface Property {
	name: string;
	displayName: string;
	displayOptions?: { show?: Record<string, unknown[]> };
	options?: Array<Pick<Property, 'name' | 'displayOptions'> & { displayName?: string }>;
}

/** The menus the panel should show, read from the built node (what the package ships). */
function expectedMenus() {
	const { TelnyxTexml } = require(
		path.join(ROOT, 'dist/nodes/TelnyxTexml/TelnyxTexml.node.js'),
	) as {
		TelnyxTexml: new () => { description: { properties: Property[] } };
	};
	const properties = new TelnyxTexml().description.properties;
	const shownFor = (p: Property, key: string, value: string) =>
		p.displayOptions?.show?.[key]?.includes(value);
	const find = (name: string, operation?: string) =>
		properties.find(
			(p) =>
				p.name === name &&
				(name === 'resource' || shownFor(p, 'resource', 'conferenceParticipant')) &&
				(!operation || shownFor(p, 'operation', operation)),
		);
	// A collection several resources share shows each item only where its `/resource` and
	// `/operation` conditions hold (fields/merge.ts), as the editor does.
	const here = (o: Pick<Property, 'displayOptions'>) =>
		['/resource', '/operation'].every((key, i) => {
			const allowed = o.displayOptions?.show?.[key];
			return !allowed || allowed.includes(['conferenceParticipant', 'update'][i]);
		});
	const names = (p: Property | undefined) =>
		(p?.options ?? []).filter(here).map((o) => o.displayName ?? o.name);
	return {
		resource: names(find('resource')),
		operation: names(find('operation')),
		updateFields: names(find('updateFields', 'update')),
	};
}

async function shot(page: Page, dir: string, name: string, selector?: string) {
	mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `${name}.png`);
	if (selector) await page.locator(selector).first().screenshot({ path: file });
	else await page.screenshot({ path: file });
}

/** Opens a parameter's dropdown, reads its option names (without descriptions) and closes it again. */
async function menuOf(page: Page, parameter: string): Promise<string[]> {
	const input = page.locator(`[data-test-id="parameter-input-${parameter}"]`);
	await input.click();
	const items = page.locator('.el-select-dropdown__item:visible');
	await items.first().waitFor();
	const names = (await items.allInnerTexts()).map((t) => t.split('\n')[0].trim());
	await input.click();
	await items.first().waitFor({ state: 'hidden' });
	return names;
}

export async function runUiChecks(
	checks: Checks,
	url: string,
	sandbox: TexmlSandbox,
	scratch: string,
	shotsDir: string,
) {
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-dev-shm-usage',
		],
		env: { ...process.env, HOME: scratch },
	});
	try {
		const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
		page.setDefaultTimeout(30_000);

		await checks.check('ui: sign in', async () => {
			await page.goto(`${url}/signin`);
			await page.fill('input[type=email]', OWNER.email);
			await page.fill('input[type=password]', OWNER.password);
			await page.click('button:has-text("Sign in")');
			await page.waitForURL((u) => !u.pathname.includes('signin'));
		});

		await checks.check('ui: the workflow shows the node with its icon', async () => {
			await page.goto(`${url}/workflow/e2eUpdatePart001`);
			const node = page.locator(`[data-test-id="canvas-node"][data-node-name="${NODE_NAME}"]`);
			await node.waitFor();
			const icon = node.locator('img');
			await icon.first().waitFor();
			expectTrue(
				(await icon.first().getAttribute('src'))?.includes('n8n-nodes-telnyx-texml'),
				'the node icon does not come from the package',
			);
			await page.waitForTimeout(500);
			await shot(page, shotsDir, 'workflow');
		});

		await checks.check('ui: node panel shows resource, operation and fields', async () => {
			await page.locator(`[data-test-id="canvas-node"][data-node-name="${NODE_NAME}"]`).dblclick();
			await page.locator('[data-test-id="ndv"]').waitFor();
			// The panel renders its fields after it opens (later on a busy machine): read it until
			// every label is there, for up to 15 s.
			const parameters = page.locator('[data-test-id="node-parameters"]');
			let text = await parameters.innerText();
			for (let tries = 0; tries < 30 && PANEL_LABELS.some((l) => !text.includes(l)); tries++) {
				await page.waitForTimeout(500);
				text = await parameters.innerText();
			}
			for (const label of PANEL_LABELS)
				expectTrue(text.includes(label), `the panel lacks "${label}"`);
			await shot(page, shotsDir, 'node-panel');

			// n8n itself adds "Custom API Call" to every node whose credential can sign HTTP requests.
			const expected = expectedMenus();
			expectEqual(
				await menuOf(page, 'resource'),
				[...expected.resource, 'Custom API Call'],
				'Resource menu',
			);
			expectEqual(
				await menuOf(page, 'operation'),
				[...expected.operation, 'Custom API Call'],
				'Operation menu',
			);
		});

		await checks.check('ui: Update Fields offers every participant option', async () => {
			// A select whose placeholder is "Add Field" (n8n's own Options collection says "Add option").
			const add = page
				.locator('[data-test-id="node-parameters"] input[placeholder="Add Field"]')
				.first();
			await add.scrollIntoViewIfNeeded();
			await add.click();
			const options = page.locator('.el-select-dropdown__item:visible');
			await options.first().waitFor();
			// Fields the workflow already sets are not offered again.
			const set = ['Hold', 'Hold Method', 'Hold URL', 'Muted'];
			expectEqual(
				(await options.allInnerTexts()).map((t) => t.trim()),
				expectedMenus().updateFields.filter((n) => !set.includes(n)),
				'Add Field menu',
			);
			await shot(page, shotsDir, 'update-fields', '[data-test-id="ndv"]');
			await page.keyboard.press('Escape');
		});

		await checks.check('ui: credential test passes against the sandbox', async () => {
			sandbox.requests.length = 0;
			// Opening a saved credential runs its test.
			await page.locator('[data-test-id="credential-edit-button"]').click();
			const dialog = page.locator('[data-test-id="credential-edit-dialog"]');
			await dialog.locator('[data-test-id="credentials-config-container-test-success"]').waitFor();
			expectTrue(
				sandbox.requests.some(
					(r) =>
						r.url === '/v2/whoami' &&
						r.status === 200 &&
						r.headers.authorization === `Bearer ${WORLD.apiKey}`,
				),
				'the sandbox saw no authenticated GET /v2/whoami',
			);
			await shot(page, shotsDir, 'credential');
		});

		await checks.check(
			'ui: the AI moderator example shows the agent, its chat model and the Telnyx tools',
			async () => {
				await page.keyboard.press('Escape');
				await page.goto(`${url}/workflow/${exampleId(AI_EXAMPLE)}`);
				for (const name of ['Conference moderator', 'OpenAI Chat Model', ...AI_TOOLS]) {
					await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).waitFor();
				}
				for (const name of AI_TOOLS) {
					const icon = page
						.locator(`[data-test-id="canvas-node"][data-node-name="${name}"] img`)
						.first();
					expectTrue(
						(await icon.getAttribute('src'))?.includes('n8n-nodes-telnyx-texml'),
						`${name} lacks the package icon`,
					);
				}
				await page.waitForTimeout(500);
				await shot(page, shotsDir, 'ai-agent-workflow');
			},
		);

		await checks.check(
			'ui: the conference recap example shows trigger, download, transcription and summary',
			async () => {
				await page.goto(`${url}/workflow/${exampleId(RECAP_EXAMPLE)}`);
				for (const name of RECAP_NODES) {
					await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).waitFor();
				}
				await page.waitForTimeout(500);
				await shot(page, shotsDir, 'conference-recap');
			},
		);

		await checks.check(
			'ui: the dial-in example shows the answer trigger, the PIN table, the routing and the five answers',
			async () => {
				await page.goto(`${url}/workflow/${exampleId(DIAL_IN)}`);
				for (const name of DIAL_IN_NODES) {
					await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).waitFor();
				}
				await page.waitForTimeout(500);
				await shot(page, shotsDir, 'dial-in');
			},
		);

		await checks.check(
			"ui: a Response node shows each verb's fields, and a verb added in the panel gets its own",
			async () => {
				await page.locator(`[data-test-id="canvas-node"][data-node-name="Wrong PIN"]`).dblclick();
				await page.locator('[data-test-id="ndv"]').waitFor();
				const parameters = page.locator('[data-test-id="node-parameters"]');
				const labels = ['Verbs', 'Verb', 'Text', 'Input', 'Prompts', 'Gather Options', 'URL'];
				let text = await parameters.innerText();
				for (let tries = 0; tries < 30 && labels.some((l) => !text.includes(l)); tries++) {
					await page.waitForTimeout(500);
					text = await parameters.innerText();
				}
				for (const label of labels) expectTrue(text.includes(label), `the panel lacks "${label}"`);
				await shot(page, shotsDir, 'response-node', '[data-test-id="ndv"]');

				// A new entry is a Say whose fields come with one click, as n8n adds a group.
				const texts = () => parameters.locator('[data-test-id="parameter-input-sayText"]').count();
				const before = await texts();
				const addVerb = parameters.getByRole('button', { name: 'Add Verb' }).last();
				await addVerb.scrollIntoViewIfNeeded();
				await addVerb.click();
				const addFields = parameters.getByRole('button', { name: 'Add Say Fields' }).last();
				await addFields.waitFor();
				await addFields.click();
				for (let tries = 0; tries < 20 && (await texts()) === before; tries++)
					await page.waitForTimeout(250);
				expectEqual(await texts(), before + 1, 'Text fields after adding a Say');
				await page.keyboard.press('Escape');
			},
		);
	} finally {
		await browser.close();
	}
}
