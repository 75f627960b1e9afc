/** Deep merge of message trees: later trees add keys and override leaves. */
export type Tree = { [key: string]: string | Tree };

export function merge<T extends object>(...trees: object[]): T {
  const out: Tree = {};
  for (const tree of trees) {
    for (const [key, value] of Object.entries(tree)) {
      const existing = out[key];
      out[key] =
        value && typeof value === 'object' && existing && typeof existing === 'object'
          ? merge<Tree>(existing, value)
          : value && typeof value === 'object'
            ? merge<Tree>(value)
            : (value as string);
    }
  }
  return out as T;
}
