import { HighLevelTrigger } from './HighLevelTrigger.node';

/**
 * The HighLevel trigger under the type name n8n's node panel pairs with the action node
 * (`highLevelConversations` + `Trigger`, so both are one entry). It is HighLevelTrigger with
 * another name: that class keeps the name saved workflows hold (`highLevelTrigger`, before
 * 0.2.0) loadable, hidden from the node panel.
 */
export class HighLevelConversationsTrigger extends HighLevelTrigger {
	constructor() {
		super();
		this.description = { ...this.description, name: 'highLevelConversationsTrigger', hidden: undefined };
	}
}
