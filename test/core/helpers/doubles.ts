/** The adjacent doubles of a finite number, read off its IEEE-754 bits. */
function step(x: number, up: boolean): number {
  if (x === 0) return up ? Number.MIN_VALUE : -Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  // Away from zero is one more in the bit pattern, toward zero one less, for either sign.
  view.setBigUint64(0, (x > 0) === up ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

/** The next double above x. */
export const nextUp = (x: number): number => step(x, true);

/** The next double below x. */
export const nextDown = (x: number): number => step(x, false);
