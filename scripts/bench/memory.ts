// 5. Memory of large attachments: peak RSS of a command with a big PDF minus the same command with a
// one-page PDF (the idle baseline), as a multiple of the file size. Bedrock refuses documents above
// 4.5 MB, and `converse` checks that before sending (exit 4), so the 15 MB file is measured with
// `cost estimate --attach` (reads it and counts its pages), and `converse --dry-run --attach` (reads,
// checks and serialises the whole request, base64 and all) gets the largest document Bedrock takes.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODEL } from './e2e.js';
import { baseEnv, interleave, kib2mb, median, NODE, row, runProcess, type Row, type Settings } from './runner.js';

const MiB = 1024 * 1024;

/** A well-formed PDF of `pages` pages and exactly `size` bytes: each page draws one shared RGB image, and a padding stream fills the rest. */
export function makePdf(size: number, pages: number): Buffer {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    parts.push(buf);
    length += buf.length;
  };
  const object = (n: number, body: string, stream?: Buffer) => {
    offsets[n] = length;
    push(`${n} 0 obj\n${body}\n`);
    if (stream) {
      push('stream\n');
      push(stream);
      push('\nendstream\n');
    }
    push('endobj\n');
  };
  // Objects: 1 catalog, 2 page tree, 3 image, 4 page contents, 5 padding, 6… pages.
  const pageIds = Array.from({ length: pages }, (_, i) => 6 + i);
  const content = Buffer.from('q 612 0 0 792 0 0 cm /Im0 Do Q', 'latin1');
  const width = 512;
  const height = Math.max(1, Math.floor(Math.min(size / 2, size - 4096 - pages * 200) / (width * 3)));
  push('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages} >>`);
  object(3, `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length ${width * height * 3} >>`, randomBytes(width * height * 3));
  object(4, `<< /Length ${content.length} >>`, content);
  const pageObjects = pageIds.map((id) => `${id} 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im0 3 0 R >> >> /Contents 4 0 R >>\nendobj\n`).join('');
  const xrefSize = 6 + pages;
  const xrefLength = `xref\n0 ${xrefSize}\n`.length + 20 * xrefSize;
  const trailerFor = (xrefAt: number) => `trailer\n<< /Size ${xrefSize} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  // Padding stream: whatever is left after the other objects, the xref and the trailer.
  const paddingHeader = (n: number) => `5 0 obj\n<< /Length ${n} >>\nstream\n`;
  const paddingTail = '\nendstream\nendobj\n';
  let pad = 0;
  for (let i = 0; i < 3; i++) {
    const fixed = length + paddingHeader(pad).length + paddingTail.length + pageObjects.length + xrefLength + trailerFor(size).length;
    pad = Math.max(0, size - fixed);
  }
  offsets[5] = length;
  push(paddingHeader(pad));
  push(randomBytes(pad));
  push(paddingTail);
  for (const id of pageIds) {
    offsets[id] = length;
    push(`${id} 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im0 3 0 R >> >> /Contents 4 0 R >>\nendobj\n`);
  }
  const xrefAt = length;
  push(`xref\n0 ${xrefSize}\n0000000000 65535 f \n`);
  for (let n = 1; n < xrefSize; n++) push(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  push(trailerFor(xrefAt));
  return Buffer.concat(parts);
}

export async function memory(s: Settings): Promise<Row[]> {
  const dir = join(s.scratch, 'fixtures');
  mkdirSync(dir, { recursive: true });
  const files = {
    tiny: join(dir, 'tiny.pdf'),
    big: join(dir, 'big-15mb.pdf'),
    max: join(dir, 'max-4-5mb.pdf'),
  };
  writeFileSync(files.tiny, makePdf(4096, 1));
  writeFileSync(files.big, makePdf(15 * MiB, 120));
  writeFileSync(files.max, makePdf(4.5 * MiB, 40));
  const env = baseEnv(s.scratch);
  const peak = async (args: string[], expectCode = 0) => kib2mb((await runProcess(NODE, [s.cli, ...args], { env, cwd: s.scratch, memory: true, expectCode })).maxRssKiB ?? Number.NaN);

  // The substitution, checked: converse refuses the 15 MB document before sending (exit 4).
  await peak(['converse', '--dry-run', '-m', MODEL, '--attach', files.big, 'Summarise.'], 4);

  const cost = (file: string) => () => peak(['cost', 'estimate', '-m', 'sonnet', '--attach', file, '--output-tokens', '500']);
  const dry = (file: string) => () => peak(['converse', '--dry-run', '-m', MODEL, '--attach', file, 'Summarise.']);
  s.log('memory: cost estimate --attach 15 MB PDF, converse --dry-run --attach 4.5 MB PDF');
  const samples = await interleave({ costBig: cost(files.big), costIdle: cost(files.tiny), dryMax: dry(files.max), dryIdle: dry(files.tiny) }, s.runs, 1);
  const m = (k: string) => median(samples[k]!);
  const make = (name: string, big: string, idle: string, fileMb: number) => {
    const above = m(big) - m(idle);
    return row({
      group: '5 memory',
      name,
      ours: above,
      baseline: fileMb,
      baselineLabel: 'file size',
      unit: 'MB',
      target: 3,
      runs: s.runs,
      note: `peak RSS ${m(big).toFixed(1)} MB, idle (1-page PDF) ${m(idle).toFixed(1)} MB`,
      samples: { big: samples[big]!, idle: samples[idle]! },
    });
  };
  return [
    make('cost estimate --attach 15 MB PDF: peak RSS above idle', 'costBig', 'costIdle', 15),
    make('converse --dry-run --attach 4.5 MB PDF (the largest Bedrock takes)', 'dryMax', 'dryIdle', 4.5),
  ];
}
