import { defineResource } from '../../../shared/resource';
import * as getMessage from './get.operation';
import * as getMessages from './getAll.operation';
import * as sendToPerson from './sendToPerson.operation';

/** Version 2's Message, on API v2 (version 1 has none). */
export const message = defineResource({ value: 'message', name: 'Message' }, { get: getMessage, getAll: getMessages, sendToPerson }, 'sendToPerson');
