import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import * as bulkJob from './actions/bulkJob';
import * as addInbound from './actions/message/addInbound.operation';
import * as getMany from './actions/message/getMany.operation';
import * as getUnreplied from './actions/message/getUnreplied.operation';
import * as search from './actions/message/search.operation';
import * as send from './actions/message/send.operation';
import * as sendMany from './actions/message/sendMany.operation';
import * as scheduledMessage from './actions/scheduledMessage';
import { router } from './actions/router';
import { getChannels, getLists, getTeamMembers } from './methods/loadOptions';

export class Sociocs implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sociocs',
		name: 'sociocs',
		icon: { light: 'file:../../icons/sociocs.svg', dark: 'file:../../icons/sociocs.dark.svg' },
		group: ['output'],
		version: 1,
		// What a person reads on the canvas, e.g. "Send WhatsApp (Gupshup)" (n8n's lint wants a literal here).
		subtitle:
			'={{ $parameter["operation"] === "send" ? "Send " + ({ "twlo": "SMS (Twilio)", "twlowa": "WhatsApp (Twilio)", "gswa": "WhatsApp (Gupshup)", "tlnx": "SMS (Telnyx)" }[$parameter["provider"]] || "Message") : ({ "addInbound": "Add Inbound Message (Twilio SMS)", "sendMany": "Send to Many", "getMany": "Get Many", "search": "Search Messages", "getUnreplied": "Get Unreplied Messages", "reschedule": "Reschedule", "cancel": "Cancel" }[$parameter["operation"]] || "") + ({ "bulkJob": " (Bulk Jobs)", "scheduledMessage": " (Scheduled Messages)" }[$parameter["resource"]] || "") }}',
		description: 'Send SMS, MMS and WhatsApp messages (Twilio, Gupshup) and record inbound messages in Sociocs',
		defaults: { name: 'Sociocs' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'omnichannelSociocsApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Bulk Job', value: 'bulkJob' },
					{ name: 'Message', value: 'message' },
					{ name: 'Scheduled Message', value: 'scheduledMessage' },
				],
				default: 'message',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['message'] } },
				options: [
					{
						name: 'Add Inbound',
						value: 'addInbound',
						action: 'Add an inbound message',
						description: 'Save a message received elsewhere into the Sociocs inbox',
					},
					{
						name: 'Get Many',
						value: 'getMany',
						action: 'Get many messages',
						description: 'List the messages of a date range',
					},
					{
						name: 'Get Unreplied',
						value: 'getUnreplied',
						action: 'Get unreplied messages',
						description: 'List incoming messages nobody has answered',
					},
					{
						name: 'Search',
						value: 'search',
						action: 'Search messages',
						description: 'Find messages by their text',
					},
					{
						name: 'Send',
						value: 'send',
						action: 'Send a message',
						description: 'Send an SMS or WhatsApp message',
					},
					{
						name: 'Send to Many',
						value: 'sendMany',
						action: 'Send a message to many recipients',
						description: 'Send one text to every input item\'s recipient, as bulk jobs',
					},
				],
				default: 'send',
			},
			...send.description,
			...sendMany.description,
			...addInbound.description,
			...getMany.description,
			...search.description,
			...getUnreplied.description,
			...bulkJob.description,
			...scheduledMessage.description,
		],
	};

	methods = { loadOptions: { getChannels, getLists, getTeamMembers } };

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
