// A small S3 on the fake's port: path-style (`/{bucket}/{key}`) REST-XML,
// chosen when the SigV4 credential scope's service is `s3`. In-memory
// buckets (declared by world.s3Buckets) and objects, multipart uploads,
// ListObjectsV2, S3's checksums and its XML errors. Enough for
// @aws-sdk/client-s3 (forcePathStyle) and @aws-sdk/lib-storage's Upload.
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import {
  checksum,
  compositeChecksum,
  md5Hex,
  multipartEtag,
  parseAlgorithm,
  CHECKSUM_ALGORITHMS,
  type ChecksumAlgorithm,
} from './checksums.js';
import { FakeBedrockError, xmlEscape, type ErrorSpec } from './errors.js';
import type { Operation } from './recording.js';
import { fakeId } from './replies.js';
import type { FakeBucket, World } from './world.js';

export const S3_NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
export const MIN_PART_SIZE = 5 * 1024 * 1024;
const MAX_KEYS = 1000;
/** Request bodies up to this size are kept (as text) in the recording. */
const RECORD_BODY_LIMIT = 1024 * 1024;

export interface S3Checksum {
  algorithm: ChecksumAlgorithm;
  /** Base64; composite values end in `-N`. */
  value: string;
  type: 'FULL_OBJECT' | 'COMPOSITE';
}

export interface S3Object {
  key: string;
  body: Buffer;
  /** Quoted, as S3 sends it: `"<md5>"` or `"<md5-of-md5s>-<parts>"`. */
  etag: string;
  lastModified: Date;
  contentType: string;
  /** Stored response headers: content-encoding, cache-control, x-amz-meta-*, … */
  headers: Record<string, string>;
  checksum?: S3Checksum;
  parts?: number;
}

interface UploadedPart {
  body: Buffer;
  md5: string;
  checksum?: string;
}

interface MultipartUpload {
  id: string;
  bucket: string;
  key: string;
  contentType: string;
  headers: Record<string, string>;
  checksumAlgorithm?: ChecksumAlgorithm;
  checksumType?: 'FULL_OBJECT' | 'COMPOSITE';
  parts: Map<number, UploadedPart>;
}

/** An S3 error: ErrorSpec plus the extra XML elements S3 puts in <Error>. */
export interface S3ErrorSpec extends ErrorSpec {
  /** Already in S3's words (not an error of the shared front door to translate). */
  s3?: true;
  fields?: Record<string, string | number>;
}

export function s3Error(status: number, code: string, message: string, fields?: Record<string, string | number>): FakeBedrockError {
  const spec: S3ErrorSpec = { status, name: code, message, s3: true, fields };
  return new FakeBedrockError(spec);
}

export const S3Errors = {
  noSuchBucket: (bucket: string) => s3Error(404, 'NoSuchBucket', 'The specified bucket does not exist', { BucketName: bucket }),
  noSuchKey: (key: string) => s3Error(404, 'NoSuchKey', 'The specified key does not exist.', { Key: key }),
  accessDenied: () => s3Error(403, 'AccessDenied', 'Access Denied'),
  noSuchUpload: (uploadId: string) =>
    s3Error(404, 'NoSuchUpload', 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.', {
      UploadId: uploadId,
    }),
  malformedXml: () => s3Error(400, 'MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema'),
  notImplemented: () => s3Error(501, 'NotImplemented', 'A header you provided implies functionality that is not implemented'),
  wrongRegion: (region: string, expected: string) =>
    s3Error(400, 'AuthorizationHeaderMalformed', `The authorization header is malformed; the region '${region}' is wrong; expecting '${expected}'`, {
      Region: expected,
    }),
};

// ---------------------------------------------------------------------------
// Store

export class S3Store {
  private readonly objects = new Map<string, Map<string, S3Object>>();
  private readonly uploads = new Map<string, MultipartUpload>();
  private counter = 0;

  clear(): void {
    this.objects.clear();
    this.uploads.clear();
  }

  private bucket(name: string): Map<string, S3Object> {
    let b = this.objects.get(name);
    if (!b) {
      b = new Map();
      this.objects.set(name, b);
    }
    return b;
  }

