// The explain engine over real error texts, as people pasted them in public issues (the source is
// next to each one), in the form they were pasted: botocore, JS/Go/Swift SDK, HTTP bodies, proxies'
// JSON around Bedrock's JSON, and this CLI's own output.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fromAwsError } from '../../src/aws/errors.js';
import { makeContext, type GlobalOptions } from '../../src/commands/context.js';
import { explain } from '../../src/commands/explain.js';
import { CliError, ExitCode, type Cause } from '../../src/errors.js';
import { explainError, explainText, parseError, RULES, type ExplainContext } from '../../src/explain/index.js';
import type { IO } from '../../src/io.js';
import { tempDir } from '../helpers/tmp.js';

/** Lifecycle dates are judged on this day, so the tests do not age. */
const TODAY = '2026-09-26';

type Case = [text: string, source: string];

const cause = (text: string, context: ExplainContext = {}) => explainText(text, { today: TODAY, ...context }).cause;

function causeTable(expected: Cause, cases: Case[]) {
  it.each(cases)('%s', (text) => {
    expect(cause(text)).toBe(expected);
  });
}

describe('unknown-model-id', () => {
  causeTable('unknown-model-id', [
    // https://github.com/langchain-ai/open_deep_research/issues/224
    ['An error occurred (ValidationException) when calling the ConverseStream operation: The provided model identifier is invalid.', 'open_deep_research#224'],
    // https://github.com/cline/cline/issues/7007
    ['[ERROR] Failed to process response: The provided model identifier is invalid.', 'cline#7007'],
    // https://github.com/earendil-works/pi/issues/4993
    ['Error: Validation error: The provided model identifier is invalid.', 'pi#4993'],
    // /work/shared/wire/Converse-5.json (open-telemetry/opentelemetry-python-contrib test_converse_with_invalid_model.yaml)
    [
      'HTTP/1.1 400 Bad Request\nx-amzn-ErrorType: ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/\n\n{"message":"The provided model identifier is invalid."}',
      'wire Converse-5',
    ],
    // https://github.com/aws-samples/amazon-bedrock-client-for-mac/issues/11
    [
      "Error invoking the model: ValidationException(properties: AWSBedrockRuntime.ValidationException.Properties(message: Optional(\"1 validation error detected: Value 'anthropic.claude-v2:0:100k' at 'modelId' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:(([0-9]{12}:custom-model/[a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}/[a-z0-9]{12})))\")), httpResponse: Status Code: http_status_400 x-amzn-RequestId: a1d2c37b-e82f-438e-b0bd-06c4815cbb58, x-amzn-ErrorType: ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/",
      'bedrock-client-for-mac#11',
    ],
  ]);
});

describe('needs-inference-profile', () => {
  causeTable('needs-inference-profile', [
    // https://github.com/anthropics/anthropic-sdk-python/issues/894 (wire InvokeModel-3: typographic apostrophe)
    [
      '{"message":"Invocation of model ID anthropic.claude-3-7-sonnet-20250219-v1:0 with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model."}',
      'anthropic-sdk-python#894',
    ],
    // https://github.com/anthropics/claude-code/issues/1466
    [
      'botocore.errorfactory.ValidationException: An error occurred (ValidationException) when calling the InvokeModel operation: Invocation of model ID anthropic.claude-sonnet-4-20250514-v1:0 with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.',
      'claude-code#1466',
    ],
    // The same text with a straight apostrophe, as editors and chat tools often rewrite it (claude-code#1466).
    [
      "ValidationException: Invocation of model ID anthropic.claude-sonnet-4-20250514-v1:0 with on-demand throughput isn't supported. Retry your request with the ID or ARN of an inference profile that contains this model.",
      'claude-code#1466, straight apostrophe',
    ],
  ]);

  it('suggests the profiles usable from the region, from the ID in the message', () => {
    const e = explainText(
      'ValidationException: Invocation of model ID anthropic.claude-sonnet-4-6 with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.',
      { region: 'eu-west-1', today: TODAY },
    );
    expect(e.cause).toBe('needs-inference-profile');
    expect(e.suggestions).toContain('eu.anthropic.claude-sonnet-4-6');
    expect(e.suggestions?.every((id) => !id.startsWith('us.'))).toBe(true);
  });
});

describe('model-end-of-life', () => {
  causeTable('model-end-of-life', [
    // https://github.com/griptape-ai/griptape-nodes-engine/issues/4498
    [
      'Agent run failed because of an exception: An error occurred (ResourceNotFoundException) when calling the ConverseStream operation: This model version has reached the end of its life. Please refer to the AWS documentation for more details.',
      'griptape-nodes-engine#4498',
    ],
    // https://github.com/aws-solutions-library-samples/accelerated-intelligent-document-processing-on-aws/issues/708
    ['ResourceNotFoundException: This model version has reached the end of its life.\nPlease refer to the AWS documentation for more details.', 'idp#708'],
    // https://github.com/aws-samples/amazon-bedrock-workshop/issues/386
    [
      'ResourceNotFoundException: An error occurred (ResourceNotFoundException) when calling the InvokeModel operation: Access denied. This Model is marked by provider as Legacy and you have not been actively using the model in the last 15 days. Please upgrade to an active model on Amazon Bedrock',
      'amazon-bedrock-workshop#386',
    ],
    // https://github.com/awslabs/llmeter/issues/35
    [
      'An error occurred (ResourceNotFoundException) when calling the Converse operation: Access denied. This Model is marked by provider as Legacy and you have not been actively using the model in the last 15 days. Please upgrade to an active model on Amazon Bedrock',
      'llmeter#35',
    ],
    // https://github.com/aws-solutions-library-samples/accelerated-intelligent-document-processing-on-aws/issues/708
    ['ResourceNotFoundException: Access denied. This Model is marked by provider as Legacy and you have not been actively using the model in the last 30 days.', 'idp#708'],
  ]);

  it('names the replacement when the model is known', () => {
    const e = explainText('ResourceNotFoundException: This model version has reached the end of its life.', {
      model: 'anthropic.claude-opus-4-20250514-v1:0',
      region: 'us-east-1',
      today: TODAY,
    });
    expect(e.cause).toBe('model-end-of-life');
    expect(e.suggestions?.length).toBeGreaterThan(0);
    expect(e.fix).toMatch(/-m /);
  });
});

