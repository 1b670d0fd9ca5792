export function hmacHex(secret: string, data: string | Buffer): string;
export function sociocsIncoming(overrides?: Record<string, unknown>): Record<string, any>;
export function signSociocs(secret: string, payload: unknown): { raw: string; headers: Record<string, string> };
