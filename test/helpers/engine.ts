/**
 * Runs our nodes inside n8n's own engine (n8n-core's WorkflowExecute, ExecuteContext,
 * LoadOptionsContext, RoutingNode), the way n8n's node test harness does, with real
 * parameter resolution, expressions and credential `authenticate`. Only the credential store
 * is ours: it hands over plain credential data and applies `authenticate` the way n8n's
 * CredentialsHelper does (expressions resolved with `$credentials`).
 */
import {
	ExecuteContext,
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	RoutingNode,
	WorkflowExecute,
} from 'n8n-core';
import { createEmptyRunExecutionData, createRunExecutionData, ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';
import type {
	ExecutionError,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IBinaryKeyData,
	IDataObject,
	IExecuteData,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowExecuteAdditionalData,
	IVersionedNodeType,
} from 'n8n-workflow';

import { OmnichannelHighLevelApi } from '../../credentials/OmnichannelHighLevelApi.credentials';
import { OmnichannelHighLevelOAuth2Api } from '../../credentials/OmnichannelHighLevelOAuth2Api.credentials';
import { OmnichannelInboxApi } from '../../credentials/OmnichannelInboxApi.credentials';
import { OmnichannelSociocsApi } from '../../credentials/OmnichannelSociocsApi.credentials';

export const PACKAGE = 'n8n-nodes-omnichannel';

export const credentialTypes: Record<string, ICredentialType> = Object.fromEntries(
	[new OmnichannelSociocsApi(), new OmnichannelHighLevelApi(), new OmnichannelHighLevelOAuth2Api(), new OmnichannelInboxApi()].map(
		(type) => [type.name, type],
	),
);

class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly store: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(type: string): string[] {
		// n8n-core signs and refreshes the requests of an OAuth2 credential itself (requestOAuth2).
		return credentialTypes[type]?.extends ?? [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = credentialTypes[typeName];
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate?.type !== 'generic') return requestOptions;
		const resolve = (value: string) =>
			String(
				workflow.expression.getSimpleParameterValue(
					node,
					value,
					'internal',
					{ $credentials: credentials },
					undefined,
					'',
				) ?? '',
			);
		for (const [where, values] of Object.entries(authenticate.properties)) {
			const target = ((requestOptions as unknown as IDataObject)[where] ??= {}) as IDataObject;
			for (const [key, value] of Object.entries(values as IDataObject)) {
				target[resolve(key)] = resolve(String(value));
			}
		}
		return requestOptions;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used in tests');
	}

	async getDecrypted(_data: unknown, _node: unknown, type: string) {
		const found = this.store[type];
		if (!found) throw new Error(`No test credentials of type ${type}`);
		return { ...found };
	}

	async updateCredentials() {}

	/** Where n8n-core stores a refreshed token: kept, so the next read (and the test) sees it. */
	async updateCredentialsOauthTokenData(_nodeCredentials: unknown, type: string, data: ICredentialDataDecryptedObject) {
		this.store[type] = { ...this.store[type], oauthTokenData: data.oauthTokenData };
	}

	getCredentialsProperties(type: string) {
		return credentialTypes[type].properties;
	}

	isCredentialUsableByNode() {
		return true;
	}
}

export class TestNodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType | IVersionedNodeType>) {}

	getByName(name: string): INodeType | IVersionedNodeType {
		return this.types[name];
	}

	getByNameAndVersion(name: string, version?: number): INodeType {
		const type = this.types[name] as INodeType | IVersionedNodeType | undefined;
		if (!type) throw new Error(`Unknown node type ${name}`);
		return 'nodeVersions' in type ? type.getNodeType(version) : type;
	}

	getKnownTypes() {
		return {};
	}
}

export interface NodeUnderTest {
	/** An instance of the node class (a versioned one, such as n8n's HTTP Request node, too). */
	type: INodeType | IVersionedNodeType;
	/** The type's full name, when it is not one of ours (e.g. n8n-nodes-base.httpRequest). */
	typeName?: string;
	typeVersion?: number;
	/** Node settings, e.g. { retryOnFail: true }. */
	settings?: Partial<INode>;
	parameters: INodeParameters;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	continueOnFail?: boolean;
	timezone?: string;
}