describe('no-model-access', () => {
  causeTable('no-model-access', [
    // https://github.com/dirkpetersen/our-chat/issues/3
    [
      "botocore.errorfactory.AccessDeniedException: An error occurred (AccessDeniedException) when calling the InvokeModel operation: You don't have access to the model with the specified model ID.",
      'our-chat#3',
    ],
    // https://github.com/langgenius/dify/issues/2829
    ["“AccessDeniedException: You don't have access to the model with the specified model ID.”", 'dify#2829'],
    // https://github.com/gaiin-platform/amplify-genai-backend/issues/62
    ["Error invoking Bedrock Anthropic:  PermissionDeniedError: 403 You don't have access to the model with the specified model ID.", 'amplify-genai-backend#62'],
    // https://github.com/aws-samples/amazon-bedrock-workshop/issues/100
    [
      'Error raised by inference endpoint: An error occurred (AccessDeniedException) when calling the InvokeModel operation: Your account is not authorized to invoke this API operation.',
      'amazon-bedrock-workshop#100',
    ],
    // https://github.com/obot-platform/obot/issues/6747
    [
      'Model use case details have not been submitted for this account. Fill out the Anthropic use case details form before using the model. If you have already filled out the form, try again in 15 minutes.',
      'obot#6747',
    ],
    // https://github.com/truefoundry/models/pull/934
    [
      "openai.BadRequestError: Error code: 400 - {'status': 'failure', 'message': 'aws-bedrock error: The model returned the following errors: You have not filled out the required use-case form for this model. Complete the form at https://ap-southeast-4.console.aws.amazon.com/bedrock/ before requesting access.', 'error': {'message': 'aws-bedrock error: The model returned the following errors: You have not f",
      'truefoundry/models#934',
    ],
    // https://github.com/ministryofjustice/modernisation-platform-environments/pull/18323
    [
      '{"error":{"message":"litellm.APIConnectionError: BedrockException - {\\"message\\":\\"Model access is denied due to IAM user or service role is not authorized to perform the required AWS Marketplace actions (aws-marketplace:ViewSubscriptions, aws-marketplace:Subscribe) to enable access to this model. Refer to the Amazon Bedrock documentation for further details. Your AWS Marketplace subscription for this model cannot be completed at this time. If you recently fixed this issue, try again after 5 minutes.\\"}.',
      'modernisation-platform-environments#18323',
    ],
    // https://github.com/aws-samples/sample-host-openclaw-on-amazon-bedrock-agentcore/issues/41
    [
      'Chat error: 502 Bedrock streaming failed: Model access is denied due to IAM user or service role is not authorized to perform the required AWS Marketplace actions (`aws-marketplace:ViewSubscriptions`, `aws-marketplace:Subscribe`) to enable access to this model.',
      'sample-host-openclaw#41',
    ],
    // https://github.com/kirodotdev/Kiro/issues/11191
    ['ValidationException: Operation not allowed', 'Kiro#11191'],
    // https://github.com/diillson/chatcli/pull/1114
    ["400 ValidationException: data retention mode 'default' is not available for this model", 'chatcli#1114'],
  ]);

  it('the Marketplace case names the aws-marketplace actions', () => {
    const e = explainText(
      'AccessDeniedException: Model access is denied due to IAM user or service role is not authorized to perform the required AWS Marketplace actions (aws-marketplace:ViewSubscriptions, aws-marketplace:Subscribe) to enable access to this model.',
    );
    expect(e.iam?.actions).toEqual(['aws-marketplace:ViewSubscriptions', 'aws-marketplace:Subscribe']);
  });
});

