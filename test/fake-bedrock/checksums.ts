// The checksums S3 computes and compares: MD5 (ETag, Content-MD5), the
// flexible checksums the SDK sends as x-amz-checksum-* (CRC32, CRC32C,
// CRC64NVME, SHA1, SHA256), and S3's composite "checksum of checksums".
import { createHash } from 'node:crypto';
import { crc32 as zlibCrc32 } from 'node:zlib';

export type ChecksumAlgorithm = 'CRC32' | 'CRC32C' | 'CRC64NVME' | 'SHA1' | 'SHA256';
export const CHECKSUM_ALGORITHMS: ChecksumAlgorithm[] = ['CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'];

export function md5Hex(data: Uint8Array): string {
  return createHash('md5').update(data).digest('hex');
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

const CRC32C_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    t[i] = c >>> 0;
  }
  return t;
})();

function crc32c(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC32C_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// CRC-64/NVME (reflected poly 0x9a6c9329ac4bc9b5), as two 32-bit halves for speed.
const CRC64_TABLE = (() => {
  const poly = 0x9a6c9329ac4bc9b5n;
  const hi = new Uint32Array(256);
  const lo = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = BigInt(i);
    for (let k = 0; k < 8; k++) c = c & 1n ? poly ^ (c >> 1n) : c >> 1n;
    hi[i] = Number(c >> 32n);
    lo[i] = Number(c & 0xffffffffn);
  }
  return { hi, lo };
})();

function crc64nvme(data: Uint8Array): Buffer {
  let hi = 0xffffffff;
  let lo = 0xffffffff;
  for (const byte of data) {
    const i = (lo ^ byte) & 0xff;
    // (c >> 8) ^ table[i]
    const nlo = ((lo >>> 8) | ((hi & 0xff) << 24)) >>> 0;
    const nhi = hi >>> 8;
    lo = (nlo ^ (CRC64_TABLE.lo[i] ?? 0)) >>> 0;
    hi = (nhi ^ (CRC64_TABLE.hi[i] ?? 0)) >>> 0;
  }
  const out = Buffer.alloc(8);
  out.writeUInt32BE((hi ^ 0xffffffff) >>> 0, 0);
  out.writeUInt32BE((lo ^ 0xffffffff) >>> 0, 4);
  return out;
}

/** The raw digest bytes for an algorithm. */
export function rawChecksum(algorithm: ChecksumAlgorithm, data: Uint8Array): Buffer {
  switch (algorithm) {
    case 'CRC32':
      return u32(zlibCrc32(data));
    case 'CRC32C':
      return u32(crc32c(data));
    case 'CRC64NVME':
      return crc64nvme(data);
    case 'SHA1':
      return createHash('sha1').update(data).digest();
    case 'SHA256':
      return createHash('sha256').update(data).digest();
  }
}

/** Base64 digest, the form of x-amz-checksum-* headers. */
export function checksum(algorithm: ChecksumAlgorithm, data: Uint8Array): string {
  return rawChecksum(algorithm, data).toString('base64');
}

/** S3's composite checksum of a multipart object: digest of the parts' raw digests, then `-N`. */
export function compositeChecksum(algorithm: ChecksumAlgorithm, partChecksums: string[]): string {
  const joined = Buffer.concat(partChecksums.map((c) => Buffer.from(c, 'base64')));
  return `${checksum(algorithm, joined)}-${partChecksums.length}`;
}

/** Multipart ETag: MD5 of the parts' binary MD5s, then `-N` (quoted). */
export function multipartEtag(partMd5Hex: string[]): string {
  const joined = Buffer.concat(partMd5Hex.map((h) => Buffer.from(h, 'hex')));
  return `"${md5Hex(joined)}-${partMd5Hex.length}"`;
}

export function parseAlgorithm(value: string | undefined): ChecksumAlgorithm | undefined {
  const v = value?.toUpperCase();
  return CHECKSUM_ALGORITHMS.find((a) => a === v);
}
