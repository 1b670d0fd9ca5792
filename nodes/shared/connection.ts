import type { NodeConnectionType } from 'n8n-workflow';

/**
 * The main connection, for every node's inputs and outputs. The plain string rather than
 * `NodeConnectionTypes.Main`: that object only exists from n8n-workflow 1.83 (n8n 1.85), and in
 * n8n 1.82 and older reading it throws while the node loads, so n8n drops the whole package
 * ("Class could not be found"). The string is the value the object holds in every version.
 */
export const MAIN_CONNECTION: NodeConnectionType = 'main';
