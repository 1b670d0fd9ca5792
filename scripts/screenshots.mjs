#!/usr/bin/env node
// Takes the README's screenshots in a real n8n (2.40.7, our package installed as a community
// package, dropdowns answered by the mock API) with Debian's headless Chromium through
// playwright-core (no browser download), and checks on the way that the node panel's search
// finds each node by the words its users type; then test/e2e/editorPanels.test.mjs walks the node
// panel and the triggers (see there). Writes docs/screenshots/*.png.
//   node scripts/screenshots.mjs        (after npm run build)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { chromium } from 'playwright-core';

import { CREDENTIALS, openEditor } from '../test/e2e/editorHost.mjs';
import { PACKAGE } from '../test/e2e/workflow.mjs';
import { OWNER, root } from './n8n-host.mjs';

const OUT = path.join(root, 'docs', 'screenshots');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The node panel searches: each must list the node. */
const SEARCHES = [
	['SMS', 'Sociocs'],
	['WhatsApp', 'Sociocs'],
	['GHL', 'HighLevel Conversations'],
	['LinkedIn', 'Inbox (inboxapp.com)'],
];

const node = (id, name, type, x, parameters, credential) => ({
	id,
	name,
	type: `${PACKAGE}.${type}`,
	typeVersion: 1,
	position: [x, 0],
	parameters,
	credentials: { [credential]: CREDENTIALS[credential] },
});

/** One workflow with the three nodes set up as a user would, so the canvas shows their subtitles. */
const WORKFLOW = {
	name: 'Omnichannel nodes',
	settings: {},
	nodes: [
		{ id: 's', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		node('a', 'Sociocs', 'sociocs', 260, {
			resource: 'message', operation: 'send', provider: 'gswa', channelKey: 'gswa-key-1', to: '+16175551212',
			gupshupTemplateId: 'order_update', text: '',
		}, 'omnichannelSociocsApi'),
		node('b', 'HighLevel Conversations', 'highLevelConversations', 520, {
			authentication: 'oAuth2', resource: 'message', operation: 'addInbound', type: 'Email',
			conversationId: { __rl: true, mode: 'list', value: 'conv1', cachedResultName: 'Jane Doe: See you tomorrow' },
			conversationProviderId: 'prov1', message: 'Thanks for your order', subject: 'Your order',
		}, 'omnichannelHighLevelOAuth2Api'),
		node('c', 'Inbox', 'inbox', 780, {
			resource: 'thread', operation: 'reply',
			threadId: { __rl: true, mode: 'list', value: 't1', cachedResultName: 'Ada Lovelace (@ada)' },
			content: 'Happy to help!',
		}, 'omnichannelInboxApi'),
	],
	connections: {
		Start: { main: [[{ node: 'Sociocs', type: 'main', index: 0 }]] },
		Sociocs: { main: [[{ node: 'HighLevel Conversations', type: 'main', index: 0 }]] },
		'HighLevel Conversations': { main: [[{ node: 'Inbox', type: 'main', index: 0 }]] },
	},
};

const editor = await openEditor();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
try {
	fs.mkdirSync(OUT, { recursive: true });
	const workflow = await editor.session.rest('POST', '/rest/workflows', WORKFLOW);
	const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	await page.goto(`${editor.url}/signin`);
	await page.fill('input[type=email]', OWNER.email);
	await page.fill('input[type=password]', OWNER.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((url) => !url.pathname.includes('signin'), { timeout: 60_000 });

	await page.goto(`${editor.url}/workflow/${workflow.id}`);
	await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 120_000 });
	await page.click('[data-test-id="zoom-to-fit"]');
	await page.waitForTimeout(1000);
	await page.screenshot({ path: path.join(OUT, 'canvas.png') });

	const problems = [];
	for (const [query, expected] of SEARCHES) {
		await page.click('[data-test-id="node-creator-plus-button"]');
		await page.fill('input[data-test-id="node-creator-search-bar"]', query);
		await page.waitForTimeout(1500);
		const names = await page.locator('[data-test-id="node-creator-item-name"]').allInnerTexts();
		const found = names.map((name) => name.trim()).includes(expected);
		console.log(`search "${query}": ${found ? 'finds' : 'DOES NOT find'} ${expected} (${names.slice(0, 6).join(', ')}, ...)`);
		if (!found) problems.push(`"${query}" does not find ${expected}`);
		if (query === 'SMS') await page.screenshot({ path: path.join(OUT, 'search-sms.png') });
		await page.keyboard.press('Escape');
		await page.waitForTimeout(500);
	}

	for (const [name, file] of [['Sociocs', 'sociocs.png'], ['HighLevel Conversations', 'highlevel.png'], ['Inbox', 'inbox.png']]) {
		await page.locator('[data-test-id="canvas-node"]', { hasText: name }).first().dblclick();
		await page.waitForSelector('[data-test-id="ndv"]', { timeout: 30_000 });
		await page.waitForTimeout(2500); // dropdowns and pickers load from the mock
		await page.screenshot({ path: path.join(OUT, file) });
		await page.keyboard.press('Escape');
		await page.waitForTimeout(800);
	}
	console.log(`screenshots in ${path.relative(root, OUT)}: ${fs.readdirSync(OUT).join(', ')}`);
	if (problems.length) {
		console.error(problems.join('\n'));
		process.exitCode = 1;
	}
} finally {
	await browser.close();
	await editor.close();
}

// The node panel's entries and searches, the triggers' panels and canvas: the walk of
// test/e2e/editorPanels.test.mjs, which saves its views here and fails when one regresses.
const walk = spawnSync(process.execPath, ['--test', path.join(root, 'test', 'e2e', 'editorPanels.test.mjs')], {
	stdio: 'inherit',
	env: { ...process.env, SCREENSHOTS_DIR: OUT },
});
if (walk.status !== 0) process.exitCode = 1;
