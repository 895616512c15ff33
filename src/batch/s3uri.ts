// s3://bucket/prefix, checked the way S3 checks bucket names, so a typo fails before any upload.
import { usageError } from '../errors.js';

export interface S3Location {
  bucket: string;
  /** The key prefix, without leading or trailing slashes ("" for the bucket root). */
  prefix: string;
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export function parseS3Uri(uri: string, what = '--s3'): S3Location {
  const match = uri.match(/^s3:\/\/([^/]+)\/?(.*)$/);
  const fix = 'Give an S3 URI such as s3://my-bucket/batch-jobs.';
  if (!match) throw usageError(`${what} "${uri}" is not an S3 URI`, fix);
  const [, bucket = '', rest = ''] = match;
  if (!BUCKET.test(bucket) || bucket.includes('..')) {
    throw usageError(`${what}: "${bucket}" is not a valid bucket name`, 'Bucket names are 3–63 lowercase letters, digits, dots and hyphens.');
  }
  return { bucket, prefix: rest.replace(/^\/+|\/+$/g, '') };
}

/** s3://bucket/prefix/part/part… */
export function s3Uri(location: S3Location, ...parts: string[]): string {
  return `s3://${location.bucket}/${keyOf(location, ...parts)}`;
}

export function keyOf(location: S3Location, ...parts: string[]): string {
  return [location.prefix, ...parts].filter(Boolean).join('/');
}
