// The editor as a new user meets it, in headless Chromium against a real n8n (2.40.7) with our
// package installed and every dropdown answered by the mock API: the node panel finds each node
// and trigger by the words users type, each app's entry lists its actions and its triggers, a
// dropdown loads right after a credential is chosen, and the canvas and the triggers' set-up
// notices read as words. With SCREENSHOTS_DIR set, the views are saved there as PNG
// (scripts/screenshots.mjs does that for docs/screenshots).
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { openBrowser, openEntry, searchNodes } from './browser.mjs';
import { CREDENTIALS, openEditor } from './editorHost.mjs';
import { PACKAGE } from './workflow.mjs';

let editor;
let browser;
let page;
const shots = process.env.SCREENSHOTS_DIR;
const shoot = async (file) => shots && (await page.screenshot({ path: path.join(shots, file) }));

before(async () => {
	editor = await openEditor();
	({ browser, page } = await openBrowser(editor.url));
});

after(async () => {
	await browser?.close();
	await editor?.close();
});

const type = (name) => `${PACKAGE}.${name}`;

async function openWorkflow(workflow) {
	const saved = await editor.session.rest('POST', '/rest/workflows', { settings: {}, connections: {}, ...workflow });
	await page.goto(`${editor.url}/workflow/${saved.id}`);
	await page.waitForSelector('[data-test-id="canvas-plus-button"], [data-test-id="canvas-node"]', { timeout: 120_000 });
	return saved;
}

describe('the node panel', () => {
	before(async () => await openWorkflow({ name: 'Empty', nodes: [] }));

	// An empty canvas opens the panel on "What triggers this workflow?", where n8n drops " Trigger"
	// from a trigger's own entry (NodeCreator's NodesMode): the Inbox Webhook Trigger reads "... Webhook".
	const SEARCHES = [
		['HighLevel', ['HighLevel Conversations']],
		['GHL', ['HighLevel Conversations']],
		['HighLevel trigger', ['HighLevel Conversations']],
		['SMS', ['Sociocs']],
		['WhatsApp', ['Sociocs']],
		['Sociocs trigger', ['Sociocs']],
		['Inbox', ['Inbox (inboxapp.com)', 'Inbox (inboxapp.com) Webhook']],
		['LinkedIn', ['Inbox (inboxapp.com)', 'Inbox (inboxapp.com) Webhook']],
	];
	for (const [query, expected] of SEARCHES) {
		test(`"${query}" lists ${expected.join(' and ')}, each once`, async () => {
			const names = await searchNodes(page, query);
			for (const name of expected) assert.equal(names.filter((listed) => listed === name).length, 1, `"${query}" listed ${JSON.stringify(names)}`);
			const ours = names.filter((listed) => /Sociocs|HighLevel Conversations|inboxapp/.test(listed));
			assert.deepEqual(ours.filter((listed) => !expected.includes(listed)), [], `"${query}" listed more of ours: ${JSON.stringify(names)}`);
			if (query === 'HighLevel') await shoot('search-highlevel.png');
			if (query === 'LinkedIn') await shoot('search-linkedin.png');
		});
	}

	const ENTRIES = [
		['Sociocs', 'sociocs', ['On incoming message', 'On message status update'], ['Add an inbound message', 'Send a message', 'Send a message to many recipients', 'Cancel a bulk job', 'Get many scheduled messages']],
		['HighLevel Conversations', 'highLevelConversations', ['On inbound message', 'On outbound message', 'On provider outbound message'], ['Add an inbound message', 'Send a message', 'Upload an attachment', 'Search conversations']],
		['Inbox (inboxapp.com)', 'inbox', ['On message received', 'On message sent', 'On thread created'], ['Reply to a thread', 'Send a message to a person', 'Get many threads']],
	];
	/** Every action n8n can list for a node: the `action` texts of its operations, of every resource and version. */
	async function actionsOf(name) {
		const types = await editor.session.rest('GET', '/types/nodes.json');
		const versions = types.filter((t) => t.name === type(name));
		const texts = versions.flatMap((t) => t.properties.filter((p) => p.name === 'operation').flatMap((p) => p.options.map((o) => o.action)));
		return [...new Set(texts)];
	}
	for (const [entry, name, triggers, someActions] of ENTRIES) {
		test(`${entry}: one entry with its triggers and its actions`, async () => {
			const known = await actionsOf(name);
			for (const action of someActions) assert.ok(known.includes(action), `${name} has no operation "${action}": ${JSON.stringify(known)}`);
			await searchNodes(page, entry);
			const shown = await openEntry(page, entry);
			await shoot(`panel-${name}.png`);
			const ofType = (suffix) => shown.items.filter((item) => item.type === type(`${name}${suffix}`)).map((item) => item.text);
			for (const trigger of triggers) assert.ok(ofType('Trigger').includes(trigger), `${entry} lacks the trigger "${trigger}": ${JSON.stringify(shown)}`);
			const listed = ofType('');
			for (const action of someActions) assert.ok(listed.includes(action), `${entry} lacks the action "${action}": ${JSON.stringify(listed)}`);
			assert.deepEqual(listed.filter((action) => !known.includes(action)), [], `${entry} lists actions the node does not have`);
			assert.match(shown.triggersHeader, /^Triggers \((\d+)\)$/);
			assert.equal(shown.actionsHeader, `Actions (${listed.length})`);
			// The entry's description (the trigger's, n8n's choice) says what the node sends.
			const description = await page.locator('[data-test-id="node-creator"]').innerText();
			assert.doesNotMatch(description, /Starts the workflow when/);
			await page.keyboard.press('Escape');
			await page.keyboard.press('Escape');
		});
	}
});

