import type { INodeProperties } from 'n8n-workflow';

export function jobIdField(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Job ID',
		name: 'jobId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. {{ $json.job_id }}',
		description: 'The job_id Send to Many gave (or one from Bulk Job > Get Many)',
		displayOptions: { show },
	};
}
