export const FERRETDB_VERSION: string;
export const DEFAULT_FERRETDB_BIN: string;
export interface EmbeddedOptions {
	dataDir: string;
	bin?: string;
	handler?: 'sqlite' | 'postgresql';
	postgresqlUrl?: string;
	shared?: boolean;
}
export interface EmbeddedServer {
	uri: string;
	port: number;
	owned: boolean;
	stop: () => Promise<void>;
}
export function findFreePort(): Promise<number>;
export function waitForPort(port: number, timeoutMs: number): Promise<void>;
export function startEmbeddedFerretDB(options: EmbeddedOptions): Promise<EmbeddedServer>;
