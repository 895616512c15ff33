// Baseline: the smallest script that makes one Converse call with the bare AWS SDK and prints the
// reply, as a user would write it. Same transport as bedrock-claude (HTTP/1.1 NodeHttpHandler),
// same credential chain (environment), same endpoint (AWS_ENDPOINT_URL).
// Usage: node sdk-converse.mjs <modelId> <prompt>
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';

const [modelId, prompt] = process.argv.slice(2);
const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION, endpoint: process.env.AWS_ENDPOINT_URL, requestHandler: new NodeHttpHandler() });
const response = await client.send(
  new ConverseCommand({ modelId, messages: [{ role: 'user', content: [{ text: prompt }] }], inferenceConfig: { maxTokens: 4096 } }),
);
process.stdout.write(`${(response.output?.message?.content ?? []).map((c) => c.text ?? '').join('')}\n`);
client.destroy();
