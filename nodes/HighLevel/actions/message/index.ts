import { defineResource } from '../../../shared/resource';
import * as addInbound from './addInbound.operation';
import * as cancelScheduled from './cancelScheduled.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as logExternalCall from './logExternalCall.operation';
import * as send from './send.operation';
import * as updateStatus from './updateStatus.operation';
import * as uploadAttachment from './uploadAttachment.operation';

export const message = defineResource(
	{ value: 'message', name: 'Message' },
	{ addInbound, send, get, getMany, updateStatus, cancelScheduled, logExternalCall, uploadAttachment },
	'addInbound',
);
