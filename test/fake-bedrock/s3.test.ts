// The fake S3 through the real @aws-sdk/client-s3 (path-style) and @aws-sdk/lib-storage.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  paginateListObjectsV2,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sdkConfig, signedFetch, TEMPORARY_CREDENTIALS } from './clients.js';
import { FAKE_BATCH_BUCKET, startFakeBedrock, type FakeBedrock } from './server.js';

const BUCKET = FAKE_BATCH_BUCKET;
const MB = 1024 * 1024;
let fake: FakeBedrock;
let s3: S3Client;

const md5 = (b: Uint8Array) => createHash('md5').update(b).digest('hex');
/** Deterministic non-repeating bytes (so a misplaced part changes the content). */
function bytes(n: number, salt = 0): Buffer {
  const b = Buffer.alloc(n);
  let x = 2463534242 + salt;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  return b;
}

async function read(key: string, bucket = BUCKET, extra: { ChecksumMode?: 'ENABLED' } = {}): Promise<Buffer> {
  const r = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, ...extra }));
  return Buffer.from((await r.Body?.transformToByteArray()) ?? []);
}

async function s3Error(p: Promise<unknown>): Promise<S3ServiceException & { BucketName?: string; Key?: string }> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(S3ServiceException);
  return e as S3ServiceException;
}

beforeAll(async () => {
  fake = await startFakeBedrock({ world: { s3Buckets: [BUCKET, 'other-bucket', { name: 'locked', forbidden: true }, { name: 'eu-bucket', region: 'eu-west-1' }] } });
  s3 = new S3Client({ ...sdkConfig(fake), forcePathStyle: true });
});
afterAll(async () => {
  s3.destroy();
  await fake.close();
});
beforeEach(() => fake.reset());

