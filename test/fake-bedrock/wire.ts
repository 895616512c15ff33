// Real Bedrock exchanges (the JSON recordings in ./recordings, copied from
// /work/shared/wire) and how the fake serves one verbatim.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface WireRecording {
  api: string;
  source: string;
  request: { method: string; host: string; path: string; headers: Record<string, string>; body: string | null };
  response: {
    status: number;
    headers: Record<string, string>;
    body?: string;
    body_base64?: string;
    eventstream_decoded?: Array<{ headers: Record<string, string>; payload: string }>;
  };
  fidelity: { response_body_exact: boolean; response_body_note?: string };
  notes?: string;
}

/** A response to send exactly as given (status, headers, body bytes). */
export interface RawResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export const RECORDINGS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'recordings');

export function loadRecordings(dir = RECORDINGS_DIR): Array<{ file: string; recording: WireRecording }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, recording: JSON.parse(readFileSync(join(dir, file), 'utf8')) as WireRecording }));
}

// Node computes framing itself; a recorded Content-Length/Transfer-Encoding would conflict.
const HOP_BY_HOP = new Set(['connection', 'content-length', 'transfer-encoding', 'keep-alive', 'date']);

export function recordingToResponse(rec: WireRecording): RawResponse {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(rec.response.headers)) if (!HOP_BY_HOP.has(k.toLowerCase())) headers[k] = v;
  const body = rec.response.body_base64 !== undefined ? new Uint8Array(Buffer.from(rec.response.body_base64, 'base64')) : (rec.response.body ?? '');
  return { status: rec.response.status, headers, body };
}

/** `bedrock-runtime.us-east-1.amazonaws.com` → `us-east-1`. */
export function regionOfHost(host: string): string {
  return host.split('.')[1] ?? 'us-east-1';
}

/** The decoded model ID in a recorded `/model/{id}/…` path. */
export function modelIdOfPath(path: string): string | undefined {
  const m = /^\/model\/(.+)\/[a-z-]+$/.exec(path);
  return m?.[1] ? decodeURIComponent(m[1]) : undefined;
}
