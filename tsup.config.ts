import {defineConfig} from 'tsup'

export default defineConfig({
  entry: ['src/index.ts', 'src/bin.ts', 'src/classify-worker.ts'],
  format: ['esm'],
  target: 'node20',
  platform: 'neutral',
  dts: {entry: 'src/index.ts'},
  clean: true,
  sourcemap: true,
  splitting: true,
  // natural stays external: we deep-import only its tokenizer/stemmer files.
  external: [/^natural/, 'unified', 'remark-parse', 'remark-gfm', 'unist-util-visit', 'mdast-util-to-string', 'zod', 'fast-xml-parser', /^node:/],
})
