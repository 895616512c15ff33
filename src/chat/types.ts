// One neutral request and one event stream for every API: Converse, InvokeModel and the
// Messages API are built from a ChatRequest and read back into ChatEvents, so the rendering,
// JSON output and cost are the same whichever API carried the call.

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp';
export type DocumentFormat = 'pdf' | 'csv' | 'doc' | 'docx' | 'xls' | 'xlsx' | 'html' | 'txt' | 'md';

export type ContentPart =
  | { type: 'text'; text: string }
  | { type: 'image'; format: ImageFormat; bytes: Uint8Array; fileName?: string }
  | { type: 'document'; format: DocumentFormat; name: string; bytes: Uint8Array }
  | { type: 'tool_use'; id: string; name: string; input: unknown }
  | { type: 'tool_result'; toolUseId: string; content: string; isError?: boolean }
  | { type: 'thinking'; text: string; signature?: string };

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: ContentPart[];
}

/** A tool definition in the Anthropic shape. */
export interface ToolDefinition {
  name: string;
  description?: string;
  input_schema: Record<string, unknown>;
}

export type ThinkingRequest = { type: 'enabled'; budgetTokens: number } | { type: 'adaptive'; effort?: string };

export interface ChatRequest {
  system?: string;
  messages: ChatMessage[];
  maxTokens: number;
  temperature?: number;
  topP?: number;
  stopSequences?: string[];
  thinking?: ThinkingRequest;
  /** A cache point after the system prompt and after the attachments. */
  cache?: boolean;
  betas?: string[];
  tools?: ToolDefinition[];
}

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  cacheReadInputTokens: number;
  cacheWriteInputTokens: number;
}

/** The normalised stream: one schema for ConverseStream, InvokeModelWithResponseStream and SSE. */
export type ChatEvent =
  | { type: 'text'; index: number; text: string }
  | { type: 'thinking'; index: number; text: string }
  | { type: 'thinking_signature'; index: number; signature: string }
  | { type: 'tool_use'; index: number; id: string; name: string; input: unknown }
  | { type: 'usage'; usage: Usage }
  | { type: 'stop'; stopReason: string };

export type Api = 'converse' | 'invoke' | 'messages';

export interface ChatResult {
  text: string;
  thinking: string;
  toolUses: Array<{ id: string; name: string; input: unknown }>;
  stopReason: string | null;
  usage: Usage;
  /** The assistant message, to append to a conversation. */
  message: ChatMessage;
}

export const emptyUsage = (): Usage => ({ inputTokens: 0, outputTokens: 0, cacheReadInputTokens: 0, cacheWriteInputTokens: 0 });
