// The clockSkewMs fault: the fake's Date header runs ahead of (or behind) the real clock, as a
// server would see a client whose clock drifted. Used by `doctor`'s clock check.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeBedrock, type FakeBedrock } from './server.js';

const HOUR = 60 * 60 * 1000;
let fake: FakeBedrock;
beforeAll(async () => {
  fake = await startFakeBedrock();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

async function serverDate(path = '/foundation-models'): Promise<number> {
  const response = await fetch(`${fake.url}${path}`);
  await response.arrayBuffer();
  return Date.parse(response.headers.get('date') ?? '');
}

describe('clockSkewMs fault', () => {
  it('without it, the Date header is the real time', async () => {
    expect(Math.abs((await serverDate()) - Date.now())).toBeLessThan(HOUR);
  });

  it('shifts the Date header of every response, errors included', async () => {
    fake.setFaults({ clockSkewMs: 2 * HOUR });
    const ahead = (await serverDate()) - Date.now(); // unsigned: a 403 answer
    expect(ahead).toBeGreaterThan(HOUR);
    expect(ahead).toBeLessThan(3 * HOUR);
    fake.setFaults({ clockSkewMs: -2 * HOUR });
    expect((await serverDate()) - Date.now()).toBeLessThan(-HOUR);
  });

  it('follows the operations filter', async () => {
    fake.setFaults({ clockSkewMs: 2 * HOUR, operations: ['GetCallerIdentity'] });
    expect(Math.abs((await serverDate()) - Date.now())).toBeLessThan(HOUR);
  });
});