  put(bucket: string, key: string, body: Buffer, opts: { contentType?: string; headers?: Record<string, string>; checksum?: S3Checksum; etag?: string; parts?: number } = {}): S3Object {
    const now = new Date();
    now.setMilliseconds(0); // S3 keeps whole seconds
    const obj: S3Object = {
      key,
      body,
      etag: opts.etag ?? `"${md5Hex(body)}"`,
      lastModified: now,
      contentType: opts.contentType ?? 'binary/octet-stream',
      headers: opts.headers ?? {},
      // S3 gives every new object a CRC64NVME checksum unless the client sent one.
      checksum: opts.checksum ?? { algorithm: 'CRC64NVME', value: checksum('CRC64NVME', body), type: 'FULL_OBJECT' },
      parts: opts.parts,
    };
    this.bucket(bucket).set(key, obj);
    return obj;
  }

  get(bucket: string, key: string): S3Object | undefined {
    return this.objects.get(bucket)?.get(key);
  }

  delete(bucket: string, key: string): void {
    this.objects.get(bucket)?.delete(key);
  }

  /** Keys under a prefix, in S3's (byte) order. */
  keys(bucket: string, prefix = ''): string[] {
    return [...(this.objects.get(bucket)?.keys() ?? [])].filter((k) => k.startsWith(prefix)).sort(compareKeys);
  }

  createUpload(u: Omit<MultipartUpload, 'id' | 'parts'>): MultipartUpload {
    this.counter += 1;
    const id = `${fakeId(`${u.bucket}/${u.key}:${this.counter}`, 40)}.${fakeId(String(this.counter), 24)}`;
    const upload: MultipartUpload = { ...u, id, parts: new Map() };
    this.uploads.set(id, upload);
    return upload;
  }

  upload(bucket: string, key: string, id: string): MultipartUpload | undefined {
    const u = this.uploads.get(id);
    return u && u.bucket === bucket && u.key === key ? u : undefined;
  }

  endUpload(id: string): void {
    this.uploads.delete(id);
  }
}

function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

// ---------------------------------------------------------------------------
// Routing

export interface S3Route {
  operation: Operation;
  bucket?: string;
  key?: string;
}

