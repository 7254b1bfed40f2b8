import neo4j, { Record as Neo4jRecord, Node, Path, PathSegment, Relationship } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { ElementsSchema } from './api.ts';
import { evidenceOf } from './elements.ts';
import { ElementsCollector, toElements, toPlain } from './record-mapper.ts';

// Driver objects built by hand, as the driver builds them from Bolt; elementIds are made up.
const person = new Node(1, ['Person'], { id: 'person:stuart-north', name: 'Stuart North' }, 'e:1');
const post = new Node(
  2,
  ['Post'],
  { id: 'post:bury-ccg-accountable-officer', title: 'Accountable Officer' },
  'e:2',
);
const report = new Node(
  3,
  ['Report'],
  {
    id: 'report:2017',
    name: 'Report 2017',
    kind: 'letter',
    published: '2017-09',
    disputedProperties: ['kind'],
  },
  'e:3',
);
const anonymous = new Node(4, ['Scratch', 'Other'], { count: neo4j.int(7) }, 'e:4');

const holds = new Relationship(
  10,
  1,
  2,
  'HOLDS',
  {
    id: 'holds:stuart-north:accountable-officer',
    from: '2017',
    qualifier: 'interim',
    evidenceDocumentIds: ['doc:a', 'doc:b'],
    evidenceQuotes: ['Stuart North, Accountable Officer', 'the CCG’s accountable officer'],
  },
  'r:10',
  'e:1',
  'e:2',
);
const postToReport = new Relationship(11, 2, 3, 'MENTIONED_IN', {}, 'r:11', 'e:2', 'e:3');
const dangling = new Relationship(12, 1, 99, 'KNOWS', { id: 'knows:x' }, 'r:12', 'e:1', 'e:99');

describe('toElements', () => {
  it('maps nodes by their id property, first label and name or title', () => {
    const { nodes } = toElements([person, post]);
    expect(nodes).toEqual([
      { data: { id: 'person:stuart-north', label: 'Person', name: 'Stuart North' } },
      { data: { id: 'post:bury-ccg-accountable-officer', label: 'Post', name: 'Accountable Officer' } },
    ]);
  });

  it('keeps kind, date and disputed properties where a node has them', () => {
    const [node] = toElements(report).nodes;
    expect(node?.data).toEqual({
      id: 'report:2017',
      label: 'Report',
      name: 'Report 2017',
      kind: 'letter',
      date: '2017-09',
      disputed: ['kind'],
    });
  });

  it('falls back to the elementId for nodes and relationships without an id property', () => {
    const { nodes, edges } = toElements([
      anonymous,
      person,
      new Relationship(13, 4, 1, 'X', {}, 'r:13', 'e:4', 'e:1'),
    ]);
    expect(nodes.map((n) => n.data.id)).toEqual(['e:4', 'person:stuart-north']);
    expect(nodes[0]?.data.name).toBe('e:4');
    expect(edges[0]?.data).toMatchObject({ id: 'r:13', source: 'e:4', target: 'person:stuart-north' });
  });

  it('names edge ends by the end nodes’ ids and zips the evidence lists', () => {
    const { edges } = toElements([person, post, holds]);
    expect(edges).toEqual([
      {
        data: {
          id: 'holds:stuart-north:accountable-officer',
          source: 'person:stuart-north',
          target: 'post:bury-ccg-accountable-officer',
          type: 'HOLDS',
          from: '2017',
          to: null,
          qualifier: 'interim',
          evidence: [
            { documentId: 'doc:a', quote: 'Stuart North, Accountable Officer' },
            { documentId: 'doc:b', quote: 'the CCG’s accountable officer' },
          ],
        },
      },
    ]);
  });

  it('skips edges whose ends are not among the nodes', () => {
    const { edges } = toElements([person, post, dangling, holds]);
    expect(edges.map((e) => e.data.id)).toEqual(['holds:stuart-north:accountable-officer']);
    expect(toElements([holds]).edges).toEqual([]);
  });

  it('walks paths, nested lists and maps, and records, deduplicating what it sees twice', () => {
    const path = new Path(person, report, [
      new PathSegment(person, holds, post),
      new PathSegment(post, postToReport, report),
    ]);
    const record = new Neo4jRecord(
      ['p', 'more'],
      [path, { nested: [[person, { again: post }]], rel: holds }],
    );
    const elements = toElements([record, [path]]);
    expect(elements.nodes.map((n) => n.data.id)).toEqual([
      'person:stuart-north',
      'post:bury-ccg-accountable-officer',
      'report:2017',
    ]);
    expect(elements.nodes).toHaveLength(3);
    expect(elements.edges.map((e) => e.data.id).sort()).toEqual([
      'holds:stuart-north:accountable-officer',
      'r:11',
    ]);
    expect(ElementsSchema.safeParse(elements).success).toBe(true);
  });

  it('ignores scalars, nulls and temporal values', () => {
    expect(toElements([1, 'x', null, undefined, new neo4j.types.Date(2017, 6, 12), { a: true }])).toEqual({
      nodes: [],
      edges: [],
    });
  });

  it('collects across calls and exposes elementId → id', () => {
    const collector = new ElementsCollector().add(person).add([post, holds]);
    expect(collector.nodeIds().get('e:2')).toBe('post:bury-ccg-accountable-officer');
    expect(collector.elements().edges).toHaveLength(1);
  });
});

