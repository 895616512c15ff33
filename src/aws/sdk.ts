// The SDK modules that are used per request, each imported once per process: the bundle turns
// every import() into a fresh copy of the module's exports (hundreds for a client), which cost
// ~0.35 ms per request in a --jsonl run.
const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
};

export const runtimeSdk = once(() => import('@aws-sdk/client-bedrock-runtime'));
export const transportSdk = once(() => import('@smithy/core/transport'));
export const signatureSdk = once(() => import('@smithy/signature-v4'));
export const serdeSdk = once(() => import('@smithy/core/serde'));
export const credentialsSdk = once(() => import('@aws-sdk/credential-providers'));
