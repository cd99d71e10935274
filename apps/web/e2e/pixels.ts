import type { Locator, Page } from 'playwright-core';

/** A screenshot's pixels, RGBA, row by row. */
export interface Pixels {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * Screenshots `element` and reads its pixels back. The page decodes the PNG (there is no PNG
 * decoder on the Node side) and hands the raw bytes back, so the counting happens here.
 */
export async function screenPixels(page: Page, element: Locator): Promise<Pixels> {
  const png = await element.screenshot();
  const decoded = await page.evaluate(async (pngBase64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${pngBase64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    // A data: URL of the bytes is the browser's own (fast) base64 encoder.
    const url = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => {
        resolve(reader.result as string);
      };
      reader.onerror = () => {
        reject(new Error(reader.error?.message ?? 'reading the pixels failed'));
      };
      reader.readAsDataURL(new Blob([data]));
    });
    return { width: image.width, height: image.height, base64: url.slice(url.indexOf(',') + 1) };
  }, png.toString('base64'));
  return {
    width: decoded.width,
    height: decoded.height,
    data: new Uint8Array(Buffer.from(decoded.base64, 'base64')),
  };
}

/** Distinct colours in a screenshot of an element, every fourth pixel looked at. */
export async function distinctColours(page: Page, element: Locator): Promise<number> {
  const { data } = await screenPixels(page, element);
  const colours = new Set<number>();
  for (let i = 0; i < data.length; i += 16) {
    colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
  }
  return colours.size;
}
