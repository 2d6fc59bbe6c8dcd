import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { timeanddatePlace } from '../../../server/src/service/features/hover/places';
import data from '../../../server/src/service/features/hover/timeanddatePlaces.json';

test('the timeanddate.com place table says where it comes from, and each place is a city of the entry cited, in a zone the platform knows', () => {
  assert.match(data.source.url, /^https:\/\/github\.com\/tcowans\/passion-xbmc\/blob\/[0-9a-f]{40}\/addons\/eden-pre\/weather\.google\/resources\/lib\/risingsun\.py$/);
  for (const [id, place] of Object.entries(data.places)) {
    assert.match(id, /^\d+$/);
    const city = place.city.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    assert.ok(place.listed.normalize('NFD').replace(/[\u0300-\u036f]/g, '').includes(city.replace(/ DC$/, '')) || place.listed.includes(place.city), `${id}: ${place.city} is not in "${place.listed}"`);
    assert.doesNotThrow(() => new Intl.DateTimeFormat('en', { timeZone: place.zone }), `${id}: ${place.zone}`);
  }
});

test('every place id in the group\'s minutes and index page is named', () => {
  const folder = 'test/fixtures/cpansec-corpus/meetings';
  const ids = new Set<number>();
  for (const name of readdirSync(folder)) {
    for (const match of readFileSync(join(folder, name), 'utf8').matchAll(/timeanddate\.com[^\s)]*/g)) {
      for (const p of match[0].matchAll(/[?&]p\d+=(\d+)/g)) ids.add(Number(p[1]));
    }
  }
  assert.deepEqual([...ids].sort((a, b) => a - b), [16, 37, 136, 187, 195, 233, 234, 248, 250, 256, 1129, 1440]);
  const unnamed = [...ids].filter((id) => timeanddatePlace(id, new Map()).name === null);
  assert.deepEqual(unnamed, []);
  assert.deepEqual(
    [187, 233, 250, 1129, 256].map((id) => timeanddatePlace(id, new Map()).name),
    ['Oslo', 'São Paulo', 'Toronto', 'Moncton', 'Vancouver'],
  );
});

test('.minutes.json "places" names an id over the table; its zone is kept only when it names the same city', () => {
  assert.deepEqual(timeanddatePlace(187, new Map([[187, 'oslo']])), { name: 'oslo', zone: 'Europe/Oslo' });
  assert.deepEqual(timeanddatePlace(187, new Map([[187, 'Our office']])), { name: 'Our office', zone: null });
  assert.deepEqual(timeanddatePlace(99999, new Map()), { name: null, zone: null });
});
