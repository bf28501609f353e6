// The first row of each key (station ids, village codes) for the duplicate check: an open-addressing
// table of row indexes over a hash of the key's characters. It keeps no strings: when a key's hash
// matches an earlier one's (a duplicate, or rarely another key) the earlier key is read again from
// its row. A Map of a million strings costs several times as much, most of it in the garbage
// collector; here each key costs one probe of a table of 4-byte slots. Keys in order (ids exported
// sorted, as they often are) need no table at all: while each key is greater than the one before, in
// rows one after another, none can repeat. The first key out of order makes the table, from the
// keys before it read again: at worst, each key read twice.
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
  /** Per slot: 0 when empty, else the key's hash tag | (row index + 1). Made when a key comes out of order. */
  private slots: Int32Array | undefined;
  private mask = 0;
  private count = 0;
  /** Until then: the rows recorded, one after another, each key greater than the one before. */
  private inOrderFrom = -1;
  private inOrderTo = -1;
  private lastKey = '';

  /**
   * `keyOf(index)`: the key of the row at `index`, read again when a later key's hash matches.
   * `expected`: about how many keys will be recorded (the table grows past it).
   */
  constructor(
    private readonly keyOf: (index: number) => string,
    private readonly expected = 16,
  ) {}

  /** The index of the first row recorded with `key`; when there is none, `index` is recorded and returned. */
  firstRow(key: string, index: number): number {
    if (index >= INDEX_MASK)
      throw new RangeError(`row index ${index} over the key index's ${INDEX_MASK - 1}`);
    if (this.slots === undefined) {
      if (this.inOrderFrom === -1 || (index === this.inOrderTo + 1 && key > this.lastKey)) {
        if (this.inOrderFrom === -1) this.inOrderFrom = index;
        this.inOrderTo = index;
        this.lastKey = key;
        return index;
      }
      this.makeTable();
    }
    const hash = hashOf(key),
      tag = tagOf(hash);
    const slots = this.slots!,
      mask = this.mask;
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

  /** The table, made to hold the rows recorded in order so far (their keys read again) and `expected`. */
  private makeTable(): void {
    const inOrder = this.inOrderFrom === -1 ? 0 : this.inOrderTo - this.inOrderFrom + 1;
    let size = 16;
    while (size < Math.max(this.expected, inOrder + 1) * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let row = this.inOrderFrom; row <= this.inOrderTo && row >= 0; row++)
      this.place(this.keyOf(row), row);
    this.count = inOrder;
    this.lastKey = '';
  }

  private grow(): void {
    const old = this.slots!;
    this.slots = new Int32Array(old.length * 2);
    this.mask = this.slots.length - 1;
    for (const entry of old) {
      if (entry === 0) continue;
      const row = (entry & INDEX_MASK) - 1;
      this.place(this.keyOf(row), row);
    }
  }

  /** Records the row of a key not in the table yet, in the first free slot from its hash. */
  private place(key: string, row: number): void {
    const slots = this.slots!,
      hash = hashOf(key);
    let slot = hash & this.mask;
    while (slots[slot] !== 0) slot = (slot + 1) & this.mask;
    slots[slot] = tagOf(hash) | (row + 1);
  }
}
