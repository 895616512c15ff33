// Entry point of the bundle: real process IO and environment.
import { systemIO } from './io.js';
import { main } from './main.js';

export async function run(): Promise<number> {
  return main(process.argv.slice(2), systemIO(), process.env);
}
