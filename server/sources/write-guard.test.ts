import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from './write-guard.ts';

describe('the write guard', () => {
  it('knows the loopback addresses from the others', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.org', '128.0.0.1', '']) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });
});
