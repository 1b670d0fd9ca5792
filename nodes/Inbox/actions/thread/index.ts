import { defineResource } from '../../../shared/resource';
import * as getThread from './get.operation';
import * as getThreads from './getAll.operation';
import * as reply from './reply.operation';
import * as replyV2 from './replyV2.operation';

export const thread = defineResource({ value: 'thread', name: 'Thread' }, { reply }, 'reply');

/** Version 2's Thread, on API v2. */
export const threadV2 = defineResource({ value: 'thread', name: 'Thread' }, { get: getThread, getAll: getThreads, reply: replyV2 }, 'reply');
