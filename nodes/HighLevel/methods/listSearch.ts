import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { HIGHLEVEL } from '../../shared/services';
import { apiRequest, openApi } from '../../shared/transport';
import { SEARCH_API_VERSION } from '../apiVersions';

interface Conversation {
	id: string;
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

/** Conversations of the credential's location, searched by the user's text (contact name, email, phone). */
export async function searchConversations(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const api = await openApi(this, HIGHLEVEL);
	const qs: IDataObject = { locationId: api.credentials.data?.locationId, limit: 20 };
	if (filter?.trim()) qs.query = filter.trim();
	const page = (await apiRequest(this, api, {
		method: 'GET',
		path: '/conversations/search',
		qs,
		headers: { Version: SEARCH_API_VERSION },
	})) as { conversations?: Conversation[] };
	return {
		results: (page.conversations ?? []).map((conversation) => ({
			name: label(conversation),
			value: conversation.id,
		})),
	};
}
