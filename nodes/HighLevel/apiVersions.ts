/**
 * HighLevel's API versions (the `Version` header), written once: each endpoint is documented
 * with its own.
 */
export const INBOUND_API_VERSION = '2021-07-28';
export const SEARCH_API_VERSION = '2021-04-15';
