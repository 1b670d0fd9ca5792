import { newestHundred } from '../lists';

/** Bulk Job > Get Many: `GET /messages/bulk`, the 100 jobs with the newest scheduled date. */
export const { description, build, execute } = newestHundred('bulkJob', '/messages/bulk', 'bulk jobs');
