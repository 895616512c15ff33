// ConverseStream events (as the SDK yields them) → ChatEvents. Unknown delta kinds
// (citations, images, whatever comes next) are skipped, never fatal.
import { parseToolInput } from './anthropic.js';
import { usageFromConverse } from './converse.js';
import type { ChatEvent } from './types.js';

export class ConverseStreamReader {
  private tools = new Map<number, { id: string; name: string; json: string }>();

  read(event: Record<string, any>): ChatEvent[] {
    if (event.contentBlockStart) {
      const { contentBlockIndex: index, start } = event.contentBlockStart;
      if (start?.toolUse) this.tools.set(index, { id: start.toolUse.toolUseId, name: start.toolUse.name, json: '' });
      return [];
    }
    if (event.contentBlockDelta) {
      const { contentBlockIndex: index, delta } = event.contentBlockDelta;
      if (typeof delta?.text === 'string') return [{ type: 'text', index, text: delta.text }];
      if (delta?.reasoningContent) {
        if (typeof delta.reasoningContent.text === 'string') return [{ type: 'thinking', index, text: delta.reasoningContent.text }];
        if (typeof delta.reasoningContent.signature === 'string') return [{ type: 'thinking_signature', index, signature: delta.reasoningContent.signature }];
      }
      if (delta?.toolUse) {
        const tool = this.tools.get(index);
        if (tool) tool.json += delta.toolUse.input ?? '';
      }
      return [];
    }
    if (event.contentBlockStop) {
      const index = event.contentBlockStop.contentBlockIndex;
      const tool = this.tools.get(index);
      if (!tool) return [];
      this.tools.delete(index);
      return [{ type: 'tool_use', index, id: tool.id, name: tool.name, input: parseToolInput(tool.json) }];
    }
    if (event.messageStop) return [{ type: 'stop', stopReason: event.messageStop.stopReason ?? 'unknown' }];
    if (event.metadata) return [{ type: 'usage', usage: usageFromConverse(event.metadata.usage) }];
    return [];
  }
}
