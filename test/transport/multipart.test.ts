import http from 'node:http';

import type { IBinaryKeyData, IDataObject } from 'n8n-workflow';

import { sendItems } from '../../nodes/shared/items';
import { binaryForm, idProof } from '../../nodes/shared/transport';
import { jsonOf } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { startMockApi } from '../mock/mockApi';
import type { MockApi, MultipartBody } from '../mock/mockApi';
import { probe, probeNode } from './probe';

/**
 * Uploads (nodes/shared/transport/multipart.ts): an item's binary property goes out as a
 * multipart body through n8n's request helper, and the strict mock parses it (and refuses a
 * malformed one, test/mock/multipart.js).
 */
let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

const UPLOADS = '/inbox/api/v1/uploads';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x0d, 0x0a, 0x2d, 0x2d]);
const file = (data: Buffer, fileName = 'logo.png', mimeType = 'image/png'): IBinaryKeyData => ({
	data: { data: data.toString('base64'), mimeType, fileName, fileExtension: fileName.split('.').pop() },
});

const uploader = probeNode(async function (session) {
	return await sendItems(this, session, async (itemIndex) => ({
		request: {
			method: 'POST',
			path: '/uploads',
			body: await binaryForm(this, itemIndex, { binaryProperty: 'data', field: 'file', fields: { purpose: 'attachment' } }),
			proof: idProof('the upload id', (body) => body.id),
		},
	}));
});

function answerUploads() {
	api.on({ path: UPLOADS }, (request) => {
		const body = request.body as MultipartBody;
		return { status: 201, body: { id: `up${request.seq}`, files: body.files.map(({ field, filename, contentType, size }) => ({ field, filename, contentType, size })), fields: body.fields } };
	});
}

test('the binary property goes out as multipart, byte for byte, with its name and type', async () => {
	answerUploads();
	const result = await runNode(probe(api, uploader), [{}], [file(PNG)]);
	expect(result.error).toBeUndefined();
	expect(jsonOf(result.items)[0]).toEqual({
		id: 'up0',
		files: [{ field: 'file', filename: 'logo.png', contentType: 'image/png', size: PNG.length }],
		fields: { purpose: 'attachment' },
	});
	const [sent] = api.requests;
	expect(String(sent.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
	expect((sent.body as MultipartBody).files[0].data.equals(PNG)).toBe(true);
	expect(sent.headers.authorization).toBe('Bearer inbox_tok_probe_1234');
});

test('a rate-limited upload is sent again whole', async () => {
	api.once({ path: UPLOADS }, { status: 429, headers: { 'retry-after': '0' } });
	answerUploads();
	const big = Buffer.alloc(200_000, 7);
	const result = await runNode(probe(api, uploader), [{}], [file(big, 'big.bin', 'application/octet-stream')]);
	expect(jsonOf(result.items)[0].id).toBe('up1');
	expect(api.requests.map((r) => (r.body as MultipartBody).files?.[0]?.size)).toEqual([big.length, big.length]);
});

test('an item without the binary property fails before anything is sent, naming the field and what it has', async () => {
	const result = await runNode(probe(api, uploader, {}, true), [{}, {}], [undefined, { other: file(PNG).data }]);
	expect(api.requests).toHaveLength(0);
	expect(jsonOf(result.items).map((item: IDataObject) => item.error)).toEqual([
		'Invalid "Input Binary Field" in item 0: expected the name of a binary property of the item (it has none); got "data"',
		'Invalid "Input Binary Field" in item 1: expected the name of a binary property of the item (it has "other"); got "data"',
	]);
});

describe('the mock refuses a malformed multipart body', () => {
	async function post(contentType: string, body: string | Buffer) {
		const { port } = new URL(api.url);
		return await new Promise<{ status: number; body: string }>((resolve, reject) => {
			const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: UPLOADS, headers: { 'content-type': contentType, authorization: 'Bearer t' } }, (res) => {
				let text = '';
				res.on('data', (chunk) => (text += chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
			});
			req.on('error', reject);
			req.end(body);
		});
	}
	const part = (name: string) => `Content-Disposition: form-data; name="${name}"\r\n\r\nvalue\r\n`;

	test.each([
		['no boundary', 'multipart/form-data', `--b\r\n${part('a')}--b--\r\n`, 'without a boundary'],
		['not starting with the boundary', 'multipart/form-data; boundary=b', `junk\r\n--b\r\n${part('a')}--b--`, 'does not start with the boundary'],
		['no closing boundary', 'multipart/form-data; boundary=b', `--b\r\n${part('a')}`, 'no closing boundary'],
		['a part without a name', 'multipart/form-data; boundary=b', `--b\r\nContent-Disposition: form-data\r\n\r\nv\r\n--b--`, 'no Content-Disposition form-data name'],
		['a part without headers', 'multipart/form-data; boundary=b', `--b\r\nvalue\r\n--b--`, 'no blank line after its headers'],
		['no parts', 'multipart/form-data; boundary=b', `--b--`, 'no parts'],
	])('%s', async (_what, contentType, body, problem) => {
		const answer = await post(contentType, body);
		expect(answer.status).toBe(400);
		expect(answer.body).toContain(problem);
		expect(api.requests[0].invalid).toEqual([expect.stringContaining(problem)]);
	});

	test('a well-formed one is read', async () => {
		answerUploads();
		const answer = await post('multipart/form-data; boundary="b"', `--b\r\n${part('a')}--b\r\nContent-Disposition: form-data; name="f"; filename="x.txt"\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b--\r\n`);
		expect(answer.status).toBe(201);
		expect(JSON.parse(answer.body)).toMatchObject({ fields: { a: 'value' }, files: [{ field: 'f', filename: 'x.txt', contentType: 'text/plain', size: 2 }] });
	});
});

describe('a binary property without a file name or type', () => {
	const bare = (binary: Partial<IBinaryKeyData['data']>): IBinaryKeyData => ({ data: { data: PNG.toString('base64'), mimeType: '', ...binary } as IBinaryKeyData['data'] });

	test.each([
		['its extension: file.<extension>', { mimeType: 'image/png', fileExtension: 'png' }, 'file.png', 'image/png'],
		['nothing: file', { mimeType: 'image/png' }, 'file', 'image/png'],
		['no type: application/octet-stream', { fileName: 'logo.png' }, 'logo.png', 'application/octet-stream'],
	])('is named after %s', async (_what, binary, filename, contentType) => {
		answerUploads();
		const result = await runNode(probe(api, uploader), [{}], [bare(binary)]);
		expect(jsonOf(result.items)[0].files).toEqual([{ field: 'file', filename, contentType, size: PNG.length }]);
	});
});