describe('objects', () => {
  it('Upload of a small body is one PutObject; GetObject/HeadObject round-trip it byte-exact', async () => {
    const body = Buffer.from('{"recordId":"R1"}\n{"recordId":"R2"}\n');
    const up = new Upload({ client: s3, params: { Bucket: BUCKET, Key: 'in/small.jsonl', Body: body, ContentType: 'application/jsonl' } });
    const done = await up.done();
    expect(done.ETag).toBe(`"${md5(body)}"`);
    expect(fake.requests.map((r) => r.operation)).toEqual(['PutObject']);
    const put = fake.lastRequest('PutObject');
    expect(put).toMatchObject({
      method: 'PUT',
      s3: { bucket: BUCKET, key: 'in/small.jsonl' },
      body: body.toString(),
      region: 'us-west-2',
      auth: { service: 's3' },
      headers: { authorization: 'REDACTED', 'x-amz-checksum-crc32': expect.any(String) },
      response: { status: 200 },
    });
    expect(put?.path).toBe(`/${BUCKET}/in/small.jsonl`);

    expect(await read('in/small.jsonl')).toEqual(body);
    expect(await read('in/small.jsonl', BUCKET, { ChecksumMode: 'ENABLED' })).toEqual(body); // the SDK validates the CRC32
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'in/small.jsonl' }));
    expect(head).toMatchObject({ ContentLength: body.length, ContentType: 'application/jsonl', ETag: `"${md5(body)}"` });
    expect(head.LastModified).toBeInstanceOf(Date);
    expect(fake.s3.get(BUCKET, 'in/small.jsonl')).toEqual(body);
  });

  it('Upload of 12 MB with 5 MB parts is a multipart upload with S3 ETag and checksums', async () => {
    const body = bytes(12 * MB);
    const up = new Upload({ client: s3, params: { Bucket: BUCKET, Key: 'big/blob.bin', Body: body }, partSize: 5 * MB, queueSize: 2 });
    const done = await up.done();
    const ops = fake.requests.map((r) => r.operation);
    expect(ops[0]).toBe('CreateMultipartUpload');
    expect(ops.filter((o) => o === 'UploadPart')).toHaveLength(3);
    expect(ops.at(-1)).toBe('CompleteMultipartUpload');
    const partMd5s = [body.subarray(0, 5 * MB), body.subarray(5 * MB, 10 * MB), body.subarray(10 * MB)].map(md5);
    const expected = `"${md5(Buffer.concat(partMd5s.map((h) => Buffer.from(h, 'hex'))))}-3"`;
    expect(done.ETag).toBe(expected);
    expect(done.Location).toBe(`${fake.url}/${BUCKET}/big/blob.bin`);
    expect(fake.lastRequest('CompleteMultipartUpload')?.body).toMatch(/<CompleteMultipartUpload[\s\S]*<ChecksumCRC32>/);
    expect(fake.lastRequest('UploadPart')?.body).toBeUndefined(); // parts over 1 MiB are not kept in the recording
    expect(fake.requestsFor('UploadPart').some((r) => r.headers.expect === '100-continue')).toBe(true); // 5 MB parts
    expect(fake.requestsFor('UploadPart').every((r) => r.headers['x-amz-checksum-crc32'])).toBe(true);

    const got = await read('big/blob.bin', BUCKET, { ChecksumMode: 'ENABLED' }); // composite CRC32 "…-3"
    expect(got.length).toBe(body.length);
    expect(got.equals(body)).toBe(true);
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'big/blob.bin', ChecksumMode: 'ENABLED' }));
    expect(head.ETag).toBe(expected);
    expect(head.ChecksumCRC32).toMatch(/-3$/);
    expect(head.ChecksumType).toBe('COMPOSITE');
  });

  it('accepts a streamed (aws-chunked, trailing checksum) PutObject and stores the decoded bytes', async () => {
    const body = bytes(300_000, 7);
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'stream.bin', Body: Readable.from([body.subarray(0, 100_000), body.subarray(100_000)]), ContentLength: body.length }));
    const rec = fake.lastRequest('PutObject');
    expect(rec?.headers['content-encoding']).toContain('aws-chunked');
    expect(rec?.headers['x-amz-trailer']).toBe('x-amz-checksum-crc32');
    expect(fake.s3.get(BUCKET, 'stream.bin')?.equals(body)).toBe(true);
    expect((await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'stream.bin' }))).ContentEncoding).toBeUndefined();
  });

  it('objects put by the test helper get S3 default CRC64NVME checksums the SDK can validate', async () => {
    fake.s3.put(BUCKET, 'helper.txt', 'from the test');
    expect((await read('helper.txt', BUCKET, { ChecksumMode: 'ENABLED' })).toString()).toBe('from the test');
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'helper.txt', ChecksumMode: 'ENABLED' }));
    expect(head.ChecksumCRC64NVME).toBeDefined();
    expect(() => fake.s3.put('no-such-bucket', 'k', 'x')).toThrow(/no bucket/);
  });

  it('serves byte ranges', async () => {
    fake.s3.put(BUCKET, 'r.txt', '0123456789');
    const r = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'r.txt', Range: 'bytes=2-5' }));
    expect(r.ContentRange).toBe('bytes 2-5/10');
    expect(await r.Body?.transformToString()).toBe('2345');
  });
});

