import { defineResource } from '../../../shared/resource';
import * as addInbound from './addInbound.operation';

export const message = defineResource({ value: 'message', name: 'Message' }, { addInbound }, 'addInbound');
