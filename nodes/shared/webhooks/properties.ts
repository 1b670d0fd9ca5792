import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** What every trigger shows first: its set-up in one notice, then the events to start on. */
export function triggerHeader(setUp: string, events: INodePropertyOptions[], defaults: string[]): INodeProperties[] {
	return [
		{ displayName: setUp, name: 'notice', type: 'notice', default: '' },
		{ displayName: 'Events', name: 'events', type: 'multiOptions', required: true, options: events, default: [...defaults] },
	];
}
