import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { HIGHLEVEL } from '../../shared/services';
import { apiRequest, openApi } from '../../shared/transport';
import { CONVERSATIONS_API_VERSION } from '../apiVersions';

interface Conversation {
	id: string;
	contactId?: string;
	contactName?: string;
	fullName?: string;
	email?: string;
	phone?: string;
	lastMessageBody?: string;
}

function label(conversation: Conversation): string {
	const who =
		conversation.contactName || conversation.fullName || conversation.email || conversation.phone || conversation.id;
	const last = (conversation.lastMessageBody ?? '').replace(/\s+/g, ' ').trim();
	return last ? `${who}: ${last.length > 60 ? `${last.slice(0, 60)}…` : last}` : who;
}

async function conversationsMatching(ctx: ILoadOptionsFunctions, filter?: string): Promise<Conversation[]> {
	const api = await openApi(ctx, HIGHLEVEL);
	const qs: IDataObject = { locationId: api.credentials.data?.locationId, limit: 20 };
	if (filter?.trim()) qs.query = filter.trim();
	const page = (await apiRequest(ctx, api, {
		method: 'GET',
		path: '/conversations/search',
		qs,
		headers: { Version: CONVERSATIONS_API_VERSION },
	})) as { conversations?: Conversation[] };
	return page.conversations ?? [];
}

/**
 * Contacts of the credential's location, found through their conversations (the one search
 * the Conversations scopes allow): a contact without a conversation is given by ID.
 */
export async function searchContacts(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const seen = new Set<string>();
	const results = [];
	for (const conversation of await conversationsMatching(this, filter)) {
		if (!conversation.contactId || seen.has(conversation.contactId)) continue;
		seen.add(conversation.contactId);
		const who = conversation.contactName || conversation.fullName || conversation.contactId;
		const reach = [conversation.phone, conversation.email].filter(Boolean).join(', ');
		results.push({ name: reach ? `${who} (${reach})` : who, value: conversation.contactId });
	}
	return { results };
}

/** Conversations of the credential's location, searched by the user's text (contact name, email, phone). */
export async function searchConversations(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return {
		results: (await conversationsMatching(this, filter)).map((conversation) => ({
			name: label(conversation),
			value: conversation.id,
		})),
	};
}