describe('iam-permission', () => {
  causeTable('iam-permission', [
    // https://github.com/anthropics/claude-code/issues/6191
    [
      'API Error (403 {"Message":"User: arn:aws:sts::XXXXXXXXX:assumed-role/XXXXXXXX/XXX@XXXXX.com is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-west-2:XXXXXXXXX:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0 because no identity-based policy allows the bedrock:InvokeModel action"}) · Retrying in 1 seconds… (attempt 1/10)',
      'claude-code#6191',
    ],
    // https://github.com/zed-industries/zed/issues/53960
    [
      "Permission error with Amazon Bedrock's API: User: arn:aws:sts::********:assumed-role/ AWSReservedSSO_AICodeAssistant_3a1fed7730df2791/user@place.com is not authorized to perform: bedrock:InvokeModelWithResponseStream on resource: arn:aws:bedrock:eu-central-1:********:inference-profile/eu.anthropic.claude-sonnet-4-6 because no identity-based policy allows the bedrock:InvokeModelWithResponseStream action",
      'zed#53960',
    ],
    // https://github.com/aws-samples/sample-badgers/issues/33
    [
      'Force stopped: An error occurred (AccessDeniedException) when calling the ConverseStream operation: User: arn:aws:sts::{account-id}:assumed-role/badgers-agent-ws-role-{id}/BedrockAgentCore-{id} is not authorized to perform: bedrock:InvokeModelWithResponseStream on resource: arn:aws:bedrock:::foundation-model/anthropic.claude-opus-4-6-v1 with an explicit deny in a service control policy: arn:aws:organizations::{org-id}:policy/o-{id}/service_control_policy/p-{id}',
      'sample-badgers#33',
    ],
    // https://github.com/posit-dev/positron/issues/10683
    [
      '{"Message":"User: arn:aws:sts::0482xxxxxxxx:assumed-role/mcp-tenantOperator/dxxxx is not authorized to perform: bedrock:InvokeModelWithResponseStream on resource: arn:aws:bedrock:::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0 with an explicit deny in an identity-based policy"}',
      'positron#10683',
    ],
    // https://github.com/aws-solutions-library-samples/accelerated-intelligent-document-processing-on-aws/issues/235
    [
      'See error: User: arn:aws:sts::... is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1:...:application-inference-profile/... because no identity-based policy allows the bedrock:InvokeModel action',
      'idp#235',
    ],
    // https://github.com/anthropics/claude-code/issues/541 (pasted truncated, as in the issue)
    [
      'API Error: 403 {"Message":"User: arn:aws:sts::xxx:assumed-role/xxx is not authorized to perform: bedrock:InvokeModelWithResponseStream on resource: arn:aws:bedrock:us-east-1:245200388354:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0 because no session policy allows the bedrock:I',
      'claude-code#541',
    ],
  ]);

  it('names both ARNs of an inference profile, with the account from the message', () => {
    const e = explainText(
      'API Error: 403 {"Message":"User: arn:aws:sts::123456789012:assumed-role/dev/me is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0 because no identity-based policy allows the bedrock:InvokeModel action"}',
    );
    expect(e.iam?.actions).toEqual(['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream']);
    expect(e.iam?.resources).toEqual([
      'arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0',
      'arn:aws:bedrock:*::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0',
    ]);
  });

  it('builds the ARNs from --model and --region, with <account> when unknown; Converse is no action', () => {
    const e = explainError(
      { exception: 'AccessDeniedException', message: 'User is not allowed' },
      { model: 'eu.anthropic.claude-sonnet-4-6', region: 'eu-west-1', api: 'converse', today: TODAY },
    );
    expect(e.cause).toBe('iam-permission');
    expect(e.iam?.actions).toEqual(['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream']);
    expect(e.iam?.actions).not.toContain('bedrock:Converse');
    expect(e.iam?.resources).toEqual([
      'arn:aws:bedrock:eu-west-1:<account>:inference-profile/eu.anthropic.claude-sonnet-4-6',
      'arn:aws:bedrock:*::foundation-model/anthropic.claude-sonnet-4-6',
    ]);
    expect(e.iam?.note).toMatch(/no IAM action of their own/);
  });

  it('the Messages API needs bedrock-mantle:CreateInference', () => {
    const e = explainError({ exception: 'AccessDeniedException', message: 'denied' }, { api: 'messages', region: 'us-east-1' });
    expect(e.iam?.actions).toContain('bedrock-mantle:CreateInference');
  });

  it('an SCP deny says no role permission can fix it', () => {
    const e = explainText(
      'An error occurred (AccessDeniedException) when calling the ConverseStream operation: User: arn:aws:sts::111122223333:assumed-role/r/s is not authorized to perform: bedrock:InvokeModelWithResponseStream on resource: arn:aws:bedrock:::foundation-model/anthropic.claude-opus-4-6-v1 with an explicit deny in a service control policy: arn:aws:organizations::111122223333:policy/o-x/service_control_policy/p-y',
    );
    expect(e.rule).toBe('explicit-deny');
    expect(e.explanation).toMatch(/explicit deny beats every allow/);
    expect(e.iam?.resources).toContain('arn:aws:bedrock:*::foundation-model/anthropic.claude-opus-4-6-v1');
  });
});

describe('bad-credentials', () => {
  causeTable('bad-credentials', [
    // /work/shared/wire/Converse-6.json (DataDog/dd-trace-py bedrock_converse_error.yaml)
    [
      'HTTP/1.1 403 Forbidden\nx-amzn-ErrorType: ExpiredTokenException:http://internal.amazon.com/coral/com.amazon.coral.service/\n\n{"message":"The security token included in the request is expired"}',
      'wire Converse-6',
    ],
    // https://github.com/anthropics/claude-code/issues/2260
    ['API Error: 403 The security token included in the request is invalid.', 'claude-code#2260'],
    // https://github.com/Wei-Shaw/claude-relay-service/issues/930
    [
      '❌ Test Bedrock account connection failed: Could not load credentials from any providers | {"name":"CredentialsProviderError","tryNextLink":false}\nCredentialsProviderError: Could not load credentials from any providers\n    at /app/node_modules/@aws-sdk/credential-provider-node/dist-cjs/index.js:129:13',
      'claude-relay-service#930',
    ],
    // https://github.com/cline/cline/issues/1772
    ['Could not load credentials from any providers', 'cline#1772'],
  ]);
});

describe('clock-skew', () => {
  causeTable('clock-skew', [
    // https://github.com/anthropics/anthropic-sdk-go/issues/122
    ['403 Forbidden {"message":"Signature expired: 20250130T203827Z is now earlier than 20250130T204131Z (20250130T204631Z - 5 min.)"}', 'anthropic-sdk-go#122'],
    // https://github.com/aws/aws-sdk-js/issues/254
    [
      '{"level":"info","message":{"message":"Signature expired: 20140325T143453Z is now earlier than 20140325T143751Z (20140325T145251Z - 15 min.)","code":"InvalidSignatureException","name":"InvalidSignatureException","statusCode":400,"retryable":false},"timestamp":"2014-03-25T14:52:58.020Z"}',
      'aws-sdk-js#254',
    ],
    // https://github.com/m0ngr31/kanzi/issues/270
    [
      'botocore.exceptions.ClientError: An error occurred (InvalidSignatureException) when calling the CompareFaces operation: Signature expired: 20180707T233021Z is now earlier than 20180710T071214Z (20180710T071714Z - 5 min.)',
      'kanzi#270',
    ],
    // https://github.com/remind101/logspout-kinesis/issues/21
    [
      'InvalidSignatureException: Signature expired: 20151120T200815Z is now earlier than 20151120T201846Z (20151120T202346Z - 5 min.) status code: 400, request id: 9a2bed25-8fc4-11e5-b0cc-6bf2f0e1ff85',
      'logspout-kinesis#21',
    ],
  ]);

  it('says how far apart the clocks were', () => {
    const e = explainText('403 Forbidden {"message":"Signature expired: 20250130T203827Z is now earlier than 20250130T204131Z (20250130T204631Z - 5 min.)"}');
    expect(e.explanation).toMatch(/8 min later/);
  });
});

