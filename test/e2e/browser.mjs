// n8n's editor in Debian's headless Chromium (playwright-core, no browser download), signed in:
// shared by test/e2e/editorPanels.test.mjs and scripts/screenshots.mjs.
import { chromium } from 'playwright-core';

import { OWNER } from '../../scripts/n8n-host.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** { browser, page } with the owner signed in to the editor at `url`. */
export async function openBrowser(url) {
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
	const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	await page.goto(`${url}/signin`);
	await page.fill('input[type=email]', OWNER.email);
	await page.fill('input[type=password]', OWNER.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((address) => !address.pathname.includes('signin'), { timeout: 60_000 });
	return { browser, page };
}

/** The names the node panel lists for `query` (the panel is opened first if it is closed). */
export async function searchNodes(page, query) {
	const bar = page.locator('input[data-test-id="node-creator-search-bar"]');
	if (!(await bar.isVisible())) {
		const plus = page.locator('[data-test-id="canvas-plus-button"], [data-test-id="node-creator-plus-button"]').first();
		await plus.click();
	}
	await bar.fill(query);
	// The list settles once the search has run; the names are read when two reads agree.
	let names;
	for (let previous = null; ; previous = names) {
		await page.waitForTimeout(400);
		names = (await page.locator('[data-test-id="node-creator-item-name"]').allInnerTexts()).map((name) => name.trim());
		if (previous !== null && JSON.stringify(previous) === JSON.stringify(names)) return names;
	}
}

/** Opens the listed entry `name` and returns its Triggers and Actions as the panel shows them. */
export async function openEntry(page, name) {
	await page.locator('[data-test-id="node-creator-item-name"]', { hasText: name }).first().click();
	const actionsHeader = page.getByText(/^Actions \(\d+\)$/);
	await actionsHeader.waitFor({ timeout: 15_000 });
	const triggersHeader = await page.getByText(/^Triggers \(\d+\)$/).innerText();
	// Actions are folded on the trigger view: unfold them.
	await actionsHeader.click();
	await page.waitForTimeout(500);
	const items = await page.locator('[data-test-id="item-iterator-item"][data-keyboard-nav-type="action"]').evaluateAll((elements) =>
		elements.map((element) => ({ type: element.getAttribute('data-keyboard-nav-id').replace(/-[0-9a-f-]{36}$/, ''), text: element.innerText.trim().split('\n')[0] })),
	);
	return { triggersHeader, actionsHeader: await actionsHeader.innerText(), items };
}