describe('ListObjectsV2', () => {
  beforeEach(() => {
    for (let i = 0; i < 7; i++) fake.s3.put(BUCKET, `jobs/in/part-${i}.jsonl`, `line ${i}\n`);
    fake.s3.put(BUCKET, 'jobs/out/x/result.jsonl.out', 'r');
    fake.s3.put(BUCKET, 'other.txt', 'o');
  });

  it('lists a prefix in pages with continuation tokens (max-keys), the same as one page', async () => {
    const pages: string[][] = [];
    for await (const page of paginateListObjectsV2({ client: s3, pageSize: 3 }, { Bucket: BUCKET, Prefix: 'jobs/in/' })) {
      pages.push((page.Contents ?? []).map((c) => c.Key ?? ''));
      expect(page.KeyCount).toBe(page.Contents?.length);
    }
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    const one = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'jobs/in/' }));
    expect(pages.flat()).toEqual(one.Contents?.map((c) => c.Key));
    expect(one).toMatchObject({ IsTruncated: false, MaxKeys: 1000, KeyCount: 7, Prefix: 'jobs/in/', Name: BUCKET });
    expect(one.Contents?.[0]).toMatchObject({ Key: 'jobs/in/part-0.jsonl', Size: 7, ETag: `"${md5(Buffer.from('line 0\n'))}"`, StorageClass: 'STANDARD' });
    expect(one.Contents?.[0]?.LastModified).toBeInstanceOf(Date);
    expect(fake.requestsFor('ListObjectsV2')[1]?.query).toMatchObject({ 'list-type': '2', prefix: 'jobs/in/', 'continuation-token': expect.any(String) });
  });

  it('caps pages at world.s3ListPageSize and supports delimiter / start-after', async () => {
    fake.world.s3ListPageSize = 4;
    const first = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));
    expect(first).toMatchObject({ KeyCount: 4, IsTruncated: true, MaxKeys: 1000 });
    const all = [];
    for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: BUCKET })) all.push(...(page.Contents ?? []).map((c) => c.Key));
    expect(all).toEqual(fake.s3.list(BUCKET));
    expect(all).toHaveLength(9);
    fake.world.s3ListPageSize = 1000;
    const tree = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'jobs/', Delimiter: '/' }));
    expect(tree.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['jobs/in/', 'jobs/out/']);
    expect(tree.Contents).toBeUndefined();
    const after = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'jobs/in/', StartAfter: 'jobs/in/part-4.jsonl' }));
    expect(after.Contents?.map((c) => c.Key)).toEqual(['jobs/in/part-5.jsonl', 'jobs/in/part-6.jsonl']);
  });
});