describe('evidenceOf', () => {
  it('zips only the pairs both lists have and drops non-strings', () => {
    expect(evidenceOf({ evidenceDocumentIds: ['doc:a', 5, 'doc:c'], evidenceQuotes: ['qa', 'qb'] })).toEqual([
      { documentId: 'doc:a', quote: 'qa' },
    ]);
    expect(evidenceOf({ evidenceDocumentIds: 'doc:a' })).toEqual([]);
  });
});

describe('toPlain', () => {
  it('turns Integers into numbers, and big ones into strings rather than lose digits', () => {
    expect(toPlain(neo4j.int(42))).toBe(42);
    expect(toPlain(neo4j.int('9007199254740993'))).toBe('9007199254740993');
    expect(toPlain(12n)).toBe(12);
    expect(toPlain(Number.NaN)).toBe('NaN');
  });

  it('turns temporal values into ISO strings', () => {
    expect(toPlain(new neo4j.types.Date(2017, 6, 12))).toBe('2017-06-12');
    expect(toPlain(new neo4j.types.LocalDateTime(2017, 6, 12, 9, 30, 0, 0))).toBe('2017-06-12T09:30:00');
    expect(toPlain(new neo4j.types.DateTime(2017, 6, 12, 9, 30, 0, 0, 0))).toBe('2017-06-12T09:30:00Z');
    expect(toPlain(new neo4j.types.Duration(1, 2, 3, 0))).toBe('P1M2DT3S');
    expect(toPlain(new Date('2020-01-02T03:04:05.000Z'))).toBe('2020-01-02T03:04:05.000Z');
  });

  it('turns points into Cypher point literals', () => {
    expect(toPlain(new neo4j.types.Point(neo4j.int(4326), 1.5, 2))).toBe('point({srid: 4326, x: 1.5, y: 2})');
    expect(toPlain(new neo4j.types.Point(9157, 1, 2, 3))).toBe('point({srid: 9157, x: 1, y: 2, z: 3})');
  });

  it('turns nodes and relationships into id, label or type, ends and plain properties', () => {
    const ids = new ElementsCollector().add([person, post]).nodeIds();
    expect(toPlain(anonymous)).toEqual({
      id: 'e:4',
      label: 'Scratch',
      labels: ['Scratch', 'Other'],
      name: 'e:4',
      properties: { count: 7 },
    });
    expect(toPlain(holds, ids)).toMatchObject({
      id: 'holds:stuart-north:accountable-officer',
      type: 'HOLDS',
      source: 'person:stuart-north',
      target: 'post:bury-ccg-accountable-officer',
      properties: { from: '2017', qualifier: 'interim' },
    });
    expect(toPlain(dangling)).toMatchObject({ source: 'e:1', target: 'e:99' });
  });

  it('turns a path into the list of its nodes and relationships', () => {
    const path = new Path(person, post, [new PathSegment(person, holds, post)]);
    const plain = toPlain(path) as Array<{ id: string }>;
    expect(plain.map((item) => item.id)).toEqual([
      'person:stuart-north',
      'holds:stuart-north:accountable-officer',
      'post:bury-ccg-accountable-officer',
    ]);
  });

  it('walks lists and maps and is JSON-safe all the way down', () => {
    const value = { a: [neo4j.int(1), { d: new neo4j.types.Date(2020, 1, 2) }], b: null, c: undefined };
    const plain = toPlain(value);
    expect(plain).toEqual({ a: [1, { d: '2020-01-02' }], b: null, c: null });
    expect(JSON.parse(JSON.stringify(plain))).toEqual(plain);
  });
});
