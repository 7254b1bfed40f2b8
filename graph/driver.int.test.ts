// How graph.read runs a read's statements on the real test Neo4j: each an auto-commit query on one
// session, in turn, read-only, within the read's time limit. The fence around them is tested in
// fenced-read.int.test.ts.
import { describe, expect, it } from 'vitest';
import { useOnePersonGraph } from '../test/graph-helpers.ts';
import { AppError } from './errors.ts';

const onePerson = useOnePersonGraph();

const count = 'MATCH (p:Person) RETURN count(p) AS n';

describe('graph.read', () => {
  it('answers statements asked for together, each in its turn, in the order asked', async () => {
    const order: string[] = [];
    const answers = await onePerson.graph.read((tx) =>
      Promise.all(
        ['first', 'second', 'third'].map(async (name) => {
          const result = await tx.run('MATCH (p:Person) RETURN $name AS name, count(p) AS n', { name });
          order.push(String(result.records[0]?.get('name')));
          return Number(result.records[0]?.get('n'));
        }),
      ),
    );
    expect(answers).toEqual([1, 1, 1]);
    expect(order).toEqual(['first', 'second', 'third']);
  });

  it('sees what a write committed before it, statement by statement', async () => {
    const seen = await onePerson.graph.read(async (tx) => {
      const before = Number((await tx.run(count)).records[0]?.get('n'));
      await onePerson.graph.write((w) => w.run("CREATE (:Person {id: 'person:b', name: 'B'})"));
      const after = Number((await tx.run(count)).records[0]?.get('n'));
      return { before, after };
    });
    expect(seen).toEqual({ before: 1, after: 2 });
  });

  it('refuses to write, with the error Neo4j gives', async () => {
    const attempt = onePerson.graph.read((tx) => tx.run("CREATE (:Person {id: 'person:c', name: 'C'})"));
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ message: expect.stringMatching(/read|access mode/i) });
    expect(await onePerson.graph.read(async (tx) => Number((await tx.run(count)).records[0]?.get('n')))).toBe(
      1,
    );
  });

  it('ends a statement that outlasts the read time limit, and goes on serving', async () => {
    const slow = onePerson.graph.read(
      (tx) => tx.run('UNWIND range(1, 100000000) AS i RETURN count(i) AS n'),
      {
        timeoutMs: 200,
      },
    );
    await expect(slow).rejects.toMatchObject({ code: 'QUERY_TIMEOUT' });
    expect(await onePerson.graph.read(async (tx) => Number((await tx.run(count)).records[0]?.get('n')))).toBe(
      1,
    );
  });

  it("passes the work's own error on, and closes the session", async () => {
    const failing = onePerson.graph.read(async (tx) => {
      await tx.run(count);
      throw new Error('the work gave up');
    });
    await expect(failing).rejects.toThrow('the work gave up');
    expect(await onePerson.graph.read(async (tx) => Number((await tx.run(count)).records[0]?.get('n')))).toBe(
      1,
    );
  });
});
