import { describe, expect, it } from '@jest/globals';
import { findUnsupported } from './unsupported-tools.js';

describe(findUnsupported.name, () => {
  it('names a tool outside the catalog', () => {
    expect(findUnsupported('zoom recordings to google drive every night').names).toEqual(['Zoom']);
  });

  it.each(['text me the zoom link 10 min before', 'add the zoom meeting id to the notion page', 'paste the zoom url in #standup'])(
    'reads a link or id of a tool in %j as data, not a tool to connect',
    (text) => {
      expect(findUnsupported(text)).toEqual({ names: [], spans: [] });
    },
  );
});
