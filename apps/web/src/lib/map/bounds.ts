/** `[west, south, east, north]` in degrees, as the API's dataset summary gives it. */
export type Bounds = [west: number, south: number, east: number, north: number];
