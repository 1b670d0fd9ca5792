/** The three APIs this package talks to: what the shared core needs to know of each. */
export interface Service {
	/** Shown in messages: "Sociocs answered ...". */
	name: string;
	credentialType: string;
	defaultBaseUrl: string;
	/** Credential fields whose values must never appear in output or errors. */
	secretFields: readonly string[];
}

export const SOCIOCS: Service = {
	name: 'Sociocs',
	credentialType: 'omnichannelSociocsApi',
	defaultBaseUrl: 'https://api.sociocs.com',
	secretFields: ['apiKey'],
};

export const HIGHLEVEL: Service = {
	name: 'HighLevel',
	credentialType: 'omnichannelHighLevelApi',
	defaultBaseUrl: 'https://services.leadconnectorhq.com',
	secretFields: ['accessToken'],
};

export const INBOX: Service = {
	name: 'Inbox',
	credentialType: 'omnichannelInboxApi',
	defaultBaseUrl: 'https://inboxapp.com/api/v1',
	secretFields: ['apiToken'],
};
