// Types for commands.mjs, which the build imports without TypeScript.
export declare const REGION: string;
export declare const OFFLINE: string[][];
export declare const REQUESTS: string[][];
export declare function cacheKey(argv: string[]): string;
export declare const CACHE_KEYS: string[];
