import { defineResource } from '../../../shared/resource';
import * as addInbound from './addInbound.operation';
import * as getMany from './getMany.operation';
import * as getUnreplied from './getUnreplied.operation';
import * as search from './search.operation';
import * as send from './send.operation';
import * as sendMany from './sendMany.operation';

export const message = defineResource({ value: 'message', name: 'Message' }, { send, sendMany, addInbound, getMany, search, getUnreplied }, 'send');
