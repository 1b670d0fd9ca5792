import { newestHundred } from '../lists';

/** Scheduled Message > Get Many: `GET /messages/scheduled`, the 100 with the newest scheduled date. */
export const { description, build, execute } = newestHundred('scheduledMessage', '/messages/scheduled', 'scheduled messages');
