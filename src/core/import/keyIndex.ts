// The first row of each key (station ids, village codes) for the duplicate check: an open-addressing
// table of row indexes over a hash of the key's characters. It keeps no strings: when a key's hash
// matches an earlier one's (a duplicate, or rarely another key) the earlier key is read again from
// its row. A Map of a million strings costs several times as much, most of it in the garbage
// collector; here each key costs one probe of a table of 4-byte slots.
//
// Rules relied on: keys are equal when their strings are (===); a key's first row stays its first;
// row indexes are below 2^21 (MAX_ROWS is 2,000,000), so a slot holds the index and 11 bits of hash.

/** FNV-1a over the UTF-16 code units. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash;
}

const INDEX_BITS = 21;
const INDEX_MASK = (1 << INDEX_BITS) - 1;
/** The hash's top bits, where a slot keeps them. */
const tagOf = (hash: number) => hash & ~INDEX_MASK;

export class KeyIndex {
  /** Per slot: 0 when empty, else the key's hash tag | (row index + 1). */
  private slots: Int32Array;
  private mask: number;
  private count = 0;

  /**
   * `keyOf(index)`: the key of the row at `index`, read again when a later key's hash matches.
   * `expected`: about how many keys will be recorded (the table grows past it).
   */
  constructor(
    private readonly keyOf: (index: number) => string,
    expected = 16,
  ) {
    let size = 16;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
  }

  /** The index of the first row recorded with `key`; when there is none, `index` is recorded and returned. */
  firstRow(key: string, index: number): number {
    if (index >= INDEX_MASK)
      throw new RangeError(`row index ${index} over the key index's ${INDEX_MASK - 1}`);
    const hash = hashOf(key),
      tag = tagOf(hash);
    const { slots, mask } = this;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot];
      if (entry === 0) {
        slots[slot] = tag | (index + 1);
        if (++this.count * 2 > slots.length) this.grow();
        return index;
      }
      const row = (entry & INDEX_MASK) - 1;
      if (tagOf(entry) === tag && this.keyOf(row) === key) return row;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = this.slots.length - 1;
    for (const entry of old) {
      if (entry === 0) continue;
      const row = (entry & INDEX_MASK) - 1;
      let slot = hashOf(this.keyOf(row)) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = entry;
    }
  }
}
