import type { IdFormat } from '../shared/idFields';

/** Every Inbox ID (thread, message, team) is lowercase letters and digits. */
export const INBOX_ID = /^[0-9a-z]+$/;
export const INBOX_ID_EXPECTED = 'an Inbox ID of lowercase letters and digits only (^[0-9a-z]+$)';

/** How the editor checks an Inbox ID typed into a picker's "By ID" mode. */
export const INBOX_ID_FORMAT: IdFormat = { pattern: INBOX_ID, example: 'df6jbw4h36', errorMessage: 'An Inbox ID has only lowercase letters and digits' };
