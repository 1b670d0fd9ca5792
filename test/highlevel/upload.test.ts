import type { IBinaryData, IBinaryKeyData } from 'n8n-workflow';

import { jsonOf, pairedIndexes } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { startMockApi } from '../mock/mockApi';
import type { MockApi } from '../mock/mockApi';
import { highLevel } from './helpers';

let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

const PATH = '/highlevel/conversations/messages/upload';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x0d, 0x0a, 0x2d, 0x2d]);
const PDF = Buffer.from('%PDF-1.4\n%\xff\n1 0 obj\n', 'latin1');
const binary = (data: Buffer, fileName: string, mimeType: string): IBinaryData => ({ data: data.toString('base64'), mimeType, fileName, fileExtension: fileName.split('.').pop() });
const upload = (parameters: Record<string, unknown> = {}, extra = {}) =>
	highLevel(api, {
		operation: 'uploadAttachment',
		conversationId: { __rl: true, mode: 'id', value: 'conv1' },
		contactId: { __rl: true, mode: 'id', value: 'c1' },
		binaryProperties: 'data',
		...parameters,
	}, extra);

test('several files of one item go in one multipart request as fileAttachment parts, byte for byte; the URLs come out ready for Send', async () => {
	const files: IBinaryKeyData = { data: binary(PNG, 'logo.png', 'image/png'), invoice: binary(PDF, 'invoice.pdf', 'application/pdf') };
	const result = await runNode(upload({ binaryProperties: 'data, invoice' }), [{}], [files]);
	expect(result.error).toBeUndefined();
	const [request] = api.requests;
	expect([request.method, request.path, request.headers.version]).toEqual(['POST', PATH, '2021-04-15']);
	expect(request.body.fields).toEqual({ conversationId: 'conv1', contactId: 'c1', locationId: 'loc123' });
	expect(request.body.files.map((f: { field: string; filename: string; contentType: string; data: Buffer }) => [f.field, f.filename, f.contentType, f.data.equals(f.filename === 'logo.png' ? PNG : PDF)])).toEqual([
		['fileAttachment', 'logo.png', 'image/png', true],
		['fileAttachment', 'invoice.pdf', 'application/pdf', true],
	]);
	const [out] = jsonOf(result.items);
	expect(out.urls).toEqual([expect.stringMatching(/^https:\/\/storage\.example\.com\/.*\/logo\.png$/), expect.stringMatching(/\/invoice\.pdf$/)]);
	expect(Object.keys(out.uploadedFiles as object)).toEqual(['logo.png', 'invoice.pdf']);
});

test('a file type HighLevel does not take is refused before sending, naming the field, the item and the file; Continue On Fail keeps order', async () => {
	const result = await runNode(upload({}, { continueOnFail: true }), [{}, {}], [
		{ data: binary(Buffer.from('MZ'), 'setup.exe', 'application/octet-stream') },
		{ data: binary(PNG, 'ok.png', 'image/png') },
	]);
	expect(pairedIndexes(result.items)).toEqual([0, 1]);
	const [refused, uploaded] = jsonOf(result.items);
	expect(refused.error).toMatch(/^Invalid "Input Binary Fields" in item 0: expected files HighLevel accepts \(jpg, jpeg, png.*"data" is setup\.exe; got "exe"/);
	expect(uploaded.urls).toEqual([expect.stringMatching(/ok\.png$/)]);
	expect(api.requests).toHaveLength(1);
});

test.each([
	['no such binary property', { binaryProperties: 'photo' }, /^Invalid "Input Binary Fields" in item 0: expected the name of a binary property of the item \(it has "data"\)/],
	['no binary property named', { binaryProperties: '={{ "" }}' }, /^Invalid "Input Binary Fields" in item 0: expected the name of at least one binary property/],
	['no contact', { contactId: { __rl: true, mode: 'id', value: '={{ "" }}' } }, /^Invalid "Contact" in item 0/],
])('refused before any request: %s', async (_name, parameters, pattern) => {
	const result = await runNode(upload(parameters), [{}], [{ data: binary(PNG, 'a.png', 'image/png') }]);
	expect(result.error?.message).toMatch(pattern);
	expect(api.requests).toHaveLength(0);
});

test("the mock refuses a type the spec does not allow with the upload's own 415 { status, message }", async () => {
	const form = new FormData();
	for (const [k, v] of Object.entries({ conversationId: 'conv1', contactId: 'c1', locationId: 'loc1' })) form.append(k, v);
	form.append('fileAttachment', new Blob([new Uint8Array(PNG)]), 'x.gif');
	const response = await fetch(`${api.url}${PATH}`, { method: 'POST', headers: { authorization: 'Bearer t', version: '2021-04-15' }, body: form });
	expect([response.status, await response.json()]).toEqual([415, { status: 415, message: 'Unsupported Media Type: x.gif' }]);
});