function decodePath(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Path-style S3: `/` (ListBuckets), `/{bucket}`, `/{bucket}/{key+}`; the query picks the operation. */
export function s3Route(method: string, url: URL, headers: IncomingHttpHeaders): S3Route {
  const path = url.pathname;
  const slash = path.indexOf('/', 1);
  const bucket = decodePath(slash === -1 ? path.slice(1) : path.slice(1, slash));
  const key = slash === -1 ? '' : decodePath(path.slice(slash + 1));
  const q = url.searchParams;
  if (!bucket) return { operation: method === 'GET' ? 'ListBuckets' : 'Unknown' };
  if (!key) {
    if (method === 'HEAD') return { operation: 'HeadBucket', bucket };
    if (method === 'GET' && q.get('list-type') === '2') return { operation: 'ListObjectsV2', bucket };
    return { operation: 'Unknown', bucket };
  }
  const t = { bucket, key };
  switch (method) {
    case 'PUT':
      if (headers['x-amz-copy-source'] !== undefined) return { operation: 'Unknown', ...t };
      return { operation: q.has('uploadId') || q.has('partNumber') ? 'UploadPart' : 'PutObject', ...t };
    case 'POST':
      if (q.has('uploads')) return { operation: 'CreateMultipartUpload', ...t };
      if (q.has('uploadId')) return { operation: 'CompleteMultipartUpload', ...t };
      return { operation: 'Unknown', ...t };
    case 'GET':
      // ?uploadId (ListParts), ?tagging, ?acl… are not served.
      for (const sub of ['uploadId', 'tagging', 'acl', 'attributes', 'torrent', 'retention', 'legal-hold']) {
        if (q.has(sub)) return { operation: 'Unknown', ...t };
      }
      return { operation: 'GetObject', ...t };
    case 'HEAD':
      return { operation: 'HeadObject', ...t };
    case 'DELETE':
      return { operation: q.has('uploadId') ? 'AbortMultipartUpload' : 'DeleteObject', ...t };
    default:
      return { operation: 'Unknown', ...t };
  }
}

// ---------------------------------------------------------------------------
// Request bodies: aws-chunked, checksums

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Decode an `aws-chunked` body (`hex[;chunk-signature=…]\r\n data \r\n … 0\r\n trailers \r\n\r\n`). */
export function decodeAwsChunked(raw: Buffer): { data: Buffer; trailers: Record<string, string> } {
  const chunks: Buffer[] = [];
  const trailers: Record<string, string> = {};
  let pos = 0;
  const line = (): string => {
    const end = raw.indexOf('\r\n', pos);
    if (end === -1) throw s3Error(400, 'IncompleteBody', 'The request body terminated unexpectedly');
    const s = raw.subarray(pos, end).toString('latin1');
    pos = end + 2;
    return s;
  };
  for (;;) {
    const size = parseInt(line().split(';')[0] ?? '', 16);
    if (!Number.isFinite(size)) throw s3Error(400, 'IncompleteBody', 'The request body terminated unexpectedly');
    if (size === 0) break;
    chunks.push(raw.subarray(pos, pos + size));
    pos += size + 2;
  }
  while (pos < raw.length) {
    const l = line();
    if (l === '') break;
    const colon = l.indexOf(':');
    if (colon > 0) trailers[l.slice(0, colon).trim().toLowerCase()] = l.slice(colon + 1).trim();
  }
  return { data: Buffer.concat(chunks), trailers };
}

interface Payload {
  data: Buffer;
  /** The checksum the client sent (header or trailer), verified against the data. */
  checksum?: { algorithm: ChecksumAlgorithm; value: string };
  /** Content-Encoding without aws-chunked. */
  contentEncoding?: string;
}

/** The object bytes of a PUT, with S3's integrity checks. */
function readPayload(headers: IncomingHttpHeaders, raw: Buffer): Payload {
  const encoding = header(headers, 'content-encoding');
  const sha = header(headers, 'x-amz-content-sha256');
  const chunked = (encoding ?? '').split(',').some((e) => e.trim() === 'aws-chunked') || (sha?.startsWith('STREAMING-') ?? false);
  let data = raw;
  let trailers: Record<string, string> = {};
  if (chunked) {
    ({ data, trailers } = decodeAwsChunked(raw));
    const declared = header(headers, 'x-amz-decoded-content-length');
    if (declared !== undefined && Number(declared) !== data.length) {
      throw s3Error(400, 'IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header');
    }
  } else if (sha && /^[0-9a-f]{64}$/.test(sha)) {
    const computed = createHash('sha256').update(data).digest('hex');
    if (computed !== sha) {
      throw s3Error(400, 'XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", {
        ClientComputedContentSHA256: sha,
        S3ComputedContentSHA256: computed,
      });
    }
  }
  const md5 = header(headers, 'content-md5');
  if (md5 !== undefined) {
    const bytes = Buffer.from(md5, 'base64');
    if (bytes.length !== 16) throw s3Error(400, 'InvalidDigest', 'The Content-MD5 you specified was invalid.');
    if (bytes.toString('hex') !== md5Hex(data)) throw s3Error(400, 'BadDigest', 'The Content-MD5 you specified did not match what we received.');
  }
  let sent: Payload['checksum'];
  for (const algorithm of CHECKSUM_ALGORITHMS) {
    const name = `x-amz-checksum-${algorithm.toLowerCase()}`;
    const value = header(headers, name) ?? trailers[name];
    if (value !== undefined) {
      sent = { algorithm, value };
      break;
    }
  }
  const declaredAlgorithm = header(headers, 'x-amz-sdk-checksum-algorithm');
  if (!sent && declaredAlgorithm !== undefined && header(headers, 'x-amz-trailer') === undefined) {
    throw s3Error(400, 'InvalidRequest', 'x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or x-amz-trailer headers were found.');
  }
  if (sent && checksum(sent.algorithm, data) !== sent.value) {
    throw s3Error(400, 'BadDigest', `The ${sent.algorithm} you specified did not match the calculated checksum.`);
  }
  const rest = (encoding ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e && e !== 'aws-chunked')
    .join(',');
  return { data, checksum: sent, contentEncoding: rest || undefined };
}

const STORED_HEADERS = ['cache-control', 'content-disposition', 'content-language', 'expires'];

function objectHeaders(headers: IncomingHttpHeaders, contentEncoding: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    if (name.startsWith('x-amz-meta-') || STORED_HEADERS.includes(name)) out[name] = Array.isArray(value) ? value.join(',') : value;
  }
  if (contentEncoding) out['content-encoding'] = contentEncoding;
  return out;
}

// ---------------------------------------------------------------------------
// Operations

export interface S3Request {
  route: S3Route;
  method: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Region from the SigV4 scope. */
  region: string;
  /** `http://127.0.0.1:PORT`, for CompleteMultipartUpload's Location. */
  baseUrl: string;
  world: World;
  store: S3Store;
}

export interface S3Reply {
  status: number;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** What to keep as the request body in the recording. */
  recordBody?: string;
}

