/** Account ids are `A` + the 1-based row number, zero-padded to at least 7 digits. */
export function accountIdWidth(accounts: number): number {
  return Math.max(7, String(accounts).length);
}

export function accountId(index: number, width: number): string {
  return `A${String(index + 1).padStart(width, '0')}`;
}

/** Rep ids are `R` + a 1-based number, zero-padded to at least 3 digits. */
export function repIdWidth(highestNumber: number): number {
  return Math.max(3, String(highestNumber).length);
}

export function repId(index: number, width: number): string {
  return `R${String(index + 1).padStart(width, '0')}`;
}