describe('malformed-body', () => {
  causeTable('malformed-body', [
    // https://github.com/pingcap/autoflow/pull/574
    [
      'botocore.errorfactory.ValidationException: An error occurred (ValidationException) when calling the InvokeModel operation: Malformed input request: #: subject must not be valid against schema {"required":["messages"]}#: extraneous key [response_mime_type] is not permitted, please reformat your input and try again.',
      'autoflow#574',
    ],
    // https://github.com/diffbot/code-gpt-docs/issues/300
    [
      'Error: Malformed input request: #: subject must not be valid against schema {required:[messages]}#: required key [max_tokens] not found, please reformat your input and try again.',
      'code-gpt-docs#300',
    ],
  ]);

  it('names the key to remove or add', () => {
    expect(explainText('Malformed input request: #: extraneous key [response_mime_type] is not permitted, please reformat your input and try again.').fix).toMatch(/Remove "response_mime_type"/);
    expect(explainText('Malformed input request: #: required key [max_tokens] not found, please reformat your input and try again.').fix).toMatch(/Add "max_tokens"/);
  });
});

describe('message-structure', () => {
  causeTable('message-structure', [
    // https://github.com/modelcontextprotocol/quickstart-resources/issues/20
    ["Error: Error code: 400 - {'message': 'messages: roles must alternate between \"user\" and \"assistant\", but found multiple \"user\" roles in a row'}", 'quickstart-resources#20'],
    // https://github.com/microsoft/semantic-kernel/issues/10277
    [
      'botocore.errorfactory.ValidationException: An error occurred (ValidationException) when calling the Converse operation: A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.',
      'semantic-kernel#10277',
    ],
    // https://github.com/Portkey-AI/gateway/issues/748
    ['bedrock error: A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again', 'gateway#748'],
    // https://github.com/anomalyco/opencode/issues/15715
    [
      'InvokeModelWithResponseStream: operation error Bedrock Runtime: InvokeModelWithResponseStream, https response error StatusCode: 400, RequestID: 1864b9d1-6a4d-441b-a404-46e48820db57, ValidationException: messages: text content blocks must be non-empty',
      'opencode#15715',
    ],
    // https://github.com/microsoft/genaiscript/issues/1561
    ['ValidationException: messages: text content blocks must be non-empty', 'genaiscript#1561'],
    // https://github.com/earendil-works/pi/pull/3443
    ['Validation error: The content field in the Message object at messages.X is empty. Add a ContentBlock object to the content field and try again.', 'pi#3443'],
    // https://github.com/quadratichq/quadratic/issues/2718
    [
      'Error: 400 Malformed input request: #: subject must not be valid against schema {"required":["messages"]}#/messages/1/content: expected minimum item count: 1, found: 0#/messages/1/content: expected type: String, found: JSONArray, please reformat your input and try again.',
      'quadratic#2718',
    ],
  ]);
});

