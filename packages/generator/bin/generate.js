#!/usr/bin/env node
import { runGenerateCommand } from '../dist/cli.js';

process.exitCode = await runGenerateCommand(process.argv.slice(2));
