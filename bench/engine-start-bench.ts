import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { childEngineSpawner } from '../electron/common/child-engine';
import { EngineSupervisor } from '../electron/common/engine-supervisor';
import { median } from './stats';

/** Engine process start → first answered status() call, with the built worker (as the web host runs it). */
export async function benchEngineStart(workerPath: string, rounds = 7): Promise<string[]> {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const dir = mkdtempSync(join(tmpdir(), 'huihan-bench-'));
    const started = performance.now();
    const supervisor = new EngineSupervisor(childEngineSpawner({ workerPath, dataDir: dir }), {
      onEvent: () => undefined,
    });
    supervisor.start();
    await supervisor.call('status', {});
    samples.push(performance.now() - started);
    supervisor.stop();
    // The engine may still be writing its first files (search dictionary) when stopped: retry.
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }
  return [
    '## 归档引擎启动',
    `启动进程到首次答复 status()（空档案，${rounds} 次）：中位数 ${median(samples).toFixed(0)} ms`,
  ];
}
