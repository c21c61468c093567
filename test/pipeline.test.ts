import { describe, expect, it } from 'vitest';
import { loadPipeline, parsePipeline } from '../src/pipeline/loadPipeline.js';

describe('pipeline files', () => {
  it('loads the default pipeline with its areas in order', () => {
    const p = loadPipeline();
    expect(p.areaIds).toEqual(['digital', 'wait', 'staff', 'services', 'overall']);
    expect(p.weakAreas).toEqual(['services', 'overall']);
    expect(p.judgedOnlyAreas).toEqual(['wait', 'staff', 'overall']);
    expect(p.fallbackArea).toBe('overall');
    expect(p.minimumBase).toBe(30);
  });
  it('names the file and the place of a mistake', () => {
    expect(() => parsePipeline('{', 'p.json')).toThrow(/^p\.json: not valid JSON/);
    expect(() => parsePipeline('{"name":"x","areas":[],"languages":["sv"]}', 'p.json')).toThrow('p.json: at "areas": Too small');
    expect(() =>
      parsePipeline(
        '{"name":"x","areas":[{"id":"a","label":{},"fallback":true},{"id":"b","label":{},"fallback":true}],"languages":["sv"]}',
        'p.json',
      ),
    ).toThrow('p.json: at "areas": at most one area can be the fallback');
    expect(() =>
      parsePipeline('{"name":"x","areas":[{"id":"a","label":{}}],"languages":["sv"],"durations":{"area":"a","selfService":"web","bands":[{"upTo":null,"valence":1}]}}', 'p.json'),
    ).toThrow('p.json: at "durations.selfService": "web" is not one of the areas (a)');
    expect(() => parsePipeline('{"name":"x","areas":[{"id":"a","label":{}}],"languages":["fi"]}', 'p.json')).toThrow(
      /^p\.json: at "languages\.0": Invalid option/,
    );
  });
});
