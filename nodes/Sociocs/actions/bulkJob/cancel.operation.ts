import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemFields } from '../../../shared/fields';
import { emitReadings } from '../../../shared/transport';
import type { Api, Reading } from '../../../shared/transport';
import { changed, readPathId } from '../lists';
import { RECORDED as SUCCESS } from '../message/common';
import { jobIdField } from './jobId';
import { text } from '../../../shared/resource';

/** Bulk Job > Cancel: `DELETE /messages/bulk/{job_id}`, for a job that has not started. */

const show = { resource: ['bulkJob'], operation: ['cancel'] };

export const option = { name: 'Cancel', action: 'Cancel a bulk job', description: 'Delete a bulk job that has not started' };

export const subtitle = text('Cancel (Bulk Jobs)');

export const description: INodeProperties[] = [
	{ ...jobIdField(show), hint: 'Sociocs refuses once the job is being sent or was sent; its answer is shown as it gave it.' },
];

export function build(this: IExecuteFunctions, itemIndex: number): Reading {
	const fields = new ItemFields(this, itemIndex);
	const jobId = readPathId(fields, 'jobId', 'Job ID', 'the job_id from Send to Many');
	return {
		requests: [{ method: 'DELETE', path: `/messages/bulk/${encodeURIComponent(jobId)}`, proof: SUCCESS }],
		rows: (response) => changed(response, { job_id: jobId, cancelled: true }),
	};
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await emitReadings(this, api, build);
}