function xml(root: string, inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${S3_NS}">${inner}</${root}>`;
}

const el = (name: string, value: string | number | boolean) => `<${name}>${xmlEscape(String(value))}</${name}>`;

/** The bucket a request names, or S3's error: missing, wrong region, forbidden. */
export function requireBucket(world: World, name: string, region: string | undefined): FakeBucket {
  const b = world.s3Buckets.find((x) => x.name === name);
  if (!b) throw S3Errors.noSuchBucket(name);
  if (region !== undefined && b.region && b.region !== region) throw S3Errors.wrongRegion(region, b.region);
  if (b.forbidden) throw S3Errors.accessDenied();
  return b;
}

function checksumHeaders(c: S3Checksum | undefined): Record<string, string> {
  if (!c) return {};
  return { [`x-amz-checksum-${c.algorithm.toLowerCase()}`]: c.value, 'x-amz-checksum-type': c.type };
}

function objectResponseHeaders(o: S3Object, withChecksum: boolean): Record<string, string> {
  return {
    'Content-Type': o.contentType,
    ETag: o.etag,
    'Last-Modified': o.lastModified.toUTCString(),
    'Accept-Ranges': 'bytes',
    'x-amz-server-side-encryption': 'AES256',
    ...o.headers,
    ...(withChecksum ? checksumHeaders(o.checksum) : {}),
  };
}

function parseRange(range: string, size: number): { start: number; end: number } | 'invalid' | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  if (!m) return undefined; // S3 ignores a Range it cannot parse
  const [, a = '', b = ''] = m;
  if (a === '' && b === '') return undefined;
  if (a === '') {
    const n = Number(b);
    if (n === 0) return 'invalid';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(a);
  if (start >= size) return 'invalid';
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  if (end < start) return undefined;
  return { start, end };
}

function getObject(r: S3Request, bucket: string, key: string, head: boolean): S3Reply {
  const o = r.store.get(bucket, key);
  if (!o) throw S3Errors.noSuchKey(key);
  const checksumMode = header(r.headers, 'x-amz-checksum-mode') === 'ENABLED';
  const range = header(r.headers, 'range');
  const rg = range ? parseRange(range, o.body.length) : undefined;
  if (rg === 'invalid') {
    throw s3Error(416, 'InvalidRange', 'The requested range is not satisfiable', { RangeRequested: range ?? '', ActualObjectSize: o.body.length });
  }
  if (rg) {
    // A ranged read carries no full-object checksum.
    const part = o.body.subarray(rg.start, rg.end + 1);
    const headers = { ...objectResponseHeaders(o, false), 'Content-Range': `bytes ${rg.start}-${rg.end}/${o.body.length}` };
    return head ? { status: 206, headers: { ...headers, 'Content-Length': String(part.length) } } : { status: 206, headers, body: part };
  }
  const headers = objectResponseHeaders(o, checksumMode);
  if (head) return { status: 200, headers: { ...headers, 'Content-Length': String(o.body.length) } };
  return { status: 200, headers, body: o.body };
}

function putObject(r: S3Request, bucket: string, key: string): S3Reply {
  const p = readPayload(r.headers, r.body);
  const o = r.store.put(bucket, key, p.data, {
    contentType: header(r.headers, 'content-type'),
    headers: objectHeaders(r.headers, p.contentEncoding),
    checksum: p.checksum ? { ...p.checksum, type: 'FULL_OBJECT' } : undefined,
  });
  return {
    status: 200,
    headers: { ETag: o.etag, 'x-amz-server-side-encryption': 'AES256', ...checksumHeaders(o.checksum) },
    recordBody: recordText(p.data),
  };
}

function recordText(data: Buffer): string | undefined {
  return data.length <= RECORD_BODY_LIMIT ? data.toString('utf8') : undefined;
}

