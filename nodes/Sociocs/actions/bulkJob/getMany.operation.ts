import { newestHundred } from '../lists';
import { text } from '../../../shared/resource';

export const option = { name: 'Get Many', action: 'Get many bulk jobs', description: 'List the newest 100 bulk jobs' };

export const subtitle = text('Get Many (Bulk Jobs)');

/** Bulk Job > Get Many: `GET /messages/bulk`, the 100 jobs with the newest scheduled date. */
export const { description, build, execute } = newestHundred('bulkJob', '/messages/bulk', 'bulk jobs');
