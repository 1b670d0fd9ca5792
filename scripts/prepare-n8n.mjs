#!/usr/bin/env node
// Installs and proves the n8n host of OMNICHANNEL_N8N_VERSION (scripts/n8n-host.mjs), then exits.
// test-all.mjs runs one per version in the background from its start, so that from an empty
// cache the installs (about 5 minutes each, mostly download and unpacking) overlap the build,
// the lint gate and the engine tests instead of coming after them.
import { ensureN8n } from './n8n-host.mjs';

ensureN8n();
