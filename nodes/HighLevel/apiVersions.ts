/**
 * HighLevel's API versions (the `Version` header), written once: each endpoint is documented
 * with its own. Every operation offers them as the default of its "API Version" option.
 */
/** Add Inbound's specification gives this value. */
export const INBOUND_API_VERSION = '2021-07-28';
/** `apps/conversations.json` gives this value, and only this, for every other Conversations endpoint (search included). */
export const CONVERSATIONS_API_VERSION = '2021-04-15';
