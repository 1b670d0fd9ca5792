import { defineResource } from '../../../shared/resource';
import * as addInbound from './addInbound.operation';
import * as send from './send.operation';

export const message = defineResource({ value: 'message', name: 'Message' }, { send, addInbound }, 'send');
