#!/usr/bin/env node
import {cli} from './cli.js'

// `papersift parse x | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
  process.exit(process.exitCode ?? 0)
})
process.exitCode = await cli(process.argv.slice(2), {stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd()})