describe('dropdowns', () => {
	test('Sociocs Channel loads right after the credential is chosen', async () => {
		await openWorkflow({
			name: 'No credential yet',
			nodes: [{ id: 'a', name: 'Send', type: type('sociocs'), typeVersion: 1, position: [0, 0], parameters: { resource: 'message', operation: 'send', provider: 'gswa' } }],
		});
		await page.locator('[data-test-id="canvas-node"]').first().dblclick();
		await page.locator('[data-test-id="node-credentials-select"]').click();
		await page.locator(`[data-test-id="node-credentials-select-item-${CREDENTIALS.omnichannelSociocsApi.id}"]`).click();
		await page.locator('[data-test-id="parameter-input-channelKey"]').click();
		const option = page.locator('.el-select-dropdown__item, [data-test-id="parameter-input-item"]', { hasText: 'gswa main line' }).first();
		await option.waitFor({ timeout: 20_000 });
		await shoot('channel-after-credential.png');
		await page.keyboard.press('Escape');
	});
});

describe('Sociocs: Send to Many and Get Many panels', () => {
	const sociocsNode = (id, name, x, parameters) => ({
		id, name, type: type('sociocs'), typeVersion: 1, position: [x, 0], parameters: { resource: 'message', ...parameters },
		credentials: { omnichannelSociocsApi: CREDENTIALS.omnichannelSociocsApi },
	});
	before(async () => {
		await openWorkflow({
			name: 'Sociocs bulk and history',
			nodes: [
				sociocsNode('m', 'Send to Many', 0, { operation: 'sendMany', provider: 'twlo', channelKey: 'twlo-key-1', to: '={{ $json.phone }}', name: '={{ $json.firstName }}', text: 'Hi {{name}}, our store opens at 9 tomorrow', options: { recipientsPerJob: 1000 } }),
				sociocsNode('g', 'Get Many', 300, { operation: 'getMany', returnAll: false, limit: 50 }),
			],
		});
	});

	/** Opens the node's panel in a window `height` tall (enough to show every field), shoots it, checks its text, closes it. */
	async function inPanel(name, file, height, check) {
		const size = page.viewportSize();
		await page.setViewportSize({ width: size.width, height });
		try {
			await page.locator('[data-test-id="canvas-node"]', { hasText: name }).first().dblclick();
			const ndv = page.locator('[data-test-id="ndv"]');
			await ndv.waitFor({ timeout: 30_000 });
			await page.waitForTimeout(1500);
			// Off the fields: the pointer left where the node was would show a field's hover controls.
			await page.mouse.move(size.width - 40, height - 200, { steps: 5 });
			await page.waitForTimeout(500);
			await shoot(file);
			await check(await ndv.innerText());
		} finally {
			await page.locator('[data-test-id="ndv-close-button"]').click();
			await page.waitForTimeout(500);
			await page.setViewportSize(size);
		}
	}

	test('Send to Many: To, Name, the one text with its {{name}} hint, Recipients per Job in Options', async () => {
		await inPanel('Send to Many', 'sociocs-send-many.png', 1300, async (text) => {
			for (const field of ['parameter-input-to', 'parameter-input-name', 'parameter-input-text']) {
				assert.equal(await page.locator(`[data-test-id="${field}"]`).count(), 1, `no ${field}`);
			}
			assert.match(text, /\nTo\n[\s\S]*\nName\n[\s\S]*\nText\n/);
			assert.match(text, /The same for all recipients\. Sociocs fills in \{\{name\}\} with each recipient's Name/);
			assert.match(text, /\nOptions\nRecipients per Job\n/);
		});
	});

	test('Get Many: Start Date and End Date say the workflow\'s time zone and "today", then Return All and Limit', async () => {
		await inPanel('Get Many', 'sociocs-get-many.png', 900, async (text) => {
			assert.match(text, /Start Date[\s\S]*End Date/);
			assert.match(text, /A date in the workflow's time zone \(Settings > Time Zone\)[^\n]*Empty: the same day as the End Date/);
			assert.match(text, /A date in the workflow's time zone \(Settings > Time Zone\)[^\n]*Empty: today in that time zone/);
			assert.ok(text.indexOf('End Date') < text.indexOf('Return All'), text);
			assert.match(text, /Return All[\s\S]*Limit/);
			assert.match(text, /read in 31-day windows, oldest first/);
		});
	});
});

describe('HighLevel: the two ways to sign in', () => {
	// n8n 2.40 hides the Authentication field (ParameterInputList hides what a credential's
	// displayOptions name); the node's notice, the credential list and the dialog name both ways.
	test('the notice, the credential list and the credential dialog name both ways', async () => {
		await openWorkflow({
			name: 'HighLevel sign-in',
			nodes: [{ id: 'a', name: 'Add', type: type('highLevelConversations'), typeVersion: 1, position: [0, 0], parameters: {} }],
		});
		await page.locator('[data-test-id="canvas-node"]').first().dblclick();
		const ndv = page.locator('[data-test-id="ndv"]');
		await ndv.waitFor({ timeout: 30_000 });
		assert.match(await ndv.innerText(), /Two ways to sign in: a Private Integration Token .* or OAuth2 with your Marketplace app/);
		await page.locator('[data-test-id="node-credentials-select"]').click();
		const listed = await page.locator('[data-test-id^="node-credentials-select-item"]').allInnerTexts();
		await shoot('highlevel-sign-in.png');
		assert.ok(listed.some((item) => item.includes('HighLevel Private Integration Token API')), JSON.stringify(listed));
		assert.ok(listed.some((item) => item.includes('HighLevel Marketplace App OAuth2 API')), JSON.stringify(listed));
		await page.locator('[data-test-id="node-credentials-select-item-new"]').click();
		const modes = page.locator('[data-test-id="credential-mode-dropdown-trigger"]');
		await modes.waitFor({ timeout: 15_000 });
		await modes.click();
		await page.waitForTimeout(500);
		const dialog = await page.locator('body').innerText();
		assert.match(dialog, /OAuth2 \(Marketplace App\)/);
		assert.match(dialog, /Private Integration Token/);
		await shoot('highlevel-credential-dialog.png');
		await page.keyboard.press('Escape');
		await page.keyboard.press('Escape');
	});
});

describe('triggers on the canvas and in their panels', () => {
	const trigger = (id, name, nodeType, x, parameters, credential) => ({
		id, name, type: type(nodeType), typeVersion: nodeType === 'inboxTrigger' ? 1 : 1.1, position: [x, 0], parameters, webhookId: `wh-${id}`,
		...(credential ? { credentials: { [credential]: CREDENTIALS[credential] } } : {}),
	});
	const NODES = [
		trigger('s', 'Sociocs Trigger', 'sociocsTrigger', 0, { events: ['messages', 'status_updates'], provider: 'twlo' }, 'omnichannelSociocsApi'),
		trigger('h', 'HighLevel Trigger', 'highLevelConversationsTrigger', 300, { events: ['InboundMessage', 'OutboundMessage'] }),
		trigger('w', 'Inbox Webhook Trigger', 'inboxWebhookTrigger', 600, { events: ['message.received', 'thread.created'] }, 'omnichannelInboxApi'),
		trigger('p', 'Inbox Trigger', 'inboxTrigger', 900, { events: ['message.received'] }, 'omnichannelInboxApi'),
	];
	before(async () => {
		await openWorkflow({ name: 'Triggers', nodes: NODES });
		await page.click('[data-test-id="zoom-to-fit"]');
		await page.waitForTimeout(800);
	});

	test('subtitles are words', async () => {
		const texts = await page.locator('[data-test-id="canvas-node"]').allInnerTexts();
		const joined = texts.join('\n');
		await shoot('canvas-triggers.png');
		for (const words of ['On incoming message, message status update', 'On inbound message, outbound message', 'On message received, thread created', 'On message received']) {
			assert.ok(joined.includes(words), `no subtitle "${words}" in ${JSON.stringify(texts)}`);
		}
		assert.doesNotMatch(joined, /status_updates|InboundMessage|message\.received/);
	});

	const PANELS = [
		['Sociocs Trigger', 'trigger-sociocs.png', /Execute step subscribes the Test URL[\s\S]*Publish/],
		['HighLevel Trigger', 'trigger-highlevel.png', /open Webhook URLs above, switch to Production URL[\s\S]*Publish/],
		['Inbox Webhook Trigger', 'trigger-inbox-webhook.png', /open Webhook URLs above, switch to Production URL[\s\S]*Publish/],
		['Inbox Trigger', 'trigger-inbox.png', /Poll Times above/],
	];
	for (const [name, file, notice] of PANELS) {
		test(`${name}: the set-up notice says what this screen shows`, async () => {
			await page.locator('[data-test-id="canvas-node"]', { hasText: name }).first().dblclick();
			const ndv = page.locator('[data-test-id="ndv"]');
			await ndv.waitFor({ timeout: 30_000 });
			await page.waitForTimeout(1500);
			const text = await ndv.innerText();
			await shoot(file);
			assert.match(text, notice);
			assert.doesNotMatch(text, /Production URL \(above\)|Activating|interval below/);
			if (name !== 'Inbox Trigger') {
				// The URL section the notices point to: folded, titled "Webhook URLs".
				assert.match(text, /Webhook URLs/);
			} else {
				// Poll Times stands above the notice, as the notice says.
				assert.ok(text.indexOf('Poll Times') < text.indexOf('Poll Times above'), text);
			}
			if (name === 'Sociocs Trigger') assert.match(text, /Execute step and Publish stay unavailable until one is chosen/);
			await page.locator('[data-test-id="ndv-close-button"]').click();
			await page.waitForTimeout(500);
		});
	}
});

describe('HighLevel Conversations: Send and Upload Attachment panels', () => {
	// Windows as tall as each panel's fields (an Email's need 1,900 pixels), the rest of the walk's 900 after.
	after(async () => await page.setViewportSize({ width: 1440, height: 900 }));

	const contact = { __rl: true, mode: 'list', value: 'c1', cachedResultName: 'Jane Doe' };
	const conversation = { __rl: true, mode: 'list', value: 'conv1', cachedResultName: 'Jane Doe' };
	const PANELS = [
		{
			file: 'highlevel-send-sms.png',
			height: 1100,
			parameters: { resource: 'message', operation: 'send', type: 'SMS', contactId: contact, message: 'Your table is ready', toNumber: '+16175551212' },
			shown: ['Type', 'Contact', 'Message', 'Attachments', 'From Number', 'To Number'],
			hidden: ['Subject', 'HTML', 'Email CC', 'Email BCC', 'Email From', 'Conversation Provider ID'],
		},
		{
			file: 'highlevel-send-email.png',
			height: 1900,
			parameters: { resource: 'message', operation: 'send', type: 'Email', contactId: contact, subject: 'Your booking', html: '<p>See you on Friday</p>' },
			shown: ['Type', 'Contact', 'Message', 'HTML', 'Subject', 'Attachments', 'Email From', 'Email To', 'Email CC', 'Email BCC', 'Thread ID', 'Reply Mode'],
			hidden: ['From Number', 'To Number', 'Conversation Provider ID'],
		},
		{
			file: 'highlevel-send-custom.png',
			height: 1100,
			parameters: { resource: 'message', operation: 'send', type: 'Custom', contactId: contact, conversationProviderId: '61d6d1f9cdac7612faf80753', message: 'Hello from our app' },
			shown: ['Type', 'Contact', 'Conversation Provider ID', 'Message', 'Attachments'],
			hidden: ['Subject', 'HTML', 'From Number', 'To Number', 'Email CC'],
		},
		{
			file: 'highlevel-upload-attachment.png',
			height: 1000,
			parameters: { resource: 'message', operation: 'uploadAttachment', conversationId: conversation, contactId: contact, binaryProperties: 'data' },
			shown: ['Conversation', 'Contact', 'Input Binary Fields'],
			hidden: ['Type', 'Message', 'Subject', 'From Number', 'Attachments'],
		},
	];
	for (const { file, height, parameters, shown, hidden } of PANELS) {
		const what = parameters.operation === 'send' ? `Send, Type ${parameters.type}` : 'Upload Attachment';
		test(`${what}: the panel shows ${shown.slice(-2).join(' and ')}, not ${hidden.slice(0, 2).join(' or ')}`, async () => {
			await page.setViewportSize({ width: 1440, height });
			await openWorkflow({
				name: `HighLevel ${what}`,
				nodes: [{
					id: 'a', name: 'HighLevel', type: type('highLevelConversations'), typeVersion: 1, position: [0, 0], parameters,
					credentials: { omnichannelHighLevelApi: CREDENTIALS.omnichannelHighLevelApi },
				}],
			});
			await page.locator('[data-test-id="canvas-node"]').first().dblclick();
			const ndv = page.locator('[data-test-id="ndv"]');
			await ndv.waitFor({ timeout: 30_000 });
			await page.waitForTimeout(1500);
			// Each field's label is a line of its own ("*" follows a required one).
			const labels = (await ndv.innerText()).split('\n').map((line) => line.replace(/\*$/, '').trim());
			for (const label of shown) assert.ok(labels.includes(label), `${what}: no field "${label}" in ${JSON.stringify(labels)}`);
			for (const label of hidden) assert.ok(!labels.includes(label), `${what}: "${label}" should not be shown: ${JSON.stringify(labels)}`);
			// Off every field, so that none is shot hovered.
			await page.mouse.move(1300, height - 40);
			await page.waitForTimeout(800);
			await shoot(file);
			await page.locator('[data-test-id="ndv-close-button"]').click();
			await page.waitForTimeout(500);
		});
	}
});
