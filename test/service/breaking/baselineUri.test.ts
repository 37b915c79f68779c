// Baseline document uris survive the round trip through an editor, which may re-encode them, and
// severities per rule id change or drop findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baselineUri, parseBaselineUri } from '../../../server/src/service/breaking/baselineUri';
import { applySeverities, severityOf } from '../../../server/src/service/breaking/severity';
import type { Diagnostic } from '../../../server/src/core/diagnostics/diagnostic';

test('baseline uris: the file path, the setting and the version come back, however the query was encoded', () => {
  const refs = [
    { path: '/ws/acme/orders.proto', baseline: 'git:HEAD' },
    { path: '/ws/a b/ünï.avsc', baseline: 'git:merge-base:origin/main' },
    { path: '/ws/order.avsc', baseline: 'schemas/v*.avsc', version: 3 },
    { path: '/ws/order.avsc', baseline: 'registry:http://localhost:8081/x?y=1&z=2#team%2Forders-value' },
  ];
  for (const ref of refs) {
    const uri = baselineUri(ref);
    assert.match(uri, /^event-schemas-baseline:\//);
    assert.deepEqual(parseBaselineUri(uri), ref, uri);
    // VS Code's Uri.toString() percent-encodes `=`, `&`, `:` and `%` in the query.
    const [head, query] = [uri.slice(0, uri.indexOf('?')), decodeURIComponent(uri.slice(uri.indexOf('?') + 1))];
    assert.deepEqual(parseBaselineUri(`${head}?${encodeURIComponent(query)}`), ref, 're-encoded');
  }
  assert.equal(baselineUri({ path: '/ws/a.proto', baseline: 'git:HEAD' }), 'event-schemas-baseline:/ws/a.proto?baseline=git%3AHEAD');
  for (const bad of ['file:///ws/a.proto', 'event-schemas-baseline:/ws/a.proto', 'event-schemas-baseline:/ws/a.proto?baseline=', 'event-schemas-baseline:/ws/a.proto?%E0%A4%A']) {
    assert.equal(parseBaselineUri(bad), undefined, bad);
  }
});

test('severities per rule id: another level, off, or the engine’s own when unset or unknown', () => {
  const d = (code: string): Diagnostic => ({ code, severity: 'error', message: code.toLowerCase(), span: { start: 0, end: 1 } });
  const settings = { FIELD_NO_DELETE: 'warning', FIELD_SAME_JSON_NAME: 'off', ENUM_NO_DELETE: 'loud', toString: 'hint' };
  assert.deepEqual(
    applySeverities([d('FIELD_NO_DELETE'), d('FIELD_SAME_JSON_NAME'), d('ENUM_NO_DELETE'), d('MESSAGE_NO_DELETE')], settings).map((x) => [x.code, x.severity]),
    [
      ['FIELD_NO_DELETE', 'warning'],
      ['ENUM_NO_DELETE', 'error'],
      ['MESSAGE_NO_DELETE', 'error'],
    ],
  );
  assert.equal(severityOf('constructor', {}, 'error'), 'error');
  assert.equal(severityOf('toString', settings, 'error'), 'hint');
});