function createMultipartUpload(r: S3Request, bucket: string, key: string): S3Reply {
  const algoHeader = header(r.headers, 'x-amz-checksum-algorithm');
  const checksumAlgorithm = parseAlgorithm(algoHeader);
  if (algoHeader !== undefined && !checksumAlgorithm) {
    throw s3Error(400, 'InvalidRequest', 'Checksum algorithm provided is unsupported. Please try again with any of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]');
  }
  const typeHeader = header(r.headers, 'x-amz-checksum-type');
  const checksumType = checksumAlgorithm
    ? ((typeHeader?.toUpperCase() as 'FULL_OBJECT' | 'COMPOSITE' | undefined) ?? (checksumAlgorithm === 'CRC64NVME' ? 'FULL_OBJECT' : 'COMPOSITE'))
    : undefined;
  const u = r.store.createUpload({
    bucket,
    key,
    contentType: header(r.headers, 'content-type') ?? 'binary/octet-stream',
    headers: objectHeaders(r.headers, header(r.headers, 'content-encoding')),
    checksumAlgorithm,
    checksumType,
  });
  const body = xml('InitiateMultipartUploadResult', el('Bucket', bucket) + el('Key', key) + el('UploadId', u.id));
  const headers: Record<string, string> = { 'Content-Type': 'application/xml', 'x-amz-server-side-encryption': 'AES256' };
  if (checksumAlgorithm && checksumType) Object.assign(headers, { 'x-amz-checksum-algorithm': checksumAlgorithm, 'x-amz-checksum-type': checksumType });
  return { status: 200, headers, body };
}

function partNumberOf(value: string | null): number {
  const n = Number(value);
  if (value === null || !Number.isInteger(n) || n < 1 || n > 10000) {
    throw s3Error(400, 'InvalidArgument', 'Part number must be an integer between 1 and 10000, inclusive', { ArgumentName: 'partNumber', ArgumentValue: value ?? '' });
  }
  return n;
}

function uploadPart(r: S3Request, bucket: string, key: string): S3Reply {
  const uploadId = r.query.get('uploadId') ?? '';
  const u = r.store.upload(bucket, key, uploadId);
  if (!u) throw S3Errors.noSuchUpload(uploadId);
  const n = partNumberOf(r.query.get('partNumber'));
  const p = readPayload(r.headers, r.body);
  if (p.checksum && u.checksumAlgorithm && p.checksum.algorithm !== u.checksumAlgorithm) {
    throw s3Error(
      400,
      'InvalidRequest',
      `Checksum Type mismatch occurred, expected checksum Type: ${u.checksumAlgorithm.toLowerCase()}, actual checksum Type: ${p.checksum.algorithm.toLowerCase()}`,
    );
  }
  const partChecksum = u.checksumAlgorithm ? (p.checksum?.value ?? checksum(u.checksumAlgorithm, p.data)) : undefined;
  const part: UploadedPart = { body: p.data, md5: md5Hex(p.data), checksum: partChecksum };
  u.parts.set(n, part);
  const headers: Record<string, string> = { ETag: `"${part.md5}"`, 'x-amz-server-side-encryption': 'AES256' };
  if (u.checksumAlgorithm && partChecksum) headers[`x-amz-checksum-${u.checksumAlgorithm.toLowerCase()}`] = partChecksum;
  return { status: 200, headers, recordBody: recordText(p.data) };
}