describe('token-limit', () => {
  causeTable('token-limit', [
    // https://github.com/continuedev/continue/issues/9592
    ['The model returned the following errors: Input is too long for requested model.', 'continue#9592'],
    // https://github.com/aws-samples/bedrock-chat/issues/95
    [
      '[ERROR] EventStreamError: An error occurred (validationException) when calling the InvokeModelWithResponseStream operation: Input is too long for requested model.',
      'bedrock-chat#95',
    ],
    // https://github.com/daisuke-awaji/moca/issues/254
    [
      '[SYSTEM_ERROR] An error occurred.\nType: ValidationException\nDetails: The model returned the following errors: prompt is too long: 200049 tokens > 200000 maximum\nRequest ID: 9251f066-a420-483b-b3ae-7485084f6dc6\n[/SYSTEM_ERROR]',
      'moca#254',
    ],
    // https://github.com/entropy-research/Devon/issues/88
    [
      'litellm.BadRequestError: litellm.ContextWindowExceededError: AnthropicError - {"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 209353 tokens > 199999 maximum"}}',
      'Devon#88',
    ],
    // https://github.com/RooCodeInc/Roo-Code/issues/248
    ['Error: The maximum tokens you requested exceed the model limit of 4096. Try again with a maximum tokens value lower than 4096.', 'Roo-Code#248'],
    // https://github.com/vercel/ai/issues/2772
    ['ValidationException: The maximum tokens you requested exceeds the model limit of 4096. Try again with a maximum tokens value that is lower than 4096.', 'vercel/ai#2772'],
    // https://github.com/charmbracelet/crush/issues/946
    ['POST "https://bedrock-runtime.us-west-2.amazonaws.com/v1/messages": 400 Bad Request {"message":"The maximum tokens you requested exceeds the model limit of 32768"}', 'crush#946'],
  ]);

  it('quotes the limit in the fix', () => {
    expect(explainText('ValidationException: The maximum tokens you requested exceeds the model limit of 4096.').fix).toMatch(/4,096 or less/);
    expect(explainText('prompt is too long: 200049 tokens > 200000 maximum').explanation).toMatch(/200,049 tokens, over the model's 200,000/);
  });
});

describe('thinking-config', () => {
  causeTable('thinking-config', [
    // https://github.com/danny-avila/LibreChat/issues/8346
    [
      'error: [api/server/controllers/agents/client.js #titleConvo] Error The model returned the following errors: thinking.enabled.budget_tokens: Input should be greater than or equal to 1024',
      'LibreChat#8346',
    ],
    // https://github.com/EndemicMedia/claudecoder/pull/5
    ['Error: thinking.enabled.budget_tokens: Input should be greater than or equal to 1024', 'claudecoder#5'],
    // https://github.com/liuw1535/antigravity2api-nodejs/issues/150 (Anthropic text inside a proxy's JSON string)
    [
      '{"error":{"code":400,"message":"{\\"type\\":\\"error\\",\\"error\\":{\\"type\\":\\"invalid_request_error\\",\\"message\\":\\"`max_tokens` must be greater than `thinking.budget_tokens`. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking#max-tokens-and-context-window-size\\"},\\"request_id\\":\\"req_vrtx_011CXz1EDk9oAJ1APShnBXuq\\"}","status":"INVALID_ARGUMENT"}}',
      'antigravity2api#150',
    ],
    // https://github.com/pollinations/pollinations/pull/11925
    ['max_tokens must be greater than thinking budget', 'pollinations#11925'],
  ]);
});

describe('unsupported-parameter', () => {
  causeTable('unsupported-parameter', [
    // https://github.com/BerriAI/litellm/issues/15070
    [
      '"error":{"message":"litellm.BadRequestError: BedrockException - {\\"message\\":\\"The model returned the following errors: `temperature` and `top_p` cannot both be specified for this model. Please use only one.\\"}. Received Model Group=bedrock-claude-sonnet-4-5\\nAvailable Model Group Fallbacks=None","type":null,"param":null,"code":"400"}}',
      'litellm#15070',
    ],
    // https://github.com/aws-samples/bedrock-access-gateway/issues/191
    [
      '400: An error occurred (ValidationException) when calling the ConverseStream operation: The model returned the following errors: `temperature` and `top_p` cannot both be specified for this model. Please use only one.',
      'bedrock-access-gateway#191',
    ],
    // https://github.com/skydiscover-ai/skydiscover/issues/15
    [
      "14:46:05 WARNING [search.adaevolve] Iteration 1: All 3 attempts failed: LLM error: Error code: 400 - {'error': {'message': 'litellm.BadRequestError: BedrockException - {\"message\":\"The model returned the following errors: `temperature` and `top_p` cannot both be specified for this model. Please use only one.\"}",
      'skydiscover#15',
    ],
    // https://github.com/anthropics/claude-code/issues/82549
    ['400 tools.11.custom.defer_loading: Extra inputs are not permitted', 'claude-code#82549'],
  ]);
});

describe('beta-flag', () => {
  causeTable('beta-flag', [
    // https://github.com/anthropics/claude-code/issues/49648
    ['API Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"invalid beta flag"}}', 'claude-code#49648'],
    // https://github.com/BerriAI/litellm/pull/19875
    ['BedrockException - {"message":"The model returned the following errors: invalid beta flag"}', 'litellm#19875'],
    // https://github.com/farion1231/cc-switch/issues/707
    [
      'API Error: 400 {"error":{"message":"InvokeModelWithResponseStream:\n    operation error Bedrock Runtime: InvokeModelWithResponseStream, https\n    response error StatusCode: 400, RequestID:\n    8c7afb8f-54cc-4113-a387-fb70fd143d90, ValidationException: invalid beta\n    flag (request id: 20260120091405936400036lX3Hi6Cd) (request id:\n    20260120091405788795523mq0EsMY8) (request_id: chatcmpl-a6cb215097004593a\n    ac189e247089f4e)","type":"invalid_request_error"}}',
      'cc-switch#707',
    ],
    // https://github.com/yiliqi78/TOKENICODE/issues/59
    [
      'API Error: 400 {"error":{"type":"","message":"InvokeModelWithResponseStream: operationerror Bedrock Runtime: InvokeModelWithResponseStream, https response error StatusCode:400, ValidationException: invalid beta flag"},"type":"error"}',
      'TOKENICODE#59',
    ],
  ]);
});

describe('attachment-limit', () => {
  causeTable('attachment-limit', [
    // https://github.com/aws/aws-sdk-js-v3/issues/6785
    ['The model returned the following errors: messages.0.content.1.image.source: image exceeds 5 MB maximum: 6737924 bytes > 5242880 bytes', 'aws-sdk-js-v3#6785'],
    // https://github.com/cline/cline/issues/1844
    ['too many images and documents: 21 + 0 > 20', 'cline#1844'],
    // https://github.com/vercel/ai/issues/20365
    [
      "APICallError [AI_APICallError]: The document file name can only contain alphanumeric characters, whitespace characters, hyphens, parentheses, and square brackets. The name can't contain more than one consecutive whitespace character. Check that the file name conforms to these restrictions and retry your request.",
      'vercel/ai#20365',
    ],
    // https://github.com/aws-samples/generative-ai-use-cases/issues/1671
    [
      "ValidationException: The document file name can only contain alphanumeric characters,\nwhitespace characters, hyphens, parentheses, and square brackets. The name can't contain\nmore than one consecutive whitespace character. Check that the file name conforms to\nthese restrictions and retry your request.",
      'generative-ai-use-cases#1671',
    ],
    // https://github.com/NousResearch/hermes-agent/issues/55429
    ["1 validation error detected: Value at 'messages.1.member.content.2.member.image.format' failed to satisfy …", 'hermes-agent#55429'],
  ]);

  it('reads the sizes out of the message', () => {
    const e = explainText('messages.0.content.1.image.source: image exceeds 5 MB maximum: 6737924 bytes > 5242880 bytes');
    expect(e.explanation).toMatch(/6,737,924 bytes after base64, above 5,242,880/);
  });
});

describe('throttling', () => {
  causeTable('throttling', [
    // https://github.com/anthropics/claude-code/issues/1466
    ['An error occurred (ThrottlingException) when calling the InvokeModel operation (reached max retries: 2): Too many tokens, please wait before trying again.', 'claude-code#1466'],
    // https://github.com/anthropics/claude-code/issues/236
    ['(429 Too many tokens, please wait before trying again.)', 'claude-code#236'],
    // https://github.com/aws-samples/amazon-bedrock-client-for-mac/issues/99
    [
      'Error invoking the model: ThrottlingException(properties: AWSBedrockRuntime.ThrottlingException.Properties(message: Optional("Too many tokens, please wait before trying again.")), httpResponse: Status Code: HTTP status code: 429 Date: Mon, 12 May 2025 11:11:55 GMT, Content-Type: application/json, Content-Length: 63, Connection: keep-alive, x-amzn-ErrorType: ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/, x-amzn-RequestId: ca47a5ce-e260-4824-aa0e-2e62669d5d6e, message: Optional("Too many tokens, please wait before trying again."), requestID: nil)',
      'bedrock-client-for-mac#99',
    ],
    // https://github.com/i-dot-ai/caddy-chatbot/issues/97
    [
      'botocore.errorfactory.ThrottlingException: An error occurred (ThrottlingException) when calling the InvokeModel operation (reached max retries: 4): Too many requests, please wait before trying again. You have sent too many requests. Wait before trying again.',
      'caddy-chatbot#97',
    ],
    // https://github.com/minorun365/agent-book/issues/29
    [
      'botocore.errorfactory.ThrottlingException: An error occurred (ThrottlingException) when calling the Converse operation (reached max retries: 4): Too many tokens per day, please wait before trying again.',
      'agent-book#29',
    ],
    // https://github.com/aws-samples/well-architected-iac-analyzer/issues/25
    ['Error invoking Bedrock model: ThrottlingException: Too many tokens, please wait before trying again..', 'well-architected-iac-analyzer#25'],
    // https://github.com/posit-dev/positron/issues/7844 (the SDK error as JSON, no message)
    ['{"name":"ThrottlingException","$fault":"client","$metadata":{"httpStatusCode":429,"requestId":"<REQUEST_ID>","attempts":3,"totalRetryDelay":787}}', 'positron#7844'],
  ]);

  it('tells a daily quota from a per-minute one', () => {
    expect(explainText('Too many tokens per day, please wait before trying again.').explanation).toMatch(/tokens-per-day/);
    expect(explainText('Too many tokens, please wait before trying again.').explanation).toMatch(/tokens-per-minute/);
  });
});

describe('service-unavailable', () => {
  causeTable('service-unavailable', [
    // https://github.com/darko-mesaros/bedrust/issues/47
    ["Error: Can't invoke. Reason: Bedrock is unable to process your request.", 'bedrust#47'],
    // https://github.com/Aider-AI/aider/issues/2530
    [
      "httpx.HTTPStatusError: Server error '503 Service Unavailable' for url 'https://bedrock-runtime.us-west-2.amazonaws.com/model/anthropic.claude-3-5-sonnet-20241022-v2:0/converse'",
      'aider#2530',
    ],
  ]);
});

describe('endpoint-config', () => {
  causeTable('endpoint-config', [
    // https://github.com/RooCodeInc/Roo-Code/issues/4242
    ['The pending stream has been canceled (caused by: getaddrinfo ENOTFOUND bedrock-runtime.us-east-2.amazonaws.com)', 'Roo-Code#4242'],
    // https://github.com/earendil-works/pi/issues/3487
    ['Error: InvalidSignatureException: Credential should be scoped to a valid region.', 'pi#3487'],
    // https://github.com/aws/aws-sdk-js-v3/issues/5576
    ['InvalidSignatureException: The credential must be scoped to a valid region.', 'aws-sdk-js-v3#5576'],
    // https://github.com/fsouza/s3-upload-proxy/issues/241
    ["api error InvalidSignatureException: Credential should be scoped to a valid region, not ''. ", 's3-upload-proxy#241'],
    // https://github.com/vercel/ai/issues/17141 (quoted in /work/shared/research/messages-endpoint.md)
    ["The model 'anthropic.claude-opus-4-7' does not support the '/v1/chat/completions' API", 'vercel/ai#17141'],
  ]);

  it('names the host that did not resolve', () => {
    expect(explainText('getaddrinfo ENOTFOUND bedrock-runtime.us-east-2.amazonaws.com').explanation).toMatch(/bedrock-runtime\.us-east-2\.amazonaws\.com could not be resolved/);
  });
});

// Forms the issue names for which no public copy was found: the rules must still catch them.
describe('forms without a public copy', () => {
  it.each<[string, Cause]>([
    ['ModelNotReadyException: Model is not ready to serve inference requests. The AWS SDK will automatically retry the operation.', 'service-unavailable'],
    ['ModelTimeoutException: Model has timed out in processing the request. Try your request again.', 'service-unavailable'],
    ['ServiceUnavailableException: Bedrock is unable to process your request.', 'service-unavailable'],
    ['ValidationException: Request payload size exceeds 20 MB', 'attachment-limit'],
    ['max_tokens: 64001 > 64000, which is the maximum allowed number of output tokens for claude-sonnet-4-5', 'token-limit'],
    ['connect ECONNREFUSED 127.0.0.1:4010', 'endpoint-config'],
    ["ValidationException: messages.1.content.0.text: text content blocks must be non-empty", 'message-structure'],
    ['ModelErrorException: The model returned the following errors: invalid beta flag', 'beta-flag'],
    ['ServiceQuotaExceededException: Your request exceeds the service quota for your account.', 'throttling'],
  ])('%s → %s', (text, expected) => {
    expect(cause(text)).toBe(expected);
  });
});

describe('unknown: honest when unsure', () => {
  it.each([
    ['the weather is nice today'],
    ['ValidationException: Something Bedrock has never said before.'],
    ['TypeError: Cannot read properties of undefined (reading "map")'],
    [''],
  ])('%j', (text) => {
    const e = explainText(text);
    expect(e.cause).toBe('unknown');
    expect(e.rule).toBe('unknown');
    expect(e.message).toBe(parseError(text).message);
    if (text) expect(e.explanation).toContain(e.message);
  });

  it('keeps the cause of our own --json error when no rule knows the message', () => {
    const e = explainText('{"error":{"cause":"throttling","message":"Converse with x failed: SomethingNew: odd","fix":"…","exitCode":5}}');
    expect(e.cause).toBe('throttling');
    expect(e.rule).toBe('cli-cause');
  });
});

describe('parseError: every pasted form', () => {
  it.each<[string, string, { exception?: string; message: string; operation?: string; httpStatus?: number }]>([
    [
      'botocore',
      'An error occurred (ValidationException) when calling the Converse operation: The provided model identifier is invalid.',
      { exception: 'ValidationException', operation: 'Converse', message: 'The provided model identifier is invalid.' },
    ],
    [
      'botocore with retries',
      'botocore.errorfactory.ThrottlingException: An error occurred (ThrottlingException) when calling the InvokeModel operation (reached max retries: 4): Too many requests, please wait before trying again.',
      { exception: 'ThrottlingException', operation: 'InvokeModel', message: 'Too many requests, please wait before trying again.' },
    ],
    [
      'botocore event stream (lower-camel exception)',
      'EventStreamError: An error occurred (validationException) when calling the InvokeModelWithResponseStream operation: Input is too long for requested model.',
      { exception: 'ValidationException', operation: 'InvokeModelWithResponseStream', message: 'Input is too long for requested model.' },
    ],
    ['JS SDK', 'ValidationException: The provided model identifier is invalid.', { exception: 'ValidationException', message: 'The provided model identifier is invalid.' }],
    [
      'JS SDK with stack',
      'AccessDeniedException: You don’t have access to the model with the specified model ID.\n    at de_AccessDeniedExceptionRes (/app/node_modules/@aws-sdk/client-bedrock-runtime/dist-cjs/index.js:1:2)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
      { exception: 'AccessDeniedException', message: 'You don’t have access to the model with the specified model ID.' },
    ],
    [
      'Go SDK',
      'operation error Bedrock Runtime: Converse, https response error StatusCode: 400, RequestID: 23c8f6d0-f0bd-4bad-a54f-2dce41bc10ff, ValidationException: A conversation must alternate between user and assistant roles.',
      { exception: 'ValidationException', operation: 'Converse', httpStatus: 400, message: 'A conversation must alternate between user and assistant roles.' },
    ],
    [
      'AWS HTTP body with x-amzn-ErrorType',
      'HTTP/1.1 403 Forbidden\nx-amzn-ErrorType: ExpiredTokenException:http://internal.amazon.com/coral/com.amazon.coral.service/\n\n{"message":"The security token included in the request is expired"}',
      { exception: 'ExpiredTokenException', httpStatus: 403, message: 'The security token included in the request is expired' },
    ],
    ['API-key body with a capital Message', '{"Message":"Authentication failed: Please make sure your API Key is valid."}', { message: 'Authentication failed: Please make sure your API Key is valid.' }],
    [
      'Anthropic-shaped Messages API body',
      '{"type":"error","error":{"type":"invalid_request_error","message":"invalid beta flag"},"request_id":"req_011"}',
      { exception: 'invalid_request_error', message: 'invalid beta flag' },
    ],
    [
      'nested "The model returned the following errors"',
      'ModelErrorException: The model returned the following errors: `temperature` and `top_p` cannot both be specified for this model. Please use only one.',
      { exception: 'ModelErrorException', message: '`temperature` and `top_p` cannot both be specified for this model. Please use only one.' },
    ],
    [
      'our own human output',
      'error: InvokeModel with global.anthropic.claude-sonnet-4-6 failed: ValidationException: The provided model identifier is invalid.\nfix: Check the model ID with `bedrock-claude models resolve <model>`.',
      { exception: 'ValidationException', message: 'The provided model identifier is invalid.' },
    ],
    [
      'our own --json error',
      '{"error":{"cause":"unknown-model-id","message":"Converse with x failed: ValidationException: The provided model identifier is invalid.","fix":"…","exitCode":5,"exception":"ValidationException","httpStatus":400}}',
      { exception: 'ValidationException', httpStatus: 400, message: 'The provided model identifier is invalid.' },
    ],
    ['bare message', 'The provided model identifier is invalid.', { message: 'The provided model identifier is invalid.' }],
    [
      'Anthropic SDK status prefix',
      'PermissionDeniedError: 403 You don\'t have access to the model with the specified model ID.',
      { httpStatus: 403, message: "You don't have access to the model with the specified model ID." },
    ],
  ])('%s', (_, raw, expected) => {
    const parsed = parseError(raw);
    expect(parsed).toMatchObject(expected);
    if (expected.exception === undefined) expect(parsed.exception).toBeUndefined();
  });
});

describe('context: the same "invalid identifier" message, judged with --model and --region', () => {
  const message = 'ValidationException: The provided model identifier is invalid.';

  it.each<[string, string, Cause, string | undefined]>([
    // claude-code#1434 / open_deep_research#224: a geography prefix called from outside it
    ['us.anthropic.claude-sonnet-4-6', 'eu-west-1', 'prefix-region-mismatch', 'eu.anthropic.claude-sonnet-4-6'],
    // a stray ":0" on an ID that has none
    ['anthropic.claude-sonnet-4-6:0', 'us-east-1', 'unknown-model-id', 'anthropic.claude-sonnet-4-6'],
    // a retired model
    ['anthropic.claude-opus-4-20250514-v1:0', 'us-east-1', 'model-end-of-life', undefined],
    // an ID the catalog accepts from that region: Bedrock's answer points at the region
    ['us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'us-east-1', 'model-not-in-region', undefined],
  ])('%s from %s → %s', (model, region, expected, suggestion) => {
    const e = explainText(message, { model, region, today: TODAY });
    expect(e.cause).toBe(expected);
    if (suggestion) expect(e.suggestions).toContain(suggestion);
  });

  it('without context it stays unknown-model-id and says which context would decide', () => {
    const e = explainText(message);
    expect(e.cause).toBe('unknown-model-id');
    expect(e.fix).toMatch(/--model .* --region/);
  });

  it('the ID named in the message is judged when -m is absent', () => {
    expect(cause("Value 'anthropic.claude-v2:0:100k' at 'modelId' failed to satisfy constraint", { region: 'us-east-1' })).toBe('unknown-model-id');
  });
});

describe('the rule table', () => {
  it('has unique ids and only design.md causes', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) expect(rule.message ?? rule.exception ?? rule.status).toBeDefined();
  });

  it('straight and typographic apostrophes match the same rule', () => {
    const curly = explainText('Invocation of model ID anthropic.claude-sonnet-4-6 with on-demand throughput isn’t supported.');
    const straight = explainText("Invocation of model ID anthropic.claude-sonnet-4-6 with on-demand throughput isn't supported.");
    expect(curly.rule).toBe('on-demand-not-supported');
    expect(straight.rule).toBe(curly.rule);
  });
});

