import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './import-graph.js';

const core = dirname(fileURLToPath(import.meta.url));

describe('electron/core imports', () => {
  it('the walker sees the imports (a graph with edges, so "no cycle" is not an empty walk)', () => {
    const graph = importGraph(core);
    expect(graph.size).toBeGreaterThan(100);
    const edges = [...graph.values()].reduce((n, targets) => n + targets.length, 0);
    expect(edges).toBeGreaterThan(graph.size);
  });

  it('form no cycle: a module never imports back from what wires it (STYLE §13)', () => {
    expect(importCycles(core)).toEqual([]);
  });
});

describe('the wiring', () => {
  it('is imported only by the entry point and test helpers: no part takes the whole desk', () => {
    const graph = importGraph(core);
    const desk = join(core, 'engine', 'desk.ts');
    const importers = [...graph].filter(([, targets]) => targets.includes(desk)).map(([file]) => relative(core, file)).sort();
    expect(importers).toEqual(['main.ts', 'testing/desk-fixture.ts', 'testing/play-show.ts']);
  });
});

describe('hardware behind native/', () => {
  it('no core part imports a Stream Deck library type or the simulator deck class (DESIGN §5)', () => {
    const offenders = [...importGraph(core).keys()]
      .filter((file) => /from '(@elgato-stream-deck\/[\w-]+|[./]+native\/sim\/virtual-deck\.js)'/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(core, file));
    // The wiring builds the on-screen deck; everyone else sees a ControlSurface.
    expect(offenders).toEqual(['engine/desk.ts']);
  });
});
