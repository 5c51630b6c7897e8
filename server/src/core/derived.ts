/**
 * Data derived from a report or one of its tables (the standard tables, the value cells, the sums evaluated, where
 * the errors are), built on first use and kept on the object it was derived from: it lives and dies with it. A
 * module-level cache (a WeakMap keyed by reports) would keep every report's model alive across scavenges.
 */
const DERIVED = Symbol('derived');

type Holder = { [DERIVED]?: Map<unknown, unknown> };

/** What `make` derives from `owner`, made once per owner and `kind` (a function or a constant naming the data). */
export function derived<T>(owner: object, kind: unknown, make: () => T): T {
  const holder = owner as Holder;
  let store = holder[DERIVED];
  if (!store) {
    store = new Map();
    // Not enumerable: never copied, compared or serialized with the model.
    Object.defineProperty(holder, DERIVED, { value: store });
  }
  if (store.has(kind)) return store.get(kind) as T;
  const value = make();
  store.set(kind, value);
  return value;
}
