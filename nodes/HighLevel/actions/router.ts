import type { IExecuteFunctions } from 'n8n-workflow';

import { route } from '../../shared/router';
import type { OperationTable } from '../../shared/router';
import { HIGHLEVEL } from '../../shared/services';
import * as createConversation from './conversation/create.operation';
import * as deleteConversation from './conversation/delete.operation';
import * as getConversation from './conversation/get.operation';
import * as searchConversations from './conversation/search.operation';
import * as updateConversation from './conversation/update.operation';
import * as addInbound from './message/addInbound.operation';
import * as cancelScheduled from './message/cancelScheduled.operation';
import * as getMessage from './message/get.operation';
import * as getManyMessages from './message/getMany.operation';
import * as logExternalCall from './message/logExternalCall.operation';
import * as send from './message/send.operation';
import * as updateStatus from './message/updateStatus.operation';
import * as uploadAttachment from './message/uploadAttachment.operation';

export const operations: OperationTable = {
	message: { addInbound, send, get: getMessage, getMany: getManyMessages, updateStatus, cancelScheduled, logExternalCall, uploadAttachment },
	conversation: {
		search: searchConversations,
		get: getConversation,
		create: createConversation,
		update: updateConversation,
		delete: deleteConversation,
	},
};

export async function router(this: IExecuteFunctions) {
	return await route(this, HIGHLEVEL, operations);
}
