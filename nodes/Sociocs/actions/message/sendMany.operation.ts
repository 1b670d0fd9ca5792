import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isStatic, ItemFields } from '../../../shared/fields';
import { sendJobs } from '../../../shared/jobs';
import type { Job } from '../../../shared/jobs';
import { phoneOptions, readPhone, readPhoneOptions } from '../../../shared/phone';
import { optionsCollection } from '../../../shared/sendOptions';
import type { Api, BodyProof } from '../../../shared/transport';
import { ALL_PROVIDERS, channelField, MEDIA_PARAMETERS, mediaFields, PROVIDERS, readChannel, readMedia, readProvider, sendProviderFields, textField } from './common';
import { text } from '../../../shared/resource';

/**
 * Message > Send to Many: every input item is one recipient of one text, sent as bulk jobs
 * (`POST /messages/bulk`) of up to "Recipients per Job" recipients each.
 */

const on = { resource: ['message'], operation: ['sendMany'] };

/**
 * Sociocs publishes no maximum. 1,000 recipients make a body of about 60 KB, far below the
 * 1 MB many proxies and API gateways allow; 10,000 recipients are 10 requests (0.2 s at 20 ms
 * each instead of 50 s by Send); and a job whose answer is lost (timeout, 5xx) leaves at most
 * 1,000 recipients in doubt, not the whole list.
 */
export const DEFAULT_RECIPIENTS_PER_JOB = 1000;

/** Jobs go out one after another, so Concurrency does not apply here. */
function withoutConcurrency(options: INodeProperties): INodeProperties {
	return { ...options, options: (options.options as INodeProperties[]).filter((option) => option.name !== 'concurrency') };
}

export const option = { name: 'Send to Many', action: 'Send a message to many recipients', description: 'Send one text to every input item\'s recipient, as bulk jobs' };

export const subtitle = text('Send to Many');

export const description: INodeProperties[] = [
	...sendProviderFields(on),
	{
		displayName:
			'Sociocs\' bulk messaging page marks WhatsApp bulk sends as not yet available (its API page lists them): Sociocs may refuse the job, and its answer is shown as it gave it',
		name: 'whatsAppBulkNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { ...on, provider: ['twlowa', 'gswa'] } },
	},
	channelField('sendMany'),
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. {{ $json.phone }}',
		description: 'The phone number of this item\'s recipient, with country code (every input item is one recipient). Sent in E.164 form.',
		displayOptions: { show: on },
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.firstName }}',
		description: 'The name of this item\'s recipient, shown in the Sociocs inbox and filled in for {{name}} in the text',
		displayOptions: { show: on },
	},
	textField(on, {
		placeholder: 'e.g. Hi {{name}}, our store opens at 9 tomorrow',
		description: 'The one text every recipient gets. Required unless a media URL is given.',
		hint: 'The same for all recipients. Sociocs fills in {{name}} with each recipient\'s Name: type it in Fixed mode (in an expression, write {{ "{{name}}" }}). For a text of its own per recipient, use Send.',
	}),
	...mediaFields(on, PROVIDERS.map(({ value }) => value), 'sent to every recipient'),
	withoutConcurrency(
		optionsCollection(on, [
			...phoneOptions,
			{
				displayName: 'Allow Duplicates',
				name: 'allowDuplicates',
				type: 'boolean',
				default: false,
				description:
					'Whether a number that appears in several items gets a message for each. Off: one message per number, to its first item (later items with it are listed as duplicate_items).',
			},
			{
				displayName: 'Recipients per Job',
				name: 'recipientsPerJob',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10000 },
				default: DEFAULT_RECIPIENTS_PER_JOB,
				description:
					'At most this many recipients in one bulk job; more become several jobs, sent one after another. Sociocs publishes no limit: 1,000 keeps each request small, and a job whose answer is lost leaves at most that many recipients in doubt.',
			},
			{
				displayName: 'Schedule',
				name: 'schedule',
				type: 'dateTime',
				default: '',
				description:
					'Send later, at this date and time (in the workflow\'s time zone unless the value has its own offset). The jobs then show under Bulk messaging in Sociocs, and Bulk Job > Reschedule or Cancel can change them.',
			},
			{
				displayName: 'Send As User Name or ID',
				name: 'userId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getTeamMembers' },
				default: '',
				description:
					'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				hint: 'The team member shown as the sender. Left on "Sociocs API (Default)", Sociocs shows "Sociocs API".',
			},
		]),
	),
];

/** What every recipient shares: one value for the whole run. */
interface Shared {
	provider: string;
	channelKey: string;
	content: IDataObject;
	allowDuplicates: boolean;
	perJob: number;
	schedule?: string;
	userId?: string;
}

interface Recipient {
	to: string;
	name?: string;
	shared: Shared;
}

const SHARED_LABELS: Record<keyof Shared, string> = {
	provider: 'Provider',
	channelKey: 'Channel',
	content: 'Text',
	allowDuplicates: 'Allow Duplicates',
	perJob: 'Recipients per Job',
	schedule: 'Schedule',
	userId: 'Send As User',
};

