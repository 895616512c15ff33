#!/usr/bin/env node
// The only place that sets the exit code: everything else returns it.
import { run } from '../dist/main.js';

process.exitCode = await run();
