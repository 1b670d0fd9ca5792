import { defineResource } from '../../../shared/resource';
import * as cancel from './cancel.operation';
import * as getMany from './getMany.operation';

/** Scheduled Message: single messages sent with a future Schedule (`/messages/scheduled`). */
export const scheduledMessage = defineResource({ value: 'scheduledMessage', name: 'Scheduled Message' }, { getMany, cancel }, 'getMany');
