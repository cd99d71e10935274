import type { DatasetData } from '@tessera/scenarios';
import { transfer } from 'comlink';
import { decodeDatasetFrame } from './decode-dataset.ts';
import { FrameAssembler } from './frame-assembler.ts';

/**
 * What the dataset decoder worker exposes: the page streams a download's chunks in (each
 * transferred, so the bytes never pile up on the main thread) and gets the dataset back with
 * its one buffer transferred.
 */
export interface DatasetDecoderApi {
  /** Starts a download; `label` names it in messages (`dataset "ds_1"`). */
  begin(loadId: string, label: string): void;
  /** The next chunk; a fault (too many bytes) is kept and thrown by {@link finish}. */
  append(loadId: string, chunk: Uint8Array): void;
  /** The decoded dataset, checked; its buffer comes back transferred. */
  finish(loadId: string): DatasetData;
  /** Forgets a download that was abandoned. */
  cancel(loadId: string): void;
}

interface Download {
  frame: FrameAssembler;
  label: string;
  fault: Error | null;
}

/** The decoder's worker side, usable in this thread too (tests call it directly). */
export function createDatasetDecoderApi(): DatasetDecoderApi {
  const downloads = new Map<string, Download>();
  const get = (loadId: string): Download => {
    const download = downloads.get(loadId);
    if (!download) throw new Error(`dataset decoder: no download "${loadId}" going on`);
    return download;
  };
  return {
    begin(loadId, label) {
      downloads.set(loadId, { frame: new FrameAssembler(label), label, fault: null });
    },
    append(loadId, chunk) {
      const download = get(loadId);
      if (download.fault) return;
      try {
        download.frame.append(chunk);
      } catch (error) {
        download.fault = error instanceof Error ? error : new Error(String(error));
      }
    },
    finish(loadId) {
      const download = get(loadId);
      downloads.delete(loadId);
      if (download.fault) throw download.fault;
      const bytes = download.frame.finish();
      const data = decodeDatasetFrame(bytes, download.label);
      return transfer(data, [bytes.buffer]);
    },
    cancel(loadId) {
      downloads.delete(loadId);
    },
  };
}