function xmlUnescape(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

function tag(block: string, name: string): string | undefined {
  const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(block);
  return m?.[1] === undefined ? undefined : xmlUnescape(m[1].trim());
}

function completeMultipartUpload(r: S3Request, bucket: string, key: string): S3Reply {
  const uploadId = r.query.get('uploadId') ?? '';
  const u = r.store.upload(bucket, key, uploadId);
  if (!u) throw S3Errors.noSuchUpload(uploadId);
  const text = r.body.toString('utf8');
  if (!/<CompleteMultipartUpload[\s>]/.test(text)) throw S3Errors.malformedXml();
  const blocks = [...text.matchAll(/<Part>([\s\S]*?)<\/Part>/g)].map((m) => m[1] ?? '');
  if (blocks.length === 0) throw S3Errors.malformedXml();
  const listed = blocks.map((b) => ({ n: Number(tag(b, 'PartNumber')), etag: tag(b, 'ETag') ?? '', block: b }));
  let previous = 0;
  for (const p of listed) {
    if (!Number.isInteger(p.n)) throw S3Errors.malformedXml();
    if (p.n <= previous) {
      throw s3Error(400, 'InvalidPartOrder', 'The list of parts was not in ascending order. Parts must be ordered by part number.', { UploadId: uploadId });
    }
    previous = p.n;
  }
  const chosen: UploadedPart[] = [];
  for (const [i, p] of listed.entries()) {
    const part = u.parts.get(p.n);
    const want = p.etag.replace(/"/g, '');
    const sentChecksum = u.checksumAlgorithm ? tag(p.block, `Checksum${u.checksumAlgorithm}`) : undefined;
    if (!part || want !== part.md5 || (sentChecksum !== undefined && sentChecksum !== part.checksum)) {
      throw s3Error(
        400,
        'InvalidPart',
        "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
        { UploadId: uploadId, PartNumber: p.n, ETag: p.etag },
      );
    }
    if (i < listed.length - 1 && part.body.length < MIN_PART_SIZE) {
      throw s3Error(400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size', {
        ProposedSize: part.body.length,
        MinSizeAllowed: MIN_PART_SIZE,
        PartNumber: p.n,
        ETag: `"${part.md5}"`,
      });
    }
    chosen.push(part);
  }
  const body = Buffer.concat(chosen.map((p) => p.body));
  const etag = multipartEtag(chosen.map((p) => p.md5));
  let objectChecksum: S3Checksum | undefined;
  if (u.checksumAlgorithm) {
    objectChecksum =
      u.checksumType === 'FULL_OBJECT'
        ? { algorithm: u.checksumAlgorithm, value: checksum(u.checksumAlgorithm, body), type: 'FULL_OBJECT' }
        : { algorithm: u.checksumAlgorithm, value: compositeChecksum(u.checksumAlgorithm, chosen.map((p) => p.checksum ?? '')), type: 'COMPOSITE' };
  }
  r.store.put(bucket, key, body, { contentType: u.contentType, headers: u.headers, checksum: objectChecksum, etag, parts: chosen.length });
  r.store.endUpload(uploadId);
  const location = `${r.baseUrl}/${encodeURIComponent(bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;
  let inner = el('Location', location) + el('Bucket', bucket) + el('Key', key) + el('ETag', etag);
  if (objectChecksum) inner += el(`Checksum${objectChecksum.algorithm}`, objectChecksum.value) + el('ChecksumType', objectChecksum.type);
  return {
    status: 200,
    headers: { 'Content-Type': 'application/xml', 'x-amz-server-side-encryption': 'AES256' },
    body: xml('CompleteMultipartUploadResult', inner),
    recordBody: text,
  };
}

function abortMultipartUpload(r: S3Request, bucket: string, key: string): S3Reply {
  const uploadId = r.query.get('uploadId') ?? '';
  if (!r.store.upload(bucket, key, uploadId)) throw S3Errors.noSuchUpload(uploadId);
  r.store.endUpload(uploadId);
  return { status: 204 };
}

interface ListToken {
  /** Resume after this key; `prefix` marks a common prefix whose keys are all skipped. */
  after: string;
  prefix?: boolean;
}

const encodeListToken = (t: ListToken) => Buffer.from(`fake-s3-page:${JSON.stringify(t)}`).toString('base64');
function decodeListToken(token: string): ListToken {
  const text = Buffer.from(token, 'base64').toString('utf8');
  try {
    if (text.startsWith('fake-s3-page:')) {
      const t = JSON.parse(text.slice('fake-s3-page:'.length)) as ListToken;
      if (typeof t.after === 'string') return t;
    }
  } catch {
    // fall through
  }
  throw s3Error(400, 'InvalidArgument', 'The continuation token provided is incorrect', { ArgumentName: 'continuation-token', ArgumentValue: token });
}

function listObjectsV2(r: S3Request, bucket: string): S3Reply {
  const q = r.query;
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') ?? '';
  const startAfter = q.get('start-after') ?? '';
  const token = q.get('continuation-token');
  const encodeUrl = q.get('encoding-type') === 'url';
  if (q.has('encoding-type') && !encodeUrl) {
    throw s3Error(400, 'InvalidArgument', 'Invalid Encoding Method specified in Request', { ArgumentName: 'encoding-type', ArgumentValue: q.get('encoding-type') ?? '' });
  }
  const maxKeysParam = q.get('max-keys');
  let maxKeys = MAX_KEYS;
  if (maxKeysParam !== null) {
    maxKeys = Number(maxKeysParam);
    if (!/^\d+$/.test(maxKeysParam) || !Number.isSafeInteger(maxKeys)) {
      throw s3Error(400, 'InvalidArgument', 'Provided max-keys not an integer or within integer range', { ArgumentName: 'max-keys', ArgumentValue: maxKeysParam });
    }
  }
  const pageSize = Math.min(maxKeys, MAX_KEYS, r.world.s3ListPageSize);
  const from = token !== null ? decodeListToken(token) : undefined;
  const enc = (s: string) => (encodeUrl ? s.split('/').map(encodeURIComponent).join('/') : s);

  const contents: S3Object[] = [];
  const commonPrefixes: string[] = [];
  let truncated = false;
  let next: ListToken | undefined;
  for (const key of r.store.keys(bucket, prefix)) {
    if (startAfter && compareKeys(key, startAfter) <= 0) continue;
    if (from && (compareKeys(key, from.after) <= 0 || (from.prefix && key.startsWith(from.after)))) continue;
    const rest = key.slice(prefix.length);
    const cut = delimiter ? rest.indexOf(delimiter) : -1;
    const cp = cut >= 0 ? prefix + rest.slice(0, cut + delimiter.length) : undefined;
    if (cp !== undefined && commonPrefixes.at(-1) === cp) continue;
    if (contents.length + commonPrefixes.length >= pageSize) {
      truncated = true;
      break;
    }
    if (cp !== undefined) {
      commonPrefixes.push(cp);
      next = { after: cp, prefix: true };
    } else {
      const o = r.store.get(bucket, key);
      if (o) contents.push(o);
      next = { after: key };
    }
  }
  let inner = el('Name', bucket) + el('Prefix', enc(prefix));
  if (token !== null) inner += el('ContinuationToken', token);
  if (startAfter) inner += el('StartAfter', enc(startAfter));
  inner += el('KeyCount', contents.length + commonPrefixes.length) + el('MaxKeys', maxKeys);
  if (delimiter) inner += el('Delimiter', enc(delimiter));
  if (encodeUrl) inner += el('EncodingType', 'url');
  inner += el('IsTruncated', truncated);
  if (truncated && next) inner += el('NextContinuationToken', encodeListToken(next));
  const owner = q.get('fetch-owner') === 'true' ? `<Owner>${el('ID', fakeId(r.world.accountId, 64).toLowerCase())}</Owner>` : '';
  for (const o of contents) {
    inner +=
      '<Contents>' +
      el('Key', enc(o.key)) +
      el('LastModified', o.lastModified.toISOString()) +
      el('ETag', o.etag) +
      (o.checksum ? el('ChecksumAlgorithm', o.checksum.algorithm) + el('ChecksumType', o.checksum.type) : '') +
      el('Size', o.body.length) +
      owner +
      el('StorageClass', 'STANDARD') +
      '</Contents>';
  }
  for (const cp of commonPrefixes) inner += `<CommonPrefixes>${el('Prefix', enc(cp))}</CommonPrefixes>`;
  return { status: 200, headers: { 'Content-Type': 'application/xml' }, body: xml('ListBucketResult', inner) };
}

function listBuckets(r: S3Request): S3Reply {
  const buckets = r.world.s3Buckets
    .map((b) => `<Bucket>${el('Name', b.name)}${el('CreationDate', '2025-01-01T00:00:00.000Z')}${el('BucketRegion', b.region ?? r.region)}</Bucket>`)
    .join('');
  const owner = `<Owner>${el('ID', fakeId(r.world.accountId, 64).toLowerCase())}</Owner>`;
  return { status: 200, headers: { 'Content-Type': 'application/xml' }, body: xml('ListAllMyBucketsResult', `${owner}<Buckets>${buckets}</Buckets>`) };
}

/** Serve one S3 request (auth already checked). Throws FakeBedrockError with an S3ErrorSpec. */
export function handleS3(r: S3Request): S3Reply {
  const { operation, bucket = '', key = '' } = r.route;
  if (operation === 'Unknown') throw S3Errors.notImplemented();
  if (operation === 'ListBuckets') return listBuckets(r);
  const b = requireBucket(r.world, bucket, r.region);
  switch (operation) {
    case 'HeadBucket':
      return { status: 200, headers: { 'x-amz-bucket-region': b.region ?? r.region, 'x-amz-access-point-alias': 'false' } };
    case 'ListObjectsV2':
      return listObjectsV2(r, bucket);
    case 'PutObject':
      return putObject(r, bucket, key);
    case 'GetObject':
      return getObject(r, bucket, key, false);
    case 'HeadObject':
      return getObject(r, bucket, key, true);
    case 'DeleteObject':
      r.store.delete(bucket, key);
      return { status: 204 };
    case 'CreateMultipartUpload':
      return createMultipartUpload(r, bucket, key);
    case 'UploadPart':
      return uploadPart(r, bucket, key);
    case 'CompleteMultipartUpload':
      return completeMultipartUpload(r, bucket, key);
    case 'AbortMultipartUpload':
      return abortMultipartUpload(r, bucket, key);
    default:
      throw S3Errors.notImplemented();
  }
}

// ---------------------------------------------------------------------------
// Response writing

/** S3's request IDs: a 16-hex-digit x-amz-request-id and a base64 x-amz-id-2. */
export function s3RequestIds(requestId: string): Record<string, string> {
  return {
    'x-amz-request-id': requestId.replace(/-/g, '').slice(0, 16).toUpperCase(),
    'x-amz-id-2': createHash('sha256').update(requestId).digest('base64'),
  };
}

export function writeS3Reply(res: ServerResponse, reply: S3Reply, requestId: string): void {
  const body = reply.body === undefined ? undefined : Buffer.isBuffer(reply.body) ? reply.body : Buffer.from(reply.body);
  const headers: Record<string, string> = { ...s3RequestIds(requestId), Server: 'AmazonS3', ...reply.headers };
  if (body) headers['Content-Length'] = String(body.length);
  else if (!('Content-Length' in headers) && reply.status !== 204) headers['Content-Length'] = '0';
  res.writeHead(reply.status, headers);
  res.end(body);
}

/**
 * Errors the shared front door raises (auth, faults) in S3's words. S3's own
 * errors (S3ErrorSpec) pass through.
 */
export function s3ErrorFor(spec: ErrorSpec, scopeRegion?: string, accessKeyId?: string): S3ErrorSpec {
  // S3's own errors, and S3 codes a test put in a fault (e.g. {name: 'SlowDown', …}), pass through.
  if ((spec as S3ErrorSpec).s3 || (/^[A-Z][A-Za-z0-9]+$/.test(spec.name) && !spec.name.endsWith('Exception'))) return spec as S3ErrorSpec;
  switch (spec.name) {
    case 'MissingAuthenticationTokenException':
      return { ...spec, status: 403, name: 'AccessDenied', message: 'Access Denied' };
    case 'IncompleteSignatureException':
      return { ...spec, status: 400, name: 'AuthorizationHeaderMalformed', message: `The authorization header is malformed; ${spec.message}` };
    case 'InvalidSignatureException':
      return { ...spec, status: 400, name: 'AuthorizationHeaderMalformed', message: `The authorization header is malformed; the region '${scopeRegion ?? ''}' is wrong; expecting 'us-east-1'`, fields: { Region: 'us-east-1' } };
    case 'UnrecognizedClientException':
      return { ...spec, status: 403, name: 'InvalidAccessKeyId', message: 'The AWS Access Key Id you provided does not exist in our records.', fields: { AWSAccessKeyId: accessKeyId ?? '' } };
    case 'ExpiredTokenException':
      return { ...spec, status: 400, name: 'ExpiredToken', message: 'The provided token has expired.' };
    case 'ThrottlingException':
      return { ...spec, status: 503, name: 'SlowDown', message: 'Please reduce your request rate.' };
    case 'InternalServerException':
      return { ...spec, status: 500, name: 'InternalError', message: 'We encountered an internal error. Please try again.' };
    case 'ServiceUnavailableException':
      return { ...spec, status: 503, name: 'ServiceUnavailable', message: 'Service is unable to handle request.' };
    case 'AccessDeniedException':
      return { ...spec, status: 403, name: 'AccessDenied', message: 'Access Denied' };
    case 'UnknownOperationException':
      return { ...spec, status: 501, name: 'NotImplemented', message: 'A header you provided implies functionality that is not implemented' };
    default:
      return { ...spec, name: spec.name.replace(/Exception$/, '') };
  }
}

/** `<Error><Code>…</Code><Message>…</Message>…<RequestId>…</RequestId><HostId>…</HostId></Error>`; HEAD gets no body. */
export function writeS3Error(res: ServerResponse, e: S3ErrorSpec, requestId: string, head: boolean): void {
  const ids = s3RequestIds(requestId);
  const extra = Object.entries(e.fields ?? {})
    .map(([k, v]) => el(k, v))
    .join('');
  const body = head
    ? ''
    : `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${el('Code', e.name)}${el('Message', e.message)}${extra}${el('RequestId', ids['x-amz-request-id'] ?? '')}${el('HostId', ids['x-amz-id-2'] ?? '')}</Error>`;
  const headers: Record<string, string> = { ...ids, Server: 'AmazonS3', 'Content-Length': String(Buffer.byteLength(body)) };
  if (!head) headers['Content-Type'] = 'application/xml';
  if (e.name === 'AuthorizationHeaderMalformed' && e.fields?.Region !== undefined) headers['x-amz-bucket-region'] = String(e.fields.Region);
  res.writeHead(e.status, headers);
  res.end(body);
}
