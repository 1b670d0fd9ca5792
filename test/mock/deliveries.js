'use strict';
/**
 * Deliveries as the vendors send them, signed as they sign them: shared by the engine tests,
 * the real-n8n suite and the benchmark.
 */
const { createHmac } = require('node:crypto');

const hmacHex = (secret, data) => createHmac('sha256', secret).update(data).digest('hex');

/** A Sociocs incoming-message delivery (numbers without "+", times in ms, extra_fields a JSON string). */
function sociocsIncoming(overrides = {}) {
	return {
		message_id: 'SM100',
		event: 'message',
		provider: 'twlo',
		channel_key: 'twlo-key-1',
		direction: 'incoming',
		from: '16311112222',
		to: '16175551212',
		name: 'Jane',
		text: 'Hi there',
		file_urls: [],
		image_urls: ['https://example.com/a.jpg'],
		video_urls: [],
		contact: {
			id: 42,
			name: 'Jane',
			phone_number: '16311112222',
			phone_number_cc: '1',
			extra_fields: '{"plan":"gold","visits":3}',
			created_at: 1763892000000,
			updated_at: 1763895600000,
			is_blocked: 0,
		},
		timestamp: 1763899200000,
		...overrides,
	};
}

/** { raw, headers } with X-Sociocs-Signature: hex HMAC-SHA256 of the exact bytes. */
function signSociocs(secret, payload) {
	const raw = typeof payload === 'string' ? payload : JSON.stringify(payload);
	return { raw, headers: { 'x-sociocs-signature': hmacHex(secret, raw) } };
}

module.exports = { hmacHex, sociocsIncoming, signSociocs };
