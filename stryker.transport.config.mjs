// The settings of stryker.config.json, with the checker's program cut to the transport and its
// imports (tsconfig.mutation-transport.json says why). For
// `npm run mutation:files -- --config stryker.transport.config.mjs --together shared-transport nodes/shared/transport/*.ts`.
import fs from 'node:fs';

const base = JSON.parse(fs.readFileSync(new URL('./stryker.config.json', import.meta.url), 'utf8'));
delete base.$schema;
export default { ...base, tsconfigFile: 'tsconfig.mutation-transport.json' };