describe('S3 errors', () => {
  it('NoSuchBucket and NoSuchKey as S3 XML errors', async () => {
    const nb = await s3Error(read('k', 'missing-bucket'));
    expect(nb).toMatchObject({ name: 'NoSuchBucket', message: 'The specified bucket does not exist', $metadata: { httpStatusCode: 404 }, BucketName: 'missing-bucket' });
    const nk = await s3Error(read('nope.jsonl'));
    expect(nk).toMatchObject({ name: 'NoSuchKey', message: 'The specified key does not exist.', $metadata: { httpStatusCode: 404 } });
    expect(fake.lastRequest()).toMatchObject({ operation: 'GetObject', response: { status: 404, errorName: 'NoSuchKey' } });
    // HEAD errors have no body: the SDK names them from the status.
    const head = await s3Error(s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'nope' })));
    expect(head).toMatchObject({ name: 'NotFound', $metadata: { httpStatusCode: 404 } });
    await expect(s3.send(new HeadBucketCommand({ Bucket: 'missing-bucket' }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
    expect((await s3.send(new HeadBucketCommand({ Bucket: BUCKET }))).BucketRegion).toBe('us-west-2');
  });

  it('the raw error body is S3 XML with the request IDs', async () => {
    const r = await signedFetch(`${fake.url}/missing-bucket/a/b.jsonl`, { method: 'GET', service: 's3', region: 'us-west-2', headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } });
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toBe('application/xml');
    expect(r.headers.get('x-amz-request-id')).toMatch(/^[0-9A-F]{16}$/);
    const text = await r.text();
    expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>NoSuchBucket<\/Code><Message>The specified bucket does not exist<\/Message><BucketName>missing-bucket<\/BucketName><RequestId>[0-9A-F]{16}<\/RequestId><HostId>[^<]+<\/HostId><\/Error>$/);
  });

  it('AccessDenied on a forbidden bucket; AuthorizationHeaderMalformed for a bucket in another region', async () => {
    fake.s3.put('locked', 'secret.jsonl', 'x');
    expect(await s3Error(read('secret.jsonl', 'locked'))).toMatchObject({ name: 'AccessDenied', message: 'Access Denied', $metadata: { httpStatusCode: 403 } });
    const wrong = await s3Error(s3.send(new PutObjectCommand({ Bucket: 'eu-bucket', Key: 'k', Body: 'x' })));
    expect(wrong).toMatchObject({ name: 'AuthorizationHeaderMalformed', $metadata: { httpStatusCode: 400 } });
    expect(wrong.message).toBe("The authorization header is malformed; the region 'us-west-2' is wrong; expecting 'eu-west-1'");
  });

  it('multipart errors: NoSuchUpload, InvalidPart, EntityTooSmall, and abort', async () => {
    const key = 'mp/test.bin';
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: key }));
    expect(UploadId).toBeTruthy();
    const p1 = await s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId, PartNumber: 1, Body: bytes(1000) }));
    const p2 = await s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId, PartNumber: 2, Body: bytes(1000, 1) }));
    const complete = (parts: Array<{ PartNumber: number; ETag?: string }>) =>
      s3.send(new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: key, UploadId, MultipartUpload: { Parts: parts } }));
    expect(await s3Error(complete([{ PartNumber: 1, ETag: '"0000"' }]))).toMatchObject({ name: 'InvalidPart', $metadata: { httpStatusCode: 400 } });
    expect(await s3Error(complete([{ PartNumber: 2, ETag: p2.ETag }, { PartNumber: 1, ETag: p1.ETag }]))).toMatchObject({ name: 'InvalidPartOrder' });
    expect(await s3Error(complete([{ PartNumber: 1, ETag: p1.ETag }, { PartNumber: 2, ETag: p2.ETag }]))).toMatchObject({
      name: 'EntityTooSmall',
      message: 'Your proposed upload is smaller than the minimum allowed size',
    });
    await s3.send(new AbortMultipartUploadCommand({ Bucket: BUCKET, Key: key, UploadId }));
    expect(fake.lastRequest()).toMatchObject({ operation: 'AbortMultipartUpload', response: { status: 204 } });
    expect(await s3Error(s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId, PartNumber: 3, Body: 'x' })))).toMatchObject({
      name: 'NoSuchUpload',
      $metadata: { httpStatusCode: 404 },
    });
    expect(fake.s3.list(BUCKET, 'mp/')).toEqual([]);
  });

  it('checks Content-MD5 and flexible checksums (BadDigest)', async () => {
    const e = await s3Error(s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'bad', Body: 'abc', ContentMD5: Buffer.alloc(16).toString('base64') })));
    expect(e).toMatchObject({ name: 'BadDigest', message: 'The Content-MD5 you specified did not match what we received.' });
    const c = await s3Error(s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'bad', Body: 'abc', ChecksumSHA256: Buffer.alloc(32).toString('base64') })));
    expect(c).toMatchObject({ name: 'BadDigest', message: 'The SHA256 you specified did not match the calculated checksum.' });
    expect(fake.s3.get(BUCKET, 'bad')).toBeUndefined();
  });

  it('faults speak S3: throttling is 503 SlowDown; auth failures are S3 codes', async () => {
    fake.setFaults({ throttle: 1, operations: ['GetObject'] });
    fake.s3.put(BUCKET, 'k', 'v');
    expect(await s3Error(read('k'))).toMatchObject({ name: 'SlowDown', message: 'Please reduce your request rate.', $metadata: { httpStatusCode: 503 } });
    expect((await read('k')).toString()).toBe('v');
    fake.setWorld({ s3Buckets: [BUCKET], auth: { accessKeyIds: ['AKIDSOMEONEELSE00001'] } });
    const denied = await s3Error(read('k'));
    expect(denied).toMatchObject({ name: 'InvalidAccessKeyId', $metadata: { httpStatusCode: 403 } });
    const temp = new S3Client({ ...sdkConfig(fake, { credentials: { ...TEMPORARY_CREDENTIALS, sessionToken: undefined } }), forcePathStyle: true });
    fake.setWorld({ s3Buckets: [BUCKET] });
    await expect(temp.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'k' }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
    temp.destroy();
  });
});
