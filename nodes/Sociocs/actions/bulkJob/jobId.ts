import type { INodeProperties } from 'n8n-workflow';

import { idField } from '../../../shared/idFields';

export function jobIdField(show: Record<string, string[]>): INodeProperties {
	return idField(show, {
		displayName: 'Job ID',
		name: 'jobId',
		placeholder: 'e.g. {{ $json.job_id }}',
		description: 'The job_id Send to Many gave (or one from Bulk Job > Get Many)',
	});
}
