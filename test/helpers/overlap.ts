import type { MockApi, MockResponse, RecordedRequest } from '../mock/mockApi';

/**
 * Shows whether two requests go out side by side, whatever the machine's speed: the request
 * labelled `first` is answered only once the one labelled `second` has arrived (after 10 s at
 * most, so a node that waits for the first answer still ends). Returns, per label, the labels
 * of the requests still unanswered when it arrived.
 */
export function holdFirstUntilSecond(
	api: MockApi,
	path: string,
	labelOf: (request: RecordedRequest) => string,
	[first, second]: [string, string],
	answer: (request: RecordedRequest) => MockResponse,
): Record<string, string[]> {
	const pendingAtArrival: Record<string, string[]> = {};
	let release = () => {};
	const secondArrived = new Promise<void>((resolve) => (release = resolve));
	const timer = setTimeout(() => release(), 10_000);
	timer.unref();
	api.on({ path }, async (request) => {
		const label = labelOf(request);
		pendingAtArrival[label] = api.requests.filter((r) => r !== request && r.outcome === 'pending').map(labelOf);
		if (label === second) {
			clearTimeout(timer);
			release();
		}
		if (label === first) await secondArrived;
		return answer(request);
	});
	return pendingAtArrival;
}
