import { describe, expect, it } from 'vitest';
import { graphToCsv, NODE_COLUMNS, RELATIONSHIP_COLUMNS, tableToCsv, toCsv } from './csv.ts';
import { trickyGraph } from './fixture.ts';

/** A strict RFC 4180 reader, written separately from the writer so the test can catch it out. */
function parseCsv(text: string): string[][] {
  const input = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < input.length) {
    const c = input[i] as string;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
        i += 1;
        continue;
      }
      cell += c;
      i += 1;
      continue;
    }
    if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && input[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else if (c === '"' || c === '\n' || c === '\r') throw new Error(`stray ${JSON.stringify(c)} at ${i}`);
    else cell += c;
    i += 1;
  }
  if (quoted) throw new Error('unterminated quote');
  if (cell !== '' || row.length > 0) throw new Error('last record not terminated by CRLF');
  return rows;
}

describe('toCsv', () => {
  it('quotes commas, quotes, line breaks and edge spaces, and doubles quotes', () => {
    const text = toCsv([['a', 'b,c', 'say "hi"', 'two\nlines', ' padded', 'plain']]);
    expect(text).toBe('a,"b,c","say ""hi""","two\nlines"," padded",plain\r\n');
    expect(parseCsv(text)).toEqual([['a', 'b,c', 'say "hi"', 'two\nlines', ' padded', 'plain']]);
  });

  it('keeps spreadsheet formulas inert unless asked not to', () => {
    expect(parseCsv(toCsv([['=1+1', '+x', '@y', '-3']]))).toEqual([["'=1+1", "'+x", "'@y", '-3']]);
    expect(parseCsv(toCsv([['=1+1']], { guardFormulas: false }))).toEqual([['=1+1']]);
  });

  it('starts with a byte order mark only when asked', () => {
    expect(toCsv([['a']], { bom: true }).charCodeAt(0)).toBe(0xfeff);
    expect(toCsv([['a']]).charCodeAt(0)).toBe('a'.charCodeAt(0));
  });
});

describe('tableToCsv (a console result)', () => {
  it('writes a header and one row per result row, lists and maps readable', () => {
    const text = tableToCsv(
      ['name', 'posts', 'node', 'n'],
      [
        ['Karen Dolton', ['Director', 'Interim, acting'], { id: 'person:k', name: 'K' }, 3],
        [null, [], null, 1.5],
      ],
    );
    const rows = parseCsv(text);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual(['name', 'posts', 'node', 'n']);
    expect(rows[1]).toEqual([
      'Karen Dolton',
      'Director; Interim, acting',
      '{"id":"person:k","name":"K"}',
      '3',
    ]);
    expect(rows[2]).toEqual(['', '', '', '1.5']);
  });
});

describe('graphToCsv', () => {
  const graph = trickyGraph();
  const csv = graphToCsv(graph, { 'doc:one': 'Local area SEND inspection, Bury' });
  const nodes = parseCsv(csv.nodes);
  const relationships = parseCsv(csv.relationships);

  it('has a header and one row per node and per relationship', () => {
    expect(nodes[0]).toEqual([...NODE_COLUMNS]);
    expect(nodes).toHaveLength(graph.nodes.length + 1);
    expect(relationships[0]).toEqual([...RELATIONSHIP_COLUMNS]);
    expect(relationships).toHaveLength(graph.edges.length + 1);
    for (const row of nodes) expect(row).toHaveLength(NODE_COLUMNS.length);
    for (const row of relationships) expect(row).toHaveLength(RELATIONSHIP_COLUMNS.length);
  });

  it('keeps names with commas, quotes and line breaks intact', () => {
    expect(nodes.map((r) => r[2])).toEqual([
      'name',
      'Bury Council, "the council"',
      "Jane O'Brien & <Co>",
      'Chief Executive\nBury Council',
      '\'=SUM(A1) leaders, governors; "too slow"',
    ]);
    expect(nodes[1]?.slice(6)).toEqual(['10.5', '-20.25']);
    expect(nodes[4]?.[5]).toBe('date; kind');
  });

  it('carries the evidence: count, documents, their titles and the quotes', () => {
    const holds = relationships[1] ?? [];
    const col = (name: (typeof RELATIONSHIP_COLUMNS)[number]) => holds[RELATIONSHIP_COLUMNS.indexOf(name)];
    expect(col('source_name')).toBe("Jane O'Brien & <Co>");
    expect(col('evidence_count')).toBe('2');
    expect(col('evidence_document_ids')).toBe('doc:one; doc:two');
    expect(col('evidence_sources')).toBe('Local area SEND inspection, Bury; ');
    expect(col('evidence_quotes')).toBe('She said, "we will act"\nand did.\nInterim chief executive');
    expect(relationships[2]?.[RELATIONSHIP_COLUMNS.indexOf('evidence_count')]).toBe('0');
  });
});
