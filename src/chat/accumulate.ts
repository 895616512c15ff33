// Collects ChatEvents into a ChatResult: what was said, thought, and which tools were called.
import type { ChatEvent, ChatResult, ContentPart } from './types.js';
import { emptyUsage } from './types.js';

export class ResultBuilder {
  private blocks = new Map<number, ContentPart>();
  private result: Omit<ChatResult, 'message'> = { text: '', thinking: '', toolUses: [], stopReason: null, usage: emptyUsage() };

  add(event: ChatEvent): void {
    switch (event.type) {
      case 'text': {
        this.result.text += event.text;
        const block = this.blocks.get(event.index);
        if (block?.type === 'text') block.text += event.text;
        else this.blocks.set(event.index, { type: 'text', text: event.text });
        break;
      }
      case 'thinking': {
        this.result.thinking += event.text;
        const block = this.blocks.get(event.index);
        if (block?.type === 'thinking') block.text += event.text;
        else this.blocks.set(event.index, { type: 'thinking', text: event.text });
        break;
      }
      case 'thinking_signature': {
        const block = this.blocks.get(event.index);
        if (block?.type === 'thinking') block.signature = (block.signature ?? '') + event.signature;
        else this.blocks.set(event.index, { type: 'thinking', text: '', signature: event.signature });
        break;
      }
      case 'tool_use':
        this.result.toolUses.push({ id: event.id, name: event.name, input: event.input });
        this.blocks.set(event.index, { type: 'tool_use', id: event.id, name: event.name, input: event.input });
        break;
      case 'usage':
        this.result.usage = event.usage;
        break;
      case 'stop':
        this.result.stopReason = event.stopReason;
        break;
    }
  }

  build(): ChatResult {
    const content = [...this.blocks.entries()].sort(([a], [b]) => a - b).map(([, part]) => part);
    return { ...this.result, message: { role: 'assistant', content } };
  }
}

/** A whole (non-streamed) reply expressed as events, so both paths share one renderer. */
export function eventsFromParts(parts: ContentPart[]): ChatEvent[] {
  const events: ChatEvent[] = [];
  parts.forEach((part, index) => {
    if (part.type === 'text') events.push({ type: 'text', index, text: part.text });
    else if (part.type === 'thinking') {
      events.push({ type: 'thinking', index, text: part.text });
      if (part.signature) events.push({ type: 'thinking_signature', index, signature: part.signature });
    } else if (part.type === 'tool_use') events.push({ type: 'tool_use', index, id: part.id, name: part.name, input: part.input });
  });
  return events;
}
