import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { MAIN_CONNECTION } from '../shared/connection';
import * as addInbound from './actions/message/addInbound.operation';
import * as send from './actions/message/send.operation';
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
			'={{ $parameter["operation"] === "addInbound" ? "Add Inbound Message (Twilio SMS)" : "Send " + ({ "twlo": "SMS (Twilio)", "twlowa": "WhatsApp (Twilio)", "gswa": "WhatsApp (Gupshup)" }[$parameter["provider"]] || "Message") }}',
		description: 'Send SMS, MMS and WhatsApp messages (Twilio, Gupshup) and record inbound messages in Sociocs',
		defaults: { name: 'Sociocs' },
		usableAsTool: true,
		inputs: [MAIN_CONNECTION],
		outputs: [MAIN_CONNECTION],
		credentials: [{ name: 'omnichannelSociocsApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Message', value: 'message' }],
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
						name: 'Send',
						value: 'send',
						action: 'Send a message',
						description: 'Send an SMS or WhatsApp message',
					},
				],
				default: 'send',
			},
			...send.description,
			...addInbound.description,
		],
	};

	methods = { loadOptions: { getChannels, getLists, getTeamMembers } };

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
