// The package's main entry: the built node and credential classes. n8n itself loads the
// files listed under "n8n" in package.json; this is for anyone who requires the package.
module.exports = {
	...require('./dist/nodes/HighLevel/HighLevelConversations.node.js'),
	...require('./dist/nodes/Inbox/Inbox.node.js'),
	...require('./dist/nodes/Sociocs/Sociocs.node.js'),
	...require('./dist/credentials/OmnichannelInboxApi.credentials.js'),
	...require('./dist/credentials/OmnichannelSociocsApi.credentials.js'),
	...require('./dist/credentials/OmnichannelHighLevelApi.credentials.js'),
	...require('./dist/credentials/OmnichannelHighLevelOAuth2Api.credentials.js'),
};
