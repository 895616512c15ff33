// `npm run fake-bedrock`: run the fake by hand to try the CLI without AWS.
//   --port N          listen on N (default: random free port)
//   --region R        region served to bearer-token requests (default us-west-2)
//   --world FILE      JSON WorldOverrides merged into the default world
//   --quiet           no per-request log lines
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startFakeBedrock } from './server.js';
import { FAKE_ACCESS_KEY_ID, FAKE_BEARER_TOKEN, FAKE_SECRET_ACCESS_KEY, type WorldOverrides } from './world.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    region: { type: 'string' },
    world: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

const overrides: WorldOverrides = values.world ? (JSON.parse(readFileSync(values.world, 'utf8')) as WorldOverrides) : {};
if (values.region) overrides.defaultRegion = values.region;

const fake = await startFakeBedrock({
  world: overrides,
  port: values.port ? Number(values.port) : 0,
  onRequest: values.quiet
    ? undefined
    : (r) => {
        const outcome = r.response ? `${r.response.status}${r.response.errorName ? ` ${r.response.errorName}` : ''}` : '-';
        process.stderr.write(`${r.method} ${r.path} ${r.operation}${r.modelId ? ` [${r.modelId}]` : ''} ${r.region ?? ''} → ${outcome}\n`);
      },
});

const region = fake.world.defaultRegion;
const env = `AWS_ENDPOINT_URL=${fake.url} AWS_ACCESS_KEY_ID=${FAKE_ACCESS_KEY_ID} AWS_SECRET_ACCESS_KEY=${FAKE_SECRET_ACCESS_KEY} AWS_REGION=${region}`;
process.stderr.write(`fake Bedrock listening on ${fake.url} (Ctrl-C to stop)\n`);
process.stdout.write(`${fake.url}\n`);
process.stderr.write(`try:\n  ${env} bedrock-claude models list\n`);
process.stderr.write(`  AWS_ENDPOINT_URL=${fake.url} AWS_BEARER_TOKEN_BEDROCK=${FAKE_BEARER_TOKEN} AWS_REGION=${region} bedrock-claude models list\n`);

const stop = () => {
  void fake.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
