import type { RateLimitConfig } from './mockApi';

export type Discipline = 'fixed' | 'aligned' | 'sliding' | 'bucket';
export const DISCIPLINES: Discipline[];
export function createRateLimit(
	config: RateLimitConfig & { limit: number },
): (now: number) => { refused: boolean; headers: Record<string, string> };
