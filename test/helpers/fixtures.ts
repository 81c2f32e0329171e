import {readdirSync, statSync} from 'node:fs'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'

export const fixturesDir = fileURLToPath(new URL('../../fixtures/', import.meta.url))

/** Every listing fixture (paths relative to fixtures/), the development corpus excluded. */
export function listFixtures(dir = fixturesDir): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) return relative(fixturesDir, path) === 'corpus' ? [] : listFixtures(path)
      return [relative(fixturesDir, path)]
    })
    .sort()
}