function nodeOf(subject: NodeUnderTest): INode {
	const typeName = subject.typeName ?? `${PACKAGE}.${subject.type.description.name}`;
	return {
		id: 'node-under-test',
		name: 'Node Under Test',
		type: typeName,
		typeVersion: subject.typeVersion ?? 1,
		position: [0, 0],
		parameters: subject.parameters,
		credentials: Object.fromEntries(
			Object.keys(subject.credentials).map((type) => [type, { id: `cred-${type}`, name: type }]),
		),
		...(subject.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...subject.settings,
	};
}

function workflowOf(subject: NodeUnderTest, extraTypes: Record<string, INodeType | IVersionedNodeType> = {}) {
	const node = nodeOf(subject);
	const nodeTypes = new TestNodeTypes({ [node.type]: subject.type, ...extraTypes });
	const workflow = new Workflow({
		id: 'wf-test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		settings: { timezone: subject.timezone ?? 'UTC' },
	});
	return { node, workflow };
}

/**
 * What n8n hands a running workflow. A plain object, not an auto-mock, so that every optional
 * feature (eval mocks, runner identity, ...) is off as in a plain n8n run.
 */
export function additionalDataFor(
	credentials: Record<string, ICredentialDataDecryptedObject>,
	hooks?: ExecutionLifecycleHooks,
	currentNodeParameters?: INodeParameters,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new TestCredentialsHelper(credentials),
		hooks,
		executionId: `exec-${Math.random().toString(36).slice(2)}`,
		currentNodeParameters,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		variables: {},
		userId: 'test-user',
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface NodeRun {
	/** The node's output items (first output), when it succeeded. */
	items: INodeExecutionData[];
	/** The node's error, when it failed. */
	error?: ExecutionError;
	run: IRun;
}

/** Executes the node once, through WorkflowExecute, with `input` as its incoming items. */
export async function runNode(
	subject: NodeUnderTest,
	input: IDataObject[] = [{}],
	/** Binary properties of the input items, by item. */
	binary: Array<IBinaryKeyData | undefined> = [],
): Promise<NodeRun> {
	const { node, workflow } = workflowOf(subject);
	const hooks = new ExecutionLifecycleHooks('manual', 'exec-1', {
		id: workflow.id,
		name: 'test',
		active: false,
		activeVersionId: null,
		isArchived: false,
		nodes: [node],
		connections: {},
		createdAt: new Date(),
		updatedAt: new Date(),
	});
	const additionalData = additionalDataFor(subject.credentials, hooks);

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{
					node,
					data: { main: [input.map((json, index) => ({ json, pairedItem: { item: index }, ...(binary[index] ? { binary: binary[index] } : {}) }))] },
					source: null,
				},
			],
		},
	});
	const execute = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	let run: IRun;
	try {
		run = await execute.processRunExecutionData(workflow);
	} catch (error) {
		// n8n refuses to start a workflow whose nodes have issues (e.g. a required field empty).
		return { items: [], error: error as ExecutionError, run: { data: { resultData: { runData: {} } } } as unknown as IRun };
	}

	const taskData = run.data.resultData.runData[node.name]?.[0];
	return {
		items: taskData?.data?.main?.[0] ?? [],
		error: taskData?.error ?? run.data.resultData.error,
		run,
	};
}

function loadOptionsContext(subject: NodeUnderTest) {
	const { node, workflow } = workflowOf(subject);
	// The editor sends the node's current values along with a dropdown request, defaults included
	// (n8n-core checks them against each credential's displayOptions, e.g. HighLevel's Authentication).
	const { description } = subject.type as INodeType;
	const current =
		description.properties && NodeHelpers.getNodeParameters(description.properties, subject.parameters, true, false, node, description);
	const additionalData = additionalDataFor(subject.credentials, undefined, current ?? subject.parameters);
	return new LoadOptionsContext(workflow, node, additionalData, 'parameters');
}

/** Calls a `methods.loadOptions` method through n8n-core's LoadOptionsContext. */
export async function loadOptions(subject: NodeUnderTest, method: string): Promise<INodePropertyOptions[]> {
	const fn = (subject.type as INodeType).methods?.loadOptions?.[method];
	if (!fn) throw new Error(`No loadOptions method ${method}`);
	return await fn.call(loadOptionsContext(subject));
}

/** Calls a `methods.listSearch` method through n8n-core's LoadOptionsContext. */
export async function listSearch(
	subject: NodeUnderTest,
	method: string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const fn = (subject.type as INodeType).methods?.listSearch?.[method];
	if (!fn) throw new Error(`No listSearch method ${method}`);
	return await fn.call(loadOptionsContext(subject), filter, paginationToken);
}

/**
 * Sends a credential's `test` request the way n8n's CredentialsTester does: a temporary node
 * whose only property routes the test request, executed by n8n-core's RoutingNode. Returns the
 * answer's body (or the request's failure). The test's `rules` are n8n's CLI code, not n8n-core's:
 * they are not re-implemented here; the real-n8n suite covers them.
 */
export interface CredentialTestRun {
	status: 'OK' | 'Error';
	/** The answer's body, when the request succeeded. */
	body?: IDataObject;
	httpStatus?: number;
	message?: string;
}

export async function testCredential(
	typeName: string,
	data: ICredentialDataDecryptedObject,
): Promise<CredentialTestRun> {
	const credentialType = credentialTypes[typeName];
	const testRequest = credentialType.test!;
	const tempType: INodeType = {
		description: {
			displayName: 'Temp',
			name: 'temp',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: typeName, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: testRequest.request },
					default: '',
				},
			],
		},
	};
	const subject: NodeUnderTest = { type: tempType, parameters: {}, credentials: { [typeName]: data } };
	const { node, workflow } = workflowOf(subject);
	const additionalData = additionalDataFor(subject.credentials);
	const executeData: IExecuteData = { node, data: {}, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		executeData,
		[],
	);
	const routing = new RoutingNode(context, tempType, {
		id: 'cred',
		name: typeName,
		type: typeName,
		data,
	});
	try {
		const response = await routing.runNode();
		return { status: 'OK', body: response?.[0]?.[0]?.json ?? {} };
	} catch (error) {
		const cause = (error as { cause?: { response?: { status: number }; code?: string } }).cause;
		return { status: 'Error', httpStatus: cause?.response?.status, message: cause?.code ?? (error as Error).message };
	}
}
