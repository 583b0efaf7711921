import { ChainVerifier, SealRecord } from './chain-verifier';
import { entryHash, GENESIS_HASH, HashedLedgerEntry, LedgerEntry, sealHash } from './ledger-entry';

function chain(n: number): HashedLedgerEntry[] {
  const out: HashedLedgerEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e: LedgerEntry = {
      seq,
      eventId: `00000000-0000-7000-8000-${String(seq).padStart(12, '0')}`,
      type: 'ticket.submitted',
      topic: 'ticketing.ticket.v1',
      eventVersion: 1,
      aggregateId: `t-${seq}`,
      aggregateVersion: 1,
      correlationId: 'c',
      causationId: null,
      ticketId: `t-${seq}`,
      departmentId: null,
      actorId: 'u',
      actorRole: 'enterprise',
      occurredAt: '2026-03-02T01:00:00.000Z',
      recordedAt: '2026-03-02T01:00:00.100Z',
      payload: { title: `诉求 ${seq}`, nested: { b: 1, a: [1, 2] } },
      prevHash: prev,
    };
    const hashed = { ...e, hash: entryHash(e) };
    out.push(hashed);
    prev = hashed.hash;
  }
  return out;
}

function sealAt(
  entries: HashedLedgerEntry[],
  lastSeq: number,
  sealNo = 1,
  prevSealHash = GENESIS_HASH,
): SealRecord {
  const body = {
    sealNo,
    lastSeq,
    lastHash: entries[lastSeq - 1].hash,
    entryCount: lastSeq,
    sealedAt: '2026-03-03T00:00:00.000Z',
    prevSealHash,
  };
  return { ...body, sealHash: sealHash(body) };
}

const verify = (
  entries: HashedLedgerEntry[],
  seals: SealRecord[] = [],
  head = { seq: entries.length, hash: entries[entries.length - 1]?.hash ?? GENESIS_HASH },
  batch = 3,
) => {
  const v = new ChainVerifier(seals);
  for (let i = 0; i < entries.length; i += batch) if (!v.feed(entries.slice(i, i + batch))) break;
  return v.finish(head);
};

describe('ChainVerifier', () => {
  it('accepts an intact chain, fed in batches, with its seals', () => {
    const c = chain(10);
    const s1 = sealAt(c, 4);
    expect(verify(c, [s1, sealAt(c, 9, 2, s1.sealHash)])).toMatchObject({
      ok: true,
      checkedEntries: 10,
      checkedSeals: 2,
      firstBroken: null,
    });
  });

  it('the hash does not depend on the order of keys in the payload (jsonb reorders them)', () => {
    const [e] = chain(1);
    const { hash, ...body } = e;
    expect(entryHash({ ...body, payload: { nested: { a: [1, 2], b: 1 }, title: '诉求 1' } })).toBe(hash);
  });

  it('edited content: hash mismatch at that entry', () => {
    const c = chain(6);
    c[3] = { ...c[3], payload: { title: '改过的' } };
    expect(verify(c).firstBroken).toMatchObject({ seq: 4, problem: 'hash_mismatch' });
  });

  it('a missing entry: the missing seq', () => {
    const c = chain(6);
    c.splice(2, 1);
    expect(verify(c).firstBroken).toMatchObject({ seq: 3, problem: 'missing_seq' });
  });

  it('two entries swapped (seq numbers kept): the first of them no longer links', () => {
    const c = chain(6);
    const a = c[2];
    c[2] = { ...c[3], seq: 3 };
    c[3] = { ...a, seq: 4 };
    expect(verify(c).firstBroken).toMatchObject({ seq: 3, problem: 'prev_hash_mismatch' });
  });

  it('the last entries gone: caught against the chain head', () => {
    const c = chain(6);
    expect(verify(c.slice(0, 4), [], { seq: 6, hash: c[5].hash }).firstBroken).toMatchObject({
      seq: 5,
      problem: 'missing_seq',
    });
  });

  it('entries after the chain head: beyond_head', () => {
    const c = chain(6);
    expect(verify(c, [], { seq: 5, hash: c[4].hash }).firstBroken).toMatchObject({
      seq: 6,
      problem: 'beyond_head',
    });
  });

  it('a consistent rewrite (every later hash recomputed) is caught by a seal written before it', () => {
    const original = chain(6);
    const seal = sealAt(original, 5);
    const rewritten: HashedLedgerEntry[] = original.slice(0, 2);
    let prev = rewritten[1].hash;
    for (const e of original.slice(2)) {
      const { hash: _h, ...body } = e;
      void _h;
      const changed = { ...body, prevHash: prev, payload: e.seq === 3 ? { title: '改写' } : body.payload };
      const hash = entryHash(changed);
      rewritten.push({ ...changed, hash });
      prev = hash;
    }
    expect(verify(rewritten, [seal]).firstBroken).toMatchObject({
      seq: 5,
      problem: 'seal_mismatch',
      sealNo: 1,
    });
  });

  it('an altered seal record is named, unless an entry before it breaks first', () => {
    const c = chain(6);
    const forged = { ...sealAt(c, 4), entryCount: 3 };
    expect(verify(c, [forged]).firstBroken).toMatchObject({ seq: 4, problem: 'seal_mismatch', sealNo: 1 });
    const edited = [...c];
    edited[1] = { ...edited[1], actorId: 'someone-else' };
    expect(verify(edited, [forged]).firstBroken).toMatchObject({ seq: 2, problem: 'hash_mismatch' });
  });
});
