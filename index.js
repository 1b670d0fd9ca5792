// The package's main entry: the built node and credential classes. n8n itself loads the
// files listed under "n8n" in package.json; this is for anyone who requires the package, and
// reads the same lists, so that every node (triggers too) and credential is here.
const { n8n } = require('./package.json');

module.exports = Object.assign({}, ...[...n8n.nodes, ...n8n.credentials].map((file) => require(`./${file}`)));
