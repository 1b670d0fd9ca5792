import { defineResource } from '../../../shared/resource';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as search from './search.operation';
import * as update from './update.operation';

export const conversation = defineResource({ value: 'conversation', name: 'Conversation' }, { search, get, create, update, delete: del }, 'search');
