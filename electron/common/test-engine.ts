import { fileURLToPath } from 'node:url';
import { childEngineSpawner } from './child-engine';
import type { SpawnEngine } from './engine-supervisor';

/** Spawns the real engine worker from its TypeScript source (through tsx), for integration tests. */
export function sourceEngineSpawner(dataDir: string): SpawnEngine {
  return childEngineSpawner({
    workerPath: fileURLToPath(new URL('../engine/worker.ts', import.meta.url)),
    dataDir,
    execArgv: ['--import', 'tsx'],
  });
}
