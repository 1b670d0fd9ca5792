'use strict';
/**
 * The mock's multipart/form-data reader (RFC 7578), as strict as a vendor's: a body that is
 * not well-formed (no boundary, a part without a name, no closing delimiter, ...) is refused.
 * `parseMultipart(raw, contentType)` returns `{ fields: { name: text }, files: [{ field,
 * filename, contentType, size, data }] }`, or `{ problem }` saying what is wrong.
 */
function boundaryOf(contentType) {
	const match = /^multipart\/form-data\s*;\s*(?:.*;\s*)?boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType || '');
	return match && (match[1] || match[2]);
}

function headersOf(text) {
	const headers = {};
	for (const line of text.split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon <= 0) return undefined;
		headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	return headers;
}

function readPart(chunk, result) {
	const split = chunk.indexOf('\r\n\r\n');
	if (split < 0) return 'a part has no blank line after its headers';
	const headers = headersOf(chunk.subarray(0, split).toString('utf8'));
	if (!headers) return 'a part has a malformed header line';
	const disposition = headers['content-disposition'] || '';
	const name = /^form-data\s*;.*\bname="([^"]*)"/i.exec(disposition);
	if (!name || !name[1]) return 'a part has no Content-Disposition form-data name';
	const filename = /\bfilename="([^"]*)"/i.exec(disposition);
	const data = chunk.subarray(split + 4);
	if (filename) result.files.push({ field: name[1], filename: filename[1], contentType: headers['content-type'], size: data.length, data });
	else result.fields[name[1]] = data.toString('utf8');
	return undefined;
}

function parseMultipart(raw, contentType) {
	const boundary = boundaryOf(contentType);
	if (!boundary) return { problem: 'Content-Type multipart/form-data without a boundary' };
	const delimiter = Buffer.from(`--${boundary}`);
	if (!raw.subarray(0, delimiter.length).equals(delimiter)) return { problem: 'the body does not start with the boundary' };
	const result = { fields: {}, files: [] };
	let at = delimiter.length;
	for (;;) {
		if (raw.subarray(at, at + 2).toString() === '--') return result.files.length || Object.keys(result.fields).length ? result : { problem: 'no parts' };
		if (raw.subarray(at, at + 2).toString() !== '\r\n') return { problem: 'a boundary line is not followed by CRLF' };
		const next = raw.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), at + 2);
		if (next < 0) return { problem: 'the body has no closing boundary' };
		const problem = readPart(raw.subarray(at + 2, next), result);
		if (problem) return { problem };
		at = next + 2 + delimiter.length;
	}
}

module.exports = { parseMultipart };
