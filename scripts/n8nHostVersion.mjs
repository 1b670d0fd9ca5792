// The n8n versions the real-n8n suite runs against, and the few things that differ between the
// 1.x and 2.x lines (what the host folder needs to install, how a workflow is activated from the
// CLI). OMNICHANNEL_N8N_VERSION picks one; the default is the first.
export const N8N_VERSIONS = ['2.40.7', '1.123.81'];

export const N8N_VERSION = process.env.OMNICHANNEL_N8N_VERSION ?? N8N_VERSIONS[0];
if (!N8N_VERSIONS.includes(N8N_VERSION)) {
	throw new Error(`OMNICHANNEL_N8N_VERSION=${N8N_VERSION}: the suite knows n8n ${N8N_VERSIONS.join(' and ')}`);
}
export const N8N_MAJOR = Number(N8N_VERSION.split('.')[0]);

/**
 * The host folder's package.json. Every 1.x n8n-nodes-base depends on `xlsx` by a URL on
 * cdn.sheetjs.com, which is not reachable here (nor from many closed networks): the override
 * takes the same SheetJS release as republished on the npm registry.
 */
export function hostPackageJson() {
	return {
		name: 'n8n-e2e-host',
		private: true,
		...(N8N_MAJOR < 2 ? { overrides: { xlsx: 'npm:@e965/xlsx@0.20.2' } } : {}),
	};
}

/** The CLI command that activates a workflow before `n8n start`: 1.x has no `publish:workflow`. */
export function activateArgs(workflowId) {
	return N8N_MAJOR < 2
		? ['update:workflow', `--id=${workflowId}`, '--active=true']
		: ['publish:workflow', `--id=${workflowId}`];
}
