// The process IO: blocking writes to a pipe or file descriptor, handing over to a stream when the
// descriptor is non-blocking, and the colour rules.
import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { colorEnabled, descriptorOutput } from '../../src/io.js';
import { tempDir } from '../helpers/tmp.js';

/** A stream that keeps what is written to it. */
function collector() {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

const fail = (err: Error) => {
  throw err;
};

describe('descriptorOutput', () => {
  it('writes every chunk to a file, in order, multi-byte characters whole', async () => {
    const path = join(await tempDir(), 'out.txt');
    const fd = openSync(path, 'w');
    const out = descriptorOutput(fd, () => fail(new Error('no stream needed')) as never, fail);
    out.write('Claude → Bedrock\n');
    out.write('naïve · ünïcödé\n');
    closeSync(fd);
    expect(readFileSync(path, 'utf8')).toBe('Claude → Bedrock\nnaïve · ünïcödé\n');
  });

  it('hands a non-blocking pipe that is full over to the stream, losing and reordering nothing', async () => {
    const fifo = join(await tempDir(), 'fifo');
    execFileSync('mkfifo', [fifo]);
    // Read-write and non-blocking: the pipe takes what fits in its buffer, then EAGAIN.
    const fd = openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK);
    const rest = collector();
    const out = descriptorOutput(fd, () => rest.stream, fail);
    const lines = Array.from({ length: 4000 }, (_, i) => `line ${i} ${'x'.repeat(40)}\n`);
    for (const line of lines) out.write(line);

    const inPipe: Buffer[] = [];
    const buffer = Buffer.alloc(65536);
    for (;;) {
      let n = 0;
      try {
        n = readSync(fd, buffer);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EAGAIN') break;
        throw err;
      }
      if (n === 0) break;
      inPipe.push(Buffer.from(buffer.subarray(0, n)));
    }
    closeSync(fd);
    const piped = Buffer.concat(inPipe).toString('utf8');
    expect(piped.length).toBeGreaterThan(0);
    expect(rest.text().length).toBeGreaterThan(0); // the pipe filled up: the stream took the rest
    expect(piped + rest.text()).toBe(lines.join(''));
  });

  it('reports a write error (a closed descriptor) to onError instead of throwing', async () => {
    const path = join(await tempDir(), 'out.txt');
    const fd = openSync(path, 'w');
    closeSync(fd);
    const errors: string[] = [];
    const out = descriptorOutput(fd, () => fail(new Error('no stream for EBADF')) as never, (err) => errors.push(err.code ?? ''));
    expect(out.write('lost\n')).toBe(false);
    expect(errors).toEqual(['EBADF']);
  });
});

describe('colorEnabled', () => {
  it('follows the TTY, and NO_COLOR and --no-color beat FORCE_COLOR', () => {
    expect(colorEnabled(true, {}, false)).toBe(true);
    expect(colorEnabled(false, {}, false)).toBe(false);
    expect(colorEnabled(false, { FORCE_COLOR: '1' }, false)).toBe(true);
    expect(colorEnabled(true, { NO_COLOR: '1', FORCE_COLOR: '1' }, false)).toBe(false);
    expect(colorEnabled(true, { FORCE_COLOR: '1' }, true)).toBe(false);
    expect(colorEnabled(true, { TERM: 'dumb' }, false)).toBe(false);
  });
});
