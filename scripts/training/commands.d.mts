// Types for commands.mjs, which the build imports without TypeScript.
export declare const REGION: string;
export declare const OFFLINE: string[][];
export declare const REQUESTS: string[][];
