import type { IHookFunctions } from 'n8n-workflow';

/**
 * webhookMethods for a webhook the user registers by hand (Inbox's Settings > Webhooks, a
 * HighLevel Marketplace app): there is nothing to create or delete at the vendor, so
 * activation is used to check the trigger's own set-up instead. `check` throws a clear
 * NodeOperationError (e.g. no signing secret, a key that does not parse), so the workflow
 * fails to activate rather than refusing every delivery later.
 */
export function pastedUrlWebhookMethods(check: (ctx: IHookFunctions) => Promise<void>) {
	return {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false; // always run create, i.e. the check, on activation
			},
			async create(this: IHookFunctions): Promise<boolean> {
				await check(this);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};
}
