import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { INBOX } from '../shared/services';
import { eventsSubtitle } from '../shared/webhooks/properties';
import { EVENT_OPTIONS, header, mapEvent } from './trigger/events';
import { readAfter, wants } from './trigger/poll';
import type { PollState } from './trigger/poll';
import { MAIN_CONNECTION } from '../shared/connection';

/**
 * Inbox Trigger (polling): needs no set-up in Inbox, only the API credential. For real-time
 * deliveries, the Inbox Webhook Trigger takes Inbox's webhooks instead. (Two nodes rather than
 * a mode switch: n8n decides from the node type whether it polls or listens, and a node that
 * did both would show a webhook URL that does nothing, or poll for nothing.)
 */
export class InboxTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Inbox (inboxapp.com) Trigger',
		name: 'inboxTrigger',
		icon: { light: 'file:../../icons/inbox.svg', dark: 'file:../../icons/inbox.dark.svg' },
		group: ['trigger'],
		// 2 polls API v2's feed. New nodes get the last version (n8n's editor); saved ones keep theirs.
		version: [1, 2],
		subtitle: eventsSubtitle(EVENT_OPTIONS),
		// n8n's node panel shows a trigger's description for the whole app (Inbox), actions included.
		description: 'Reply to and start LinkedIn and X (Twitter) conversations in Inbox (inboxapp.com), and run workflows on new messages and thread changes (checked at set times)',
		defaults: { name: 'Inbox Trigger' },
		polling: true,
		inputs: [],
		outputs: [MAIN_CONNECTION],
		credentials: [{ name: INBOX.credentialType, required: true }],
		properties: header(
			'Once you Publish the workflow (top right), checks Inbox for new events at the Poll Times above; the first check starts from now, not from past events. For real-time deliveries use the "Inbox (inboxapp.com) Webhook Trigger" node instead (search "Inbox webhook").',
		),
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const state = this.getWorkflowStaticData('node') as PollState;
		const keep = wants(this.getNodeParameter('events', []) as string[]);

		if (this.getMode() === 'manual') {
			// A test run shows the latest matching event and leaves the cursor alone.
			const { events } = await readAfter(this, 0, keep);
			const latest = events[events.length - 1];
			return latest ? [[{ json: mapEvent(latest) }]] : null;
		}
		if (state.lastSeq === undefined) {
			// First poll after activation: skip the 7 days Inbox keeps, start from now.
			state.lastSeq = (await readAfter(this, 0, () => false)).lastSeq;
			return null;
		}
		const { events, lastSeq } = await readAfter(this, state.lastSeq, keep);
		state.lastSeq = lastSeq;
		return events.length > 0 ? [events.map((event) => ({ json: mapEvent(event) }))] : null;
	}
}
