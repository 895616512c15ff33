// STS GetCallerIdentity (awsQuery protocol: form-encoded POST /, XML reply).
import { xmlEscape } from './errors.js';
import type { World } from './world.js';

export function callerIdentity(world: World, accessKeyId: string | undefined): { arn: string; userId: string; account: string } {
  const known = accessKeyId ? world.auth.identities?.[accessKeyId] : undefined;
  return {
    arn: known?.arn ?? `arn:aws:iam::${world.accountId}:user/fake-user`,
    userId: known?.userId ?? 'AIDFAKEUSERID0000001',
    account: world.accountId,
  };
}

export function getCallerIdentityXml(world: World, accessKeyId: string | undefined, requestId: string): string {
  const id = callerIdentity(world, accessKeyId);
  return (
    `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n` +
    `  <GetCallerIdentityResult>\n` +
    `    <Arn>${xmlEscape(id.arn)}</Arn>\n` +
    `    <UserId>${xmlEscape(id.userId)}</UserId>\n` +
    `    <Account>${xmlEscape(id.account)}</Account>\n` +
    `  </GetCallerIdentityResult>\n` +
    `  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n` +
    `</GetCallerIdentityResponse>\n`
  );
}