describe('fromAwsError: the AWS boundary uses the engine', () => {
  const sdkError = (name: string, message: string, status?: number, extra: object = {}) =>
    Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status, requestId: 'req-1' }, ...extra });

  it('a Bedrock answer is exit 5 with the cause, fix and explanation from explain', () => {
    const err = fromAwsError(sdkError('ValidationException', 'The provided model identifier is invalid.', 400), 'Converse with x', {
      model: 'us.anthropic.claude-sonnet-4-6',
      region: 'eu-west-1',
      api: 'converse',
      today: TODAY,
    });
    expect(err).toBeInstanceOf(CliError);
    expect(err.exitCode).toBe(ExitCode.bedrock);
    expect(err.causeCode).toBe('prefix-region-mismatch');
    expect(err.fix).toMatch(/eu\.anthropic\.claude-sonnet-4-6/);
    expect(err.details).toMatchObject({ exception: 'ValidationException', httpStatus: 400, requestId: 'req-1' });
    expect(err.details?.explanation).toEqual(expect.any(String));
    expect(err.details?.suggestions).toContain('eu.anthropic.claude-sonnet-4-6');
  });

  it('local credential-provider failures are exit 3 bad-credentials', () => {
    const err = fromAwsError(sdkError('CredentialsProviderError', 'Could not load credentials from any providers'), 'Converse');
    expect(err.exitCode).toBe(ExitCode.config);
    expect(err.causeCode).toBe('bad-credentials');
  });

  it('network failures are exit 5 endpoint-config', () => {
    const err = fromAwsError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), 'Converse');
    expect(err.exitCode).toBe(ExitCode.bedrock);
    expect(err.causeCode).toBe('endpoint-config');
  });

  it('an IAM denial carries the actions and ARNs in details', () => {
    const err = fromAwsError(
      sdkError('AccessDeniedException', 'User: arn:aws:iam::123456789012:user/ci is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0', 403),
      'InvokeModel',
      { model: 'global.anthropic.claude-haiku-4-5-20251001-v1:0', region: 'us-east-1', api: 'invoke', today: TODAY },
    );
    expect(err.causeCode).toBe('iam-permission');
    expect(err.details?.iam).toMatchObject({
      resources: expect.arrayContaining([
        'arn:aws:bedrock:us-east-1:123456789012:inference-profile/global.anthropic.claude-haiku-4-5-20251001-v1:0',
        'arn:aws:bedrock:*::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0',
      ]),
    });
  });

  it('a CliError passes through unchanged', () => {
    const original = new CliError('x', { exitCode: ExitCode.rejected, cause: 'unknown-model-id' });
    expect(fromAwsError(original, 'y')).toBe(original);
  });
});

