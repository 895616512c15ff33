// Sends a ChatRequest over Converse, InvokeModel or their streaming forms, and hands every
// event to the caller as it arrives, so a broken stream keeps what was already printed.
import { AnthropicStreamReader, partsFromAnthropic, toInvokeBody, usageFromAnthropic } from './anthropic.js';
import { eventsFromParts, ResultBuilder } from './accumulate.js';
import { partsFromConverse, toConverseInput, usageFromConverse, type ConverseOutputLike } from './converse.js';
import { ConverseStreamReader } from './converse-stream.js';
import type { Api, ChatEvent, ChatRequest, ChatResult } from './types.js';
import { bedrockRuntimeClient, type ClientOptions } from '../aws/clients.js';
import { runtimeSdk } from '../aws/sdk.js';

type BedrockRuntimeClient = Awaited<ReturnType<typeof bedrockRuntimeClient>>;

export interface SendOptions {
  api: Exclude<Api, 'messages'>;
  modelId: string;
  request: ChatRequest;
  /** A raw InvokeModel body (from --body): sent as given instead of one built from `request`. */
  rawBody?: Record<string, unknown>;
  stream: boolean;
  client: ClientOptions;
  /** A client to reuse (e.g. across JSONL items); created and destroyed per call when absent. */
  runtime?: BedrockRuntimeClient;
  onEvent: (event: ChatEvent) => void;
  signal?: AbortSignal;
}

export async function sendChat(options: SendOptions): Promise<ChatResult> {
  const client = options.runtime ?? (await bedrockRuntimeClient(options.client));
  const sdk = await runtimeSdk();
  const builder = new ResultBuilder();
  const emit = (event: ChatEvent) => {
    builder.add(event);
    options.onEvent(event);
  };
  const abort = options.signal ? { abortSignal: options.signal } : undefined;
  try {
    if (options.api === 'converse') {
      const input = toConverseInput(options.request, options.modelId) as any;
      if (options.stream) {
        const response = await client.send(new sdk.ConverseStreamCommand(input), abort);
        const reader = new ConverseStreamReader();
        for await (const event of response.stream ?? []) for (const e of reader.read(event as Record<string, any>)) emit(e);
      } else {
        const response = (await client.send(new sdk.ConverseCommand(input), abort)) as ConverseOutputLike;
        for (const e of eventsFromParts(partsFromConverse(response.output?.message?.content ?? []))) emit(e);
        if (response.stopReason) emit({ type: 'stop', stopReason: response.stopReason });
        emit({ type: 'usage', usage: usageFromConverse(response.usage) });
      }
    } else {
      const body = new TextEncoder().encode(JSON.stringify(options.rawBody ?? toInvokeBody(options.request)));
      const input = { modelId: options.modelId, body, contentType: 'application/json', accept: 'application/json' };
      if (options.stream) {
        const response = await client.send(new sdk.InvokeModelWithResponseStreamCommand(input), abort);
        const reader = new AnthropicStreamReader();
        for await (const item of response.body ?? []) {
          const bytes = item.chunk?.bytes;
          if (!bytes) continue;
          for (const e of reader.read(JSON.parse(new TextDecoder().decode(bytes)))) emit(e);
        }
      } else {
        const response = await client.send(new sdk.InvokeModelCommand(input), abort);
        const message = JSON.parse(new TextDecoder().decode(response.body)) as Record<string, any>;
        for (const e of eventsFromParts(partsFromAnthropic(message.content ?? []))) emit(e);
        if (message.stop_reason) emit({ type: 'stop', stopReason: message.stop_reason });
        emit({ type: 'usage', usage: usageFromAnthropic(message.usage) });
      }
    }
  } finally {
    if (!options.runtime) client.destroy();
  }
  return builder.build();
}
