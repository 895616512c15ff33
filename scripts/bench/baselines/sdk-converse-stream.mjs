// Baseline: the smallest script that streams one ConverseStream reply with the bare AWS SDK,
// writing each text delta to stdout as it arrives. Same transport, credentials and endpoint as
// bedrock-claude. Usage: node sdk-converse-stream.mjs <modelId> <prompt>
import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';

const [modelId, prompt] = process.argv.slice(2);
const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION, endpoint: process.env.AWS_ENDPOINT_URL, requestHandler: new NodeHttpHandler() });
const response = await client.send(
  new ConverseStreamCommand({ modelId, messages: [{ role: 'user', content: [{ text: prompt }] }], inferenceConfig: { maxTokens: 4096 } }),
);
for await (const event of response.stream ?? []) {
  const text = event.contentBlockDelta?.delta?.text;
  if (text) process.stdout.write(text);
}
process.stdout.write('\n');
client.destroy();
