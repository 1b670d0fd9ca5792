import { newestHundred } from '../lists';
import { text } from '../../../shared/resource';

export const option = { name: 'Get Many', action: 'Get many scheduled messages', description: 'List the newest 100 scheduled messages' };

export const subtitle = text('Get Many (Scheduled Messages)');

/** Scheduled Message > Get Many: `GET /messages/scheduled`, the 100 with the newest scheduled date. */
export const { description, build, execute } = newestHundred('scheduledMessage', '/messages/scheduled', 'scheduled messages');
