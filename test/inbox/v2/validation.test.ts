/** Inbox node version 2: bad input is refused per field, naming the item, before any request. */
import type { IDataObject } from 'n8n-workflow';

import { expectRejectedBeforeSending, jsonOf, pairedIndexes } from '../../helpers/assertions';
import { runNode } from '../../helpers/engine';
import { startMockApi } from '../../mock/mockApi';
import type { MockApi } from '../../mock/mockApi';
import { inboxV2, personParameters, replyParameters } from './helpers';

let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

const ID = /an Inbox ID of lowercase letters and digits only/;
const thread = (value: string) => ({ __rl: true, mode: 'id', value });
const getMany = (more: Record<string, unknown>) => ({ resource: 'thread', operation: 'getAll', ...more });
const messages = (more: Record<string, unknown>) => ({ resource: 'message', operation: 'getAll', threadId: thread('t1'), ...more });

const cases: Array<[string, Record<string, unknown>, IDataObject, RegExp]> = [
	['Reply: empty content', replyParameters(), { thread: 't1', text: '' }, /Invalid "Content" in item 0: expected at least 1 character of text; it is empty/],
	['Reply: thread ID with capitals', replyParameters(), { thread: 'T-1', text: 'x' }, /Invalid "Thread" in item 0: expected an Inbox ID .*got "T-1"/],
	['Reply: bad Reply To Message ID', replyParameters({ options: { replyToMessageId: 'no way' } }), { thread: 't1', text: 'x' }, /Invalid "Reply To Message ID" in item 0: .*got "no way"/],
	['Reply: Idempotency Key with non-ASCII letters', replyParameters({ options: { idempotencyKey: 'zakaz-№5' } }), { thread: 't1', text: 'x' }, /Invalid "Idempotency Key" in item 0: expected 1 to 255 printable ASCII characters .*got "zakaz-№5"/],
	['Reply: Idempotency Key of 256 characters', replyParameters({ options: { idempotencyKey: 'k'.repeat(256) } }), { thread: 't1', text: 'x' }, /Invalid "Idempotency Key" in item 0: expected 1 to 255 printable ASCII/],
	['Reply: Idempotency Key with a line break', replyParameters({ options: { idempotencyKey: '={{ $json.key }}' } }), { thread: 't1', text: 'x', key: 'a\nb' }, /Invalid "Idempotency Key" in item 0/],
	['Send to Person: bad account link ID', personParameters({ accountLinkId: thread('={{ "Acct 1" }}') }), { username: 'ada', text: 'x' }, /Invalid "Send From \(Account Link\)" in item 0: .*got "Acct 1"/],
	['Send to Person: empty username', personParameters(), { username: ' ', text: 'x' }, /Invalid "Username" in item 0: expected the person's handle, e.g. ada; it is empty/],
	['Send to Person: username with a space', personParameters(), { username: 'ada lovelace', text: 'x' }, /Invalid "Username" in item 0: expected a handle without spaces, e.g. ada; got "ada lovelace"/],
	['Send to Person: bad contact ID', personParameters({ recipient: 'contact', contactId: 'C#1' }), { text: 'x' }, /Invalid "Contact ID" in item 0: .*got "C#1"/],
	['Send to Person: platform ID with spaces', personParameters({ recipient: 'profile', platformId: '={{ $json.pid }}' }), { pid: '12 34', text: 'x' }, /Invalid "Platform ID" in item 0: .*got "12 34"/],
	['Send to Person: unknown recipient kind', personParameters({ recipient: '={{ $json.by }}', contactId: 'c1', platformId: '1' }), { by: 'email', username: 'ada', text: 'x' }, /Invalid "Recipient" in item 0: expected username, contact or profile; got "email"/],
	['Send to Person: empty content', personParameters(), { username: 'ada', text: '' }, /Invalid "Content" in item 0/],
	['Thread Get: bad thread ID', { resource: 'thread', operation: 'get', threadId: thread('={{ "../team" }}') }, {}, /Invalid "Thread" in item 0: .*got "..\/team"/],
	['Thread Get Many: Limit 0', getMany({ limit: '={{ 0 }}' }), {}, /Invalid "Limit" in item 0: expected a whole number of at least 1; got 0/],
	['Thread Get Many: Limit 2.5', getMany({ limit: '={{ 2.5 }}' }), {}, /Invalid "Limit" in item 0: expected a whole number of at least 1; got 2.5/],
	['Thread Get Many: a tag ID with a comma-joined bad entry', getMany({ filters: { tag: 'tagvip, Tag VIP' } }), {}, /Invalid "Tag IDs" in item 0: .*got "Tag VIP"/],
	['Thread Get Many: bad status ID', getMany({ filters: { status: 'st!' } }), {}, /Invalid "Status IDs" in item 0: .*got "st!"/],
	['Thread Get Many: unknown folder from an expression', getMany({ filters: { folder: '={{ "trash" }}' } }), {}, /Invalid "Folder" in item 0: expected one of inbox, noReply, requests, archived, all; got "trash"/],
	['Thread Get Many: assignee and unassigned together', getMany({ filters: { assigneeId: 'mem1', unassigned: true } }), {}, /Invalid "Unassigned Only" in item 0: expected off when an Assignee ID is given/],
	['Thread Get Many: bad assignee ID', getMany({ filters: { assigneeId: 'Mem 1' } }), {}, /Invalid "Assignee ID" in item 0/],
	['Message Get: bad message ID', { resource: 'message', operation: 'get', messageId: 'msg 1' }, {}, /Invalid "Message ID" in item 0: .*got "msg 1"/],
	['Message Get Many: bad thread ID from the input', messages({ threadId: thread('={{ $json.t }}') }), { t: 'T1' }, ID],
	// A static ID is checked by n8n itself (the locator's regex), before the node runs.
	['Message Get Many: a static bad thread ID', messages({ threadId: thread('T1') }), {}, /An Inbox ID has only lowercase letters and digits/],
	['Message Get Many: unknown order', messages({ order: '={{ "newest" }}' }), {}, /Invalid "Order" in item 0: expected asc or desc; got "newest"/],
];

test.each(cases)('%s', async (_name, parameters, json, message) => {
	const result = await runNode(inboxV2(api, parameters), [json]);
	expectRejectedBeforeSending(result, api, message);
});

test('two items with the same Idempotency Key and different texts: refused before anything is sent, naming both items', async () => {
	const result = await runNode(inboxV2(api, replyParameters({ options: { idempotencyKey: '={{ $json.key }}' } })), [
		{ thread: 't1', text: 'one', key: 'k1' },
		{ thread: 't1', text: 'two', key: 'k2' },
		{ thread: 't2', text: 'three', key: 'k1' },
	]);
	expectRejectedBeforeSending(result, api, /Invalid "Idempotency Key" in item 2: expected a key that no other item with a different message uses \(item 0 has it\); got "k1"/);
});

test('a bad item among good ones stops a Get Many before any page is read', async () => {
	const result = await runNode(inboxV2(api, messages({ threadId: thread('={{ $json.t }}') })), [{ t: 't1' }, { t: 'X' }]);
	expectRejectedBeforeSending(result, api, /Invalid "Thread" in item 1/);
});

test('Continue On Fail: good sends go out once each, bad items are error items in place, with pairedItem', async () => {
	const result = await runNode(inboxV2(api, replyParameters(), { continueOnFail: true }), [
		{ thread: 't1', text: 'first' },
		{ thread: 't1', text: '' },
		{ thread: 'nothere', text: 'unknown thread' },
		{ thread: 'BAD', text: 'bad id' },
		{ thread: 't2', text: 'fifth' },
	]);
	expect(result.error).toBeUndefined();
	const out = jsonOf(result.items);
	expect(out.map((j) => j.error ?? (j.message as { content: string }).content)).toEqual([
		'first',
		expect.stringMatching(/^Invalid "Content" in item 1/),
		expect.stringMatching(/^Thread nothere not found \(threadNotFound/),
		expect.stringMatching(/^Invalid "Thread" in item 3/),
		'fifth',
	]);
	expect(pairedIndexes(result.items)).toEqual([0, 1, 2, 3, 4]);
	expect(api.inboxV2.sends.map((s) => s.content)).toEqual(['first', 'fifth']);
	expect(api.requests).toHaveLength(3);
});
