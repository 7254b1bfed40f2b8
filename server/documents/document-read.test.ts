import { describe, expect, it } from 'vitest';
import { DocumentSchema } from '../../graph/contract/api.ts';
import { documentView } from './document-read.ts';

describe('documentView', () => {
  it('sends metadata a source does not give as null, and keeps a date known only by its bounds', () => {
    const view = documentView({
      id: 'doc:x',
      title: 'A report',
      kind: 'news',
      publishedNotBefore: '2017-06-16',
      publishedNotAfter: '2017-12-31',
      publishedReason: 'mentions the June inspection',
      text: 'Body text.',
    });
    expect(DocumentSchema.parse(view)).toEqual({
      id: 'doc:x',
      title: 'A report',
      publisher: null,
      author: null,
      kind: 'news',
      published: null,
      publishedNotBefore: '2017-06-16',
      publishedNotAfter: '2017-12-31',
      publishedReason: 'mentions the June inspection',
      url: null,
      text: 'Body text.',
    });
  });
});
