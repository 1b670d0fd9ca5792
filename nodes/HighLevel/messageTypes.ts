/** HighLevel's message types: the Add Inbound node's Type, and the trigger's filter. */
export const MESSAGE_TYPES = [
	{ name: 'Call', value: 'Call' },
	{ name: 'Custom', value: 'Custom' },
	{ name: 'Email', value: 'Email' },
	{ name: 'Facebook', value: 'FB' },
	{ name: 'Google Business Messages', value: 'GMB' },
	{ name: 'Instagram', value: 'IG' },
	{ name: 'Live Chat', value: 'Live_Chat' },
	{ name: 'SMS', value: 'SMS' },
	{ name: 'Web Chat', value: 'WebChat' },
	{ name: 'WhatsApp', value: 'WhatsApp' },
];