describe('the explain command (fake IO, no binary)', () => {
  async function runExplain(args: string[], options: { model?: string; api?: string } = {}, global: GlobalOptions = {}, stdin = '') {
    const home = await tempDir();
    let stdout = '';
    let stderr = '';
    const io: IO = {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      stdin: Readable.from([stdin]),
      stdoutIsTTY: false,
      stderrIsTTY: false,
      stdinIsTTY: false,
    };
    const ctx = makeContext(io, { HOME: home, AWS_CONFIG_FILE: `${home}/none`, AWS_SHARED_CREDENTIALS_FILE: `${home}/none` }, home, global);
    const code = await explain(ctx, options, args);
    return { code, stdout, stderr };
  }

  it('prints cause, explanation and fix; exit 0', async () => {
    const r = await runExplain(['ValidationException: The provided model identifier is invalid.'], { model: 'us.anthropic.claude-sonnet-4-6' }, { region: 'eu-west-1' });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('cause: prefix-region-mismatch  (ValidationException)');
    expect(lines[2]).toMatch(/^fix: Use global\.anthropic\.claude-sonnet-4-6 or eu\.anthropic\.claude-sonnet-4-6/);
  });

  it('reads stdin when the argument is absent or "-", and prints one JSON object with --json', async () => {
    for (const args of [[], ['-']]) {
      const r = await runExplain(args, { api: 'invoke' }, { json: true }, 'An error occurred (ThrottlingException) when calling the InvokeModel operation: Too many tokens, please wait before trying again.\n');
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout);
      expect(json).toMatchObject({ cause: 'throttling', exception: 'ThrottlingException', message: 'Too many tokens, please wait before trying again.' });
      expect(Object.keys(json)).toEqual(expect.arrayContaining(['cause', 'exception', 'message', 'explanation', 'fix']));
    }
  });

  it('explains unknown text with exit 0', async () => {
    const r = await runExplain(['the weather is nice'], {}, { json: true });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).cause).toBe('unknown');
  });

  it('empty input is a usage error (exit 2)', async () => {
    await expect(runExplain([], {}, {}, '  \n')).rejects.toMatchObject({ exitCode: ExitCode.usage, causeCode: 'usage' });
  });
});

describe('a Messages-API model refused on Converse', () => {
  const message = "ValidationException: This action doesn't support the model that you provided. Try again with a supported text or chat model.";

  it('points to invoke and --api messages', () => {
    const e = explainText(message, { model: 'sonnet-5', region: 'us-west-2', api: 'converse', today: TODAY });
    expect(e.cause).toBe('endpoint-config');
    expect(e.explanation).toMatch(/Claude Sonnet 5 .*Messages API/);
    expect(e.fix).toContain('bedrock-claude invoke -m sonnet-5');
    expect(e.fix).toContain('--api messages');
  });

  it('keeps the general advice for other APIs and for Bedrock-native models', () => {
    expect(explainText(message, { model: 'sonnet-5', region: 'us-west-2', api: 'invoke', today: TODAY }).fix).toMatch(/models resolve/);
    expect(explainText(message, { model: 'sonnet-4.5', region: 'us-west-2', api: 'converse', today: TODAY }).fix).toMatch(/models resolve/);
  });
});
