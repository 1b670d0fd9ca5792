import { defineResource } from '../../../shared/resource';
import * as cancel from './cancel.operation';
import * as getMany from './getMany.operation';
import * as reschedule from './reschedule.operation';

/** Bulk Job: the jobs Send to Many creates (`/messages/bulk`). */
export const bulkJob = defineResource({ value: 'bulkJob', name: 'Bulk Job' }, { getMany, reschedule, cancel }, 'getMany');
