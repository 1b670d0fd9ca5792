import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { SOCIOCS } from '../../shared/services';
import { apiRequest, openApi } from '../../shared/transport';

async function get(ctx: ILoadOptionsFunctions, path: string, qs?: IDataObject): Promise<unknown> {
	const api = await openApi(ctx, SOCIOCS);
	return await apiRequest(ctx, api, { method: 'GET', path, qs });
}

/** `data` of Sociocs' envelope, or the body itself when it is a bare array (as /channels is). */
function listOf(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	const data = (body as IDataObject | undefined)?.data;
	return Array.isArray(data) ? (data as IDataObject[]) : [];
}

function firstText(entry: IDataObject, keys: string[]): string | undefined {
	for (const key of keys) {
		const value = entry[key];
		if (typeof value === 'string' && value.trim()) return value.trim();
	}
	return undefined;
}

/** The channels of the chosen provider (GET /channels?provider=...), by name; the value is the channel key. */
export async function getChannels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const provider = (this.getCurrentNodeParameter('provider') as string | undefined) || 'twlo';
	const channels = listOf(await get(this, '/channels', { provider }));
	return channels
		.filter((channel) => channel.channel_key)
		.map((channel) => ({
			name: firstText(channel, ['name']) ?? String(channel.channel_key),
			value: String(channel.channel_key),
			description: `Channel key ${String(channel.channel_key)}`,
		}));
}

/** Contact lists (GET /lists), after "All Contacts" (0). */
export async function getLists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const lists = listOf(await get(this, '/lists'));
	return [
		{ name: 'All Contacts', value: 0 },
		...lists
			.filter((list) => list.id !== undefined && list.id !== null)
			.map((list) => ({
				name: firstText(list, ['name', 'list_name', 'title']) ?? `List ${String(list.id)}`,
				value: Number(list.id),
			})),
	];
}

/**
 * Team members (GET /team-members), after "Sociocs API (Default)": the empty value, which
 * sends no user_id (and keeps the editor from calling an empty choice unsupported). Their
 * fields are not documented, so names are read defensively.
 */
export async function getTeamMembers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const members = listOf(await get(this, '/team-members'));
	const found = members
		.map((member) => {
			const id = member.id ?? member.user_id;
			const fullName = [member.first_name, member.last_name].filter(Boolean).join(' ');
			const name =
				firstText(member, ['name', 'full_name', 'display_name']) ?? (fullName || undefined) ?? firstText(member, ['email']);
			return { id, name };
		})
		.filter((member) => member.id !== undefined && member.id !== null)
		.map(({ id, name }) => ({ name: name ?? `User ${String(id)}`, value: String(id) }));
	return [{ name: 'Sociocs API (Default)', value: '' }, ...found];
}
