export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/** Always in [0, b), unlike %, which keeps the sign of a. */
export function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

export function assertInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}
