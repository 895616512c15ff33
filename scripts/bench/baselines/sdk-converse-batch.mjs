// Baseline: the smallest script that sends JSONL prompts from stdin with Converse, at most
// <concurrency> in flight on one bare-SDK client, and prints one JSON line per prompt in input
// order. Same transport, credentials and endpoint as bedrock-claude.
// Usage: node sdk-converse-batch.mjs <modelId> <concurrency> < prompts.jsonl
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';

const [modelId, concurrency] = process.argv.slice(2);
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const items = Buffer.concat(chunks).toString('utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION, endpoint: process.env.AWS_ENDPOINT_URL, requestHandler: new NodeHttpHandler() });
const results = new Array(items.length);
let next = 0;
let printed = 0;
async function worker() {
  while (next < items.length) {
    const index = next++;
    const item = items[index];
    const r = await client.send(new ConverseCommand({ modelId, messages: [{ role: 'user', content: [{ text: item.prompt }] }], inferenceConfig: { maxTokens: 4096 } }));
    results[index] = { index, id: item.id, text: (r.output?.message?.content ?? []).map((c) => c.text ?? '').join(''), usage: r.usage };
    while (printed < items.length && results[printed]) process.stdout.write(`${JSON.stringify(results[printed++])}\n`);
  }
}
await Promise.all(Array.from({ length: Math.min(Number(concurrency), items.length) }, worker));
client.destroy();
