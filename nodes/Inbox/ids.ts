/** Every Inbox ID (thread, message, team) is lowercase letters and digits. */
export const INBOX_ID = /^[0-9a-z]+$/;
export const INBOX_ID_EXPECTED = 'an Inbox ID of lowercase letters and digits only (^[0-9a-z]+$)';
