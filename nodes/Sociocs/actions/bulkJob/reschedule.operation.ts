import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemFields } from '../../../shared/fields';
import { emitReadings } from '../../../shared/transport';
import type { Api, Reading } from '../../../shared/transport';
import { changed, readPathId } from '../lists';
import { RECORDED as SUCCESS } from '../message/common';
import { jobIdField } from './jobId';
import { text } from '../../../shared/resource';

/** Bulk Job > Reschedule: `PUT /messages/bulk/{job_id}` with a new `schedule`. */

const show = { resource: ['bulkJob'], operation: ['reschedule'] };

export const option = { name: 'Reschedule', action: 'Reschedule a bulk job', description: 'Change when a bulk job is sent' };

export const subtitle = text('Reschedule (Bulk Jobs)');

export const description: INodeProperties[] = [
	jobIdField(show),
	{
		displayName: 'Schedule',
		name: 'schedule',
		type: 'dateTime',
		default: '',
		required: true,
		description:
			'The new date and time to send the job, in the workflow\'s time zone unless the value has its own offset. A time in the past sends it now.',
		hint: 'Sociocs refuses once the job is being sent or was sent; its answer is shown as it gave it.',
		displayOptions: { show },
	},
];

export function build(this: IExecuteFunctions, itemIndex: number): Reading {
	const fields = new ItemFields(this, itemIndex);
	const jobId = readPathId(fields, 'jobId', 'Job ID', 'the job_id from Send to Many');
	const schedule =
		fields.dateTime('schedule', 'Schedule') ?? fields.fail('Schedule', 'a date-time, e.g. 2026-11-24T09:30:00 (a past one sends now)');
	return {
		requests: [{ method: 'PUT', path: `/messages/bulk/${encodeURIComponent(jobId)}`, body: { schedule }, proof: SUCCESS }],
		rows: (response) => changed(response, { job_id: jobId, schedule, rescheduled: true }),
	};
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await emitReadings(this, api, build);
}
