import fs from 'node:fs';
import path from 'node:path';

import { NodeHelpers, Workflow } from 'n8n-workflow';
import type { INode, INodeParameters, INodeType, INodeTypes } from 'n8n-workflow';

import { HighLevelConversations } from '../../nodes/HighLevel/HighLevelConversations.node';
import { Inbox } from '../../nodes/Inbox/Inbox.node';
import { PROVIDERS } from '../../nodes/Sociocs/actions/message/common';
import { Sociocs } from '../../nodes/Sociocs/Sociocs.node';

/**
 * What the editor shows before anything runs: the canvas subtitle (evaluated by n8n's expression
 * engine over the node's parameters with their defaults, as the editor does), the node panel's
 * search words (codex aliases), and which credential the HighLevel node asks for.
 */

function subtitleOf(type: INodeType, values: INodeParameters): unknown {
	const parameters = NodeHelpers.getNodeParameters(type.description.properties, values, true, false, { typeVersion: 1 }, type.description)!;
	const node: INode = { id: 'n', name: 'Node', type: `pkg.${type.description.name}`, typeVersion: 1, position: [0, 0], parameters };
	const nodeTypes: INodeTypes = { getByName: () => type, getByNameAndVersion: () => type, getKnownTypes: () => ({}) };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(node, type.description.subtitle!, 'internal', {}, undefined, '');
}

function codex(file: string) {
	return JSON.parse(fs.readFileSync(path.join(__dirname, '../../nodes', file), 'utf8')) as { alias?: string[] };
}

describe('canvas subtitles read as actions, with the provider or type', () => {
	test('Sociocs: "Send SMS (Twilio)" by default, each provider, and Add Inbound', () => {
		const sociocs = new Sociocs();
		expect(subtitleOf(sociocs, {})).toBe('Send SMS (Twilio)');
		expect(Object.fromEntries(PROVIDERS.map((p) => [p.value, subtitleOf(sociocs, { operation: 'send', provider: p.value })]))).toEqual({
			twlo: 'Send SMS (Twilio)',
			twlowa: 'Send WhatsApp (Twilio)',
			gswa: 'Send WhatsApp (Gupshup)',
		});
		expect(subtitleOf(sociocs, { operation: 'addInbound' })).toBe('Add Inbound Message (Twilio SMS)');
	});

	test('HighLevel: "Add Inbound Message (<type>)" with the label of every type', () => {
		const highLevel = new HighLevelConversations();
		expect(subtitleOf(highLevel, {})).toBe('Add Inbound Message (SMS)');
		const types = highLevel.description.properties.find((p) => p.name === 'type')!.options as Array<{ name: string; value: string }>;
		for (const { name, value } of types) expect(subtitleOf(highLevel, { type: value })).toBe(`Add Inbound Message (${name})`);
	});

	test('Inbox: "Reply to Thread"', () => {
		expect(subtitleOf(new Inbox(), {})).toBe('Reply to Thread');
	});
});

describe('node panel search words (n8n matches the display name and the codex aliases only)', () => {
	test.each([
		['Sociocs/Sociocs.node.json', ['SMS', 'MMS', 'WhatsApp', 'Twilio', 'Gupshup', 'text message']],
		['HighLevel/HighLevelConversations.node.json', ['GoHighLevel', 'GHL', 'LeadConnector', 'CRM']],
		['Inbox/Inbox.node.json', ['DM', 'LinkedIn', 'Twitter', 'X', 'inbox']],
	])('%s', (file, words) => {
		expect(codex(file).alias).toEqual(expect.arrayContaining(words));
	});
});

describe('HighLevel: Authentication chooses the credential', () => {
	const { description } = new HighLevelConversations();

	function credentialsShown(values: INodeParameters): string[] {
		const parameters = NodeHelpers.getNodeParameters(description.properties, values, true, false, { typeVersion: 1 }, description)!;
		const node = { typeVersion: 1, parameters } as unknown as INode;
		return (description.credentials ?? [])
			.filter((credential) => NodeHelpers.displayParameter(parameters, credential, node, description))
			.map((credential) => credential.name);
	}

	test('Private Integration Token by default (nodes saved before the choice keep working); OAuth2 on request', () => {
		expect(credentialsShown({})).toEqual(['omnichannelHighLevelApi']);
		expect(credentialsShown({ authentication: 'privateIntegrationToken' })).toEqual(['omnichannelHighLevelApi']);
		expect(credentialsShown({ authentication: 'oAuth2' })).toEqual(['omnichannelHighLevelOAuth2Api']);
	});

	test("the description says what it adds over n8n's built-in HighLevel node", () => {
		expect(description.description).toMatch(/messages to HighLevel \(GoHighLevel\) conversations, which the built-in HighLevel node cannot do/);
	});
});

describe('every field the editor shows has a label and says what it is for', () => {
	type Described = { displayName?: string; name?: string; type?: string; description?: string; options?: unknown[]; values?: unknown[] };
	const fieldsOf = (properties: unknown[]): Described[] =>
		(properties as Described[]).flatMap((property) => [
			property,
			// A collection's options are fields; a fixedCollection's options hold fields in `values`.
			...(property.type === 'collection' ? fieldsOf(property.options ?? []) : []),
			// (Pairs inside a fixedCollection, such as Name / Value, are labelled but need no description.)
			...(property.type === 'fixedCollection'
				? (property.options as Described[]).flatMap((group) => fieldsOf(group.values ?? []).map((field) => ({ ...field, description: field.description ?? field.displayName })))
				: []),
		]);
	const types: INodeType[] = [new Sociocs(), new HighLevelConversations(), new Inbox()];

	test.each(types.map((type) => [type.description.displayName, type] as const))('%s', (_name, type) => {
		const unlabelled = fieldsOf(type.description.properties)
			.filter((field) => !field.displayName?.trim() || (field.type !== 'notice' && !field.description?.trim() && field.type !== 'options' && field.type !== 'collection'))
			.map((field) => field.name);
		expect(unlabelled).toEqual([]);
	});

	test('phone options: Default Country starts at "None" (numbers carry their code); numbers are checked unless the user opts out', () => {
		const sendOptions = fieldsOf(new Sociocs().description.properties).filter((field) => field.name === 'defaultCountry' || field.name === 'phoneAsGiven');
		const [country, asGiven] = sendOptions;
		const choices = country.options as Array<{ name: string; value: string }>;
		expect(country).toMatchObject({ displayName: 'Default Country', type: 'options', default: '' });
		expect(choices[0]).toEqual({ name: 'None (Numbers Include Their Country Code)', value: '' });
		expect(choices.slice(1).every((option) => /^[A-Z]{2}$/.test(option.value))).toBe(true);
		expect(asGiven).toMatchObject({ displayName: 'Send Phone Numbers As Given', name: 'phoneAsGiven', type: 'boolean', default: false });
	});
});
