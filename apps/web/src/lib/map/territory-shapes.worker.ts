// One job: a run's territory shapes (block unions or Voronoi cells, seconds at 100k accounts),
// off the page's thread. The worker stays up between runs, so us-atlas is read once.
import { expose } from 'comlink';
import { territoryShapesOf, type ShapesWorkerApi } from './territory-shapes-job.ts';

const api: ShapesWorkerApi = { shapes: territoryShapesOf };
expose(api);
