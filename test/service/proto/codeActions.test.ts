import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity, type CodeAction } from 'vscode-languageserver-types';
import { codeActions } from '../../../server/src/service/proto/codeActions';
import { applyEdits, fixture } from '../fixture';

interface Expect {
  /** Titles of the offered actions, in order. */
  readonly titles: readonly string[];
  /** The title of the preferred action, if any. */
  readonly preferred?: string;
  /** title -> the text of the file after applying the action. */
  readonly apply?: Readonly<Record<string, string>>;
}

/** Asks for actions at the `$0` cursor (or the `$0...$0` selection). */
function checkActions(source: string, expected: Expect): CodeAction[] {
  const f = fixture(source);
  const actions = codeActions(f.project, f.uri, f.range);
  assert.deepEqual(actions.map((a) => a.title), expected.titles);
  if (expected.preferred !== undefined) assert.deepEqual(actions.filter((a) => a.isPreferred).map((a) => a.title), [expected.preferred]);
  for (const [title, after] of Object.entries(expected.apply ?? {})) {
    const action = actions.find((a) => a.title === title)!;
    assert.equal(applyEdits(f.text, action.edit?.changes?.[f.uri] ?? []), after, `after ${title}`);
  }
  return actions;
}

test('add the missing import of a type from a file not imported', () => {
  checkActions(
    `
//- acme/money.proto
package acme;
message Money {}
//- main.proto
syntax = "proto3";
package shop;
message A { acme.Mo$0ney m = 1; }
`,
    {
      titles: ['Add import "acme/money.proto"'],
      preferred: 'Add import "acme/money.proto"',
      apply: { 'Add import "acme/money.proto"': 'syntax = "proto3";\npackage shop;\n\nimport "acme/money.proto";\nmessage A { acme.Money m = 1; }\n' },
    },
  );
});

test('an unknown simple name is qualified, importing its file when needed', () => {
  checkActions(
    `
//- acme/money.proto
package acme;
message Money {}
//- other/money.proto
package other;
message Money {}
//- main.proto
syntax = "proto3";
package shop;
import "other/money.proto";
message A { Mo$0ney m = 1; }
`,
    {
      titles: ['Change to `other.Money`', 'Import "acme/money.proto" and use `acme.Money`'],
      apply: {
        'Change to `other.Money`': 'syntax = "proto3";\npackage shop;\nimport "other/money.proto";\nmessage A { other.Money m = 1; }\n',
        'Import "acme/money.proto" and use `acme.Money`':
          'syntax = "proto3";\npackage shop;\nimport "other/money.proto";\nimport "acme/money.proto";\nmessage A { acme.Money m = 1; }\n',
      },
    },
  );
  // A lone candidate is preferred.
  checkActions('//- a.proto\npackage a;\nmessage Money {}\n//- main.proto\nsyntax = "proto3";\nimport "a.proto";\nmessage A { Mo$0ney m = 1; }\n', {
    titles: ['Change to `a.Money`'],
    preferred: 'Change to `a.Money`',
  });
});

test('remove an unused import, and all of them at once', () => {
  const source = `
//- a.proto
message A {}
//- b.proto
message B {}
//- main.proto
syntax = "proto3";
import "a$0.proto";
import "b.proto";
message M {}
`;
  const actions = checkActions(source, {
    titles: ['Remove unused import', 'Remove all unused imports'],
    preferred: 'Remove unused import',
    apply: {
      'Remove unused import': 'syntax = "proto3";\nimport "b.proto";\nmessage M {}\n',
      'Remove all unused imports': 'syntax = "proto3";\nmessage M {}\n',
    },
  });
  assert.equal(actions[1]!.diagnostics?.length, 2);
  assert.deepEqual(
    actions[0]!.diagnostics?.map((d) => [d.code, d.severity, d.tags]),
    [['resolve/unused-import', DiagnosticSeverity.Warning, [1]]],
  );
});

test('use the next free number', () => {
  checkActions('syntax = "proto3";\nmessage A {\n  string a = 1;\n  string b = $01;\n}\n', {
    titles: ['Use the next free number 2'],
    apply: { 'Use the next free number 2': 'syntax = "proto3";\nmessage A {\n  string a = 1;\n  string b = 2;\n}\n' },
  });
});

test('a selection collects the fixes of every diagnostic it touches', () => {
  checkActions('syntax = "proto3";\nmessage A {\n  $0string a = 1;\n  string b = 1;\n  int32 c = 19001;$0\n}\n', {
    titles: ['Use the next free number 2', 'Use the next free number 2'],
  });
});

test('nothing where nothing is wrong, for other kinds, or for unknown files', () => {
  checkActions('syntax = "proto3";\nmessage A { string a$0 = 1; }\n', { titles: [] });
  const f = fixture('syntax = "proto3";\nimport "x.proto";\n//- x.proto\nmessage X {}\n');
  const all = { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } };
  assert.equal(codeActions(f.project, f.uri, all).length, 1);
  assert.deepEqual(codeActions(f.project, f.uri, all, { only: ['source.organizeImports'] }), []);
  assert.equal(codeActions(f.project, f.uri, all, { only: ['quickfix'] }).length, 1);
  assert.deepEqual(codeActions(f.project, 'file:///none.proto', all), []);
});

test('actions refer to the client diagnostic objects when they match', () => {
  const f = fixture('syntax = "proto3";\nimport "x$0.proto";\n//- x.proto\nmessage X {}\n');
  const client = {
    range: { start: { line: 1, character: 7 }, end: { line: 1, character: 16 } },
    message: 'as the client has it',
    code: 'resolve/unused-import',
  };
  const [a] = codeActions(f.project, f.uri, f.range, { diagnostics: [client] });
  assert.equal(a!.diagnostics![0], client);
});
