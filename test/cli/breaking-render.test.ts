// `--format github` and `--format sarif` of `event-schemas breaking`: escaping by the workflow
// command rules, 1-based positions that agree with the JSON output, and a SARIF 2.1.0 log whose
// rules, results and related locations fit together.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeData, escapeProperty } from '../../server/src/cli/render/github';
import { cli, cliJson, ensureBuilt, removeWorkspaces, workspace } from './run';

before(ensureBuilt);
after(removeWorkspaces);

const record = (fields: object[]) => JSON.stringify({ type: 'record', name: 'Order', fields }, null, 2) + '\n';
const old = record([{ name: 'id', type: 'long' }, { name: 'kind', type: { type: 'enum', name: 'Kind', symbols: ['A', 'B'] } }]);
const now = record([{ name: 'id', type: 'int' }, { name: 'kind', type: { type: 'enum', name: 'Kind', symbols: ['A'] } }, { name: 'n', type: 'int' }]);

test('workflow command escaping: % CR LF always, and : , in properties', () => {
  assert.equal(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
  assert.equal(escapeProperty('dir:x/a,b%.avsc\n'), 'dir%3Ax/a%2Cb%25.avsc%0A');
  // Escaping % first keeps an existing escape sequence literal.
  assert.equal(escapeData('%0A'), '%250A');
});

test('github annotations: one per finding, 1-based, with the baseline place on its own line', () => {
  const ws = workspace({ 'old/a,b:c%d.avsc': old, 'new/a,b:c%d.avsc': now });
  const res = cli(['breaking', 'new', '--against', 'old', '--format', 'github'], ws);
  assert.equal(res.code, 1);
  const json = cliJson(['breaking', 'new', '--against', 'old'], ws).json.diagnostics;
  const lines = res.stdout.trimEnd().split('\n');
  assert.equal(lines.length, json.length);
  assert.equal(lines.length, 3);
  lines.forEach((line, i) => {
    const d = json[i]!;
    const { start, end } = d.range;
    const head = `::error file=new/a%2Cb%3Ac%25d.avsc,line=${start.line + 1},col=${start.character + 1},endLine=${end.line + 1},endColumn=${end.character + 1},title=${d.code}::`;
    assert.ok(line.startsWith(head), `${line}\ndoes not start with\n${head}`);
    const message = line.slice(head.length);
    assert.ok(message.startsWith(escapeData(d.message)));
    assert.match(message, /%0Ain the old schema \(old\): old\/a,b:c%25d\.avsc:\d+:\d+/);
  });
});

test('a clean run prints no annotation at all', () => {
  const ws = workspace({ 'old/o.avsc': old, 'new/o.avsc': old });
  const res = cli(['breaking', 'new', '--against', 'old', '--format', 'github'], ws);
  assert.equal(res.code, 0);
  assert.equal(res.stdout, '');
});

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: SarifRegion };
  message?: { text: string };
}

test('sarif: every reported rule listed once, results pointing at their rule and the baseline', () => {
  const ws = workspace({ 'old/my orders/o.avsc': old, 'new/my orders/o.avsc': now, 'new/broken.avsc': '{"type": "record"' });
  const res = cli(['breaking', 'new', '--against', 'old', '--format', 'sarif'], ws);
  assert.equal(res.code, 1);
  const log = JSON.parse(res.stdout);
  const json = cliJson(['breaking', 'new', '--against', 'old'], ws).json.diagnostics;
  assert.equal(log.version, '2.1.0');
  assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  const run = log.runs[0];
  assert.equal(run.tool.driver.name, 'event-schemas');
  assert.equal(run.columnKind, 'utf16CodeUnits');
  assert.match(run.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/\/.*\/$/);

  const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
  assert.deepEqual([...ids].sort(), [...new Set(json.map((d) => d.code))].sort());
  assert.equal(run.results.length, json.length);
  run.results.forEach((r: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: SarifLocation[]; relatedLocations?: SarifLocation[] }, i: number) => {
    const d = json[i]!;
    assert.equal(r.ruleId, d.code);
    assert.equal(ids[r.ruleIndex], r.ruleId);
    assert.equal(r.level, d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'note');
    assert.equal(r.message.text, d.message);
    const loc = r.locations[0]!.physicalLocation;
    assert.equal(loc.artifactLocation.uri, d.file.replace(/ /g, '%20'));
    assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.deepEqual(loc.region, {
      startLine: d.range.start.line + 1,
      startColumn: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
    });
    if (d.file.startsWith('new/my orders/')) {
      const related = r.relatedLocations ?? [];
      assert.ok(related.length >= 1, `no baseline location for ${d.code}`);
      for (const rel of related) {
        assert.equal(rel.physicalLocation.artifactLocation.uri, 'old/my%20orders/o.avsc');
        assert.ok(rel.physicalLocation.region.startLine >= 1);
        assert.match(rel.message!.text, /in the old schema \(old\)/);
      }
    }
  });
  assert.deepEqual([...new Set(json.map((d) => d.code))].sort().filter((c) => !c.includes('/')), ['MISSING_ENUM_SYMBOLS', 'READER_FIELD_MISSING_DEFAULT_VALUE', 'TYPE_MISMATCH']);
});

test('sarif of a clean run is a valid log with no results', () => {
  const ws = workspace({ 'old/o.avsc': old, 'new/o.avsc': old });
  const res = cli(['breaking', 'new', '--against', 'old', '--format', 'sarif'], ws);
  assert.equal(res.code, 0);
  const log = JSON.parse(res.stdout);
  assert.deepEqual(log.runs[0].results, []);
  assert.deepEqual(log.runs[0].tool.driver.rules, []);
});
