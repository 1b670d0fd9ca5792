import { defineResource } from '../../../shared/resource';
import * as reply from './reply.operation';

export const thread = defineResource({ value: 'thread', name: 'Thread' }, { reply }, 'reply');