function readShared(fields: ItemFields): Shared {
	const provider = readProvider(fields, ALL_PROVIDERS);
	const channelKey = readChannel(fields);
	const content: IDataObject = {};
	const text = fields.text('text', 'Text');
	if (text) content.text = text;
	if (provider !== 'tlnx') readMedia(fields, content);
	if (!Object.keys(content).length) {
		fields.fail('Text', provider === 'tlnx' ? 'a message text' : 'a message text, or an Image URL, Video URL or File URL');
	}
	const perJobRaw = fields.resolved('options.recipientsPerJob', DEFAULT_RECIPIENTS_PER_JOB);
	const perJob = Number(perJobRaw);
	if (!Number.isInteger(perJob) || perJob < 1) fields.fail('Recipients per Job', 'a whole number of at least 1', perJobRaw);
	const shared: Shared = {
		provider,
		channelKey,
		content,
		allowDuplicates: fields.boolean('options.allowDuplicates', 'Allow Duplicates'),
		perJob,
	};
	const schedule = fields.dateTime('options.schedule', 'Schedule');
	if (schedule) shared.schedule = schedule;
	const userId = fields.text('options.userId', 'Send As User')?.trim();
	if (userId) shared.userId = userId;
	return shared;
}

/** The first recipient read in this run: every later item must share its text, channel and options. */
const firstOfRun = new WeakMap<IExecuteFunctions, { itemIndex: number; shared: Shared; key: string; static: boolean }>();

/** The parameters `readShared` reads (To and Name are the item's own). */
const SHARED_PARAMETERS = ['provider', 'channelKey', 'text', ...MEDIA_PARAMETERS, 'options'];

/** One input item: its recipient, and the run's shared values (refused when they differ from the first item's). */
export function build(this: IExecuteFunctions, itemIndex: number): Recipient {
	const fields = new ItemFields(this, itemIndex);
	const first = firstOfRun.get(this);
	// Without expressions the shared values are the first item's: not read 10,000 times over.
	const shared = first?.static ? first.shared : readShared(fields);
	const key = first?.static ? first.key : JSON.stringify(shared);
	if (!first) firstOfRun.set(this, { itemIndex, shared, key, static: SHARED_PARAMETERS.every((name) => isStatic(this.getNode().parameters[name])) });
	else if (first.key !== key) {
		const differs = (Object.keys(SHARED_LABELS) as Array<keyof Shared>).find(
			(field) => JSON.stringify(shared[field]) !== JSON.stringify(first.shared[field]),
		) as keyof Shared;
		fields.fail(
			SHARED_LABELS[differs],
			`the same value as in item ${first.itemIndex}: Send to Many sends one message to all recipients (for a text per recipient, use Send)`,
			shared[differs],
		);
	}
	const to = readPhone(fields, 'to', 'To', readPhoneOptions(fields.options()));
	const name = fields.text('name', 'Name')?.trim();
	return name ? { to, name, shared } : { to, shared };
}

/** POST /messages/bulk answers `{ status: "success", data: { job_id } }`. */
const JOB_CREATED: BodyProof = {
	expected: 'status "success" and a data.job_id',
	holds: (body) => {
		const data = (body as IDataObject | undefined)?.data as IDataObject | undefined;
		const id = (body as IDataObject | undefined)?.status === 'success' ? data?.job_id : undefined;
		return (typeof id === 'string' && id.trim() !== '') || typeof id === 'number';
	},
};

/** Recipients in input order, in jobs of `perJob`; without Allow Duplicates a number's later items ride on its first. */
export function plan(valid: Array<{ itemIndex: number; value: Recipient }>): Job[] {
	const { shared } = valid[0].value;
	const firstOf = new Map<string, number>();
	const kept: Array<{ itemIndex: number; value: Recipient; duplicates: number[] }> = [];
	for (const entry of valid) {
		const number = entry.value.to.replace(/^\+/, '');
		const earlier = shared.allowDuplicates ? undefined : firstOf.get(number);
		if (earlier !== undefined) kept[earlier].duplicates.push(entry.itemIndex);
		else {
			firstOf.set(number, kept.length);
			kept.push({ ...entry, duplicates: [] });
		}
	}
	const jobs: Job[] = [];
	for (let start = 0; start < kept.length; start += shared.perJob) {
		const chunk = kept.slice(start, start + shared.perJob);
		const body: IDataObject = {
			provider: shared.provider,
			channel_key: shared.channelKey,
			recipients: chunk.map(({ value: { to, name } }) => (name ? { to, name } : { to })),
			...shared.content,
			duplicates_allowed: shared.allowDuplicates,
		};
		if (shared.schedule) body.schedule = shared.schedule;
		if (shared.userId) body.user_id = shared.userId;
		const duplicates = chunk.flatMap((entry) => entry.duplicates).sort((a, b) => a - b);
		const items = [...chunk.map((entry) => entry.itemIndex), ...duplicates].sort((a, b) => a - b);
		jobs.push({
			items,
			request: { method: 'POST', path: '/messages/bulk', body, proof: JOB_CREATED },
			output: (response) => ({
				job_id: ((response as IDataObject).data as IDataObject).job_id,
				recipient_count: chunk.length,
				input_items: items,
				...(duplicates.length ? { duplicate_items: duplicates } : {}),
				provider: shared.provider,
				channel_key: shared.channelKey,
				...(shared.schedule ? { schedule: shared.schedule } : {}),
			}),
		});
	}
	return jobs;
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await sendJobs(this, api, build, plan);
}
