// An in-memory Cache Storage for unit tests (jsdom has none): enough of open/put/match/delete.
export function fakeCaches(): CacheStorage {
  const stores = new Map<string, Map<string, Response>>();
  const open = async (name: string) => {
    let store = stores.get(name);
    if (!store) {
      store = new Map();
      stores.set(name, store);
    }
    const entries = store;
    return {
      put: async (key: string, response: Response) => {
        entries.set(key, response);
      },
      match: async (key: string) => entries.get(key)?.clone(),
    } as unknown as Cache;
  };
  return {
    open,
    delete: async (name: string) => stores.delete(name),
    has: async (name: string) => stores.has(name),
    keys: async () => [...stores.keys()],
    match: async () => undefined,
  } as unknown as CacheStorage;
}
