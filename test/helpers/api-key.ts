// Bedrock API keys for doctor tests: built like aws-bedrock-token-generator's (a presigned-URL
// token) but with a fake access key and signature, so they authenticate nothing anywhere.
import { SHORT_TERM_PREFIX } from '../../src/doctor/api-key.js';

export function makeShortTermKey(region: string, issuedAt: Date, expiresInSeconds: number): string {
  const date = issuedAt.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const credential = encodeURIComponent(`AKIDFAKEEXAMPLE/${date.slice(0, 8)}/${region}/bedrock/aws4_request`);
  const url =
    `bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${credential}` +
    `&X-Amz-Date=${date}&X-Amz-Expires=${expiresInSeconds}&X-Amz-SignedHeaders=host&X-Amz-Signature=fakesignature&Version=1`;
  return `${SHORT_TERM_PREFIX}${Buffer.from(url, 'utf8').toString('base64')}`;
}
