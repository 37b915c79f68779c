import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatProto } from '../../../server/src/core/proto/format';

/** Formats `input`, expects `expected`, and expects `expected` to be a fixed point. */
function formats(input: string, expected: string, indent?: string): void {
  const once = formatProto(input, { indent });
  assert.ok('text' in once, `refused: ${'error' in once ? once.error : ''}`);
  assert.equal(once.text, expected);
  assert.deepEqual(formatProto(expected, { indent }), { text: expected }, 'not idempotent');
}

const cases: { name: string; input: string; expected: string }[] = [
  {
    name: 'spaces around = and none before ; or ,',
    input: 'syntax="proto3";package  a.b ;option java_package="x";',
    expected: 'syntax = "proto3";\npackage a.b;\noption java_package = "x";\n',
  },
  {
    name: 'one declaration per line, bodies indented, empty bodies closed on their line',
    input: 'message A{int32 a=1;string b=2;message B{}enum E{X=0;}}',
    expected: `message A {
  int32 a = 1;
  string b = 2;
  message B {}
  enum E {
    X = 0;
  }
}
`,
  },
  {
    name: 'compact options stay on one line',
    input: 'message A{int32 a=1[ deprecated=true ,(my.opt).x=-1 ];}',
    expected: 'message A {\n  int32 a = 1 [deprecated = true, (my.opt).x = -1];\n}\n',
  },
  {
    name: 'options written over several lines get one a line',
    input: 'message A{\n  int32 a = 1 [deprecated = true,\n      (my.opt) = 2];\n}',
    expected: `message A {
  int32 a = 1 [
    deprecated = true,
    (my.opt) = 2
  ];
}
`,
  },
  {
    name: 'map fields, groups and oneofs',
    input: 'syntax="proto2";message A{map < string , int32 > m=1;optional group G=2{optional int32 x=1;}oneof o{string s=3;}}',
    expected: `syntax = "proto2";
message A {
  map<string, int32> m = 1;
  optional group G = 2 {
    optional int32 x = 1;
  }
  oneof o {
    string s = 3;
  }
}
`,
  },
  {
    name: 'rpc signatures',
    input:
      'service S{rpc A ( Req ) returns ( stream Resp ) ;rpc B(stream .pkg.Req)returns(Resp){option deprecated=true;}rpc C(Req) returns (Resp) {}}',
    expected: `service S {
  rpc A(Req) returns (stream Resp);
  rpc B(stream .pkg.Req) returns (Resp) {
    option deprecated = true;
  }
  rpc C(Req) returns (Resp) {}
}
`,
  },
  {
    name: 'an rpc wrapped before returns is joined',
    input: 'service S {\n  rpc ListThings(ListThingsRequest)\n      returns (ListThingsResponse) {}\n}\n',
    expected: 'service S {\n  rpc ListThings(ListThingsRequest) returns (ListThingsResponse) {}\n}\n',
  },
  {
    name: 'reserved, extensions and ranges',
    input: 'syntax="proto2";message A{reserved 1,2 to 5,9 to max;reserved "a","b";extensions 100 to 199;}',
    expected: `syntax = "proto2";
message A {
  reserved 1, 2 to 5, 9 to max;
  reserved "a", "b";
  extensions 100 to 199;
}
`,
  },
  {
    name: 'leading dots and dotted names',
    input: 'message A{repeated .a.b.C c=1;a . b.C d=2;optional .x.Y e=3 [(.x.opt) = 1];}',
    expected: `message A {
  repeated .a.b.C c = 1;
  a.b.C d = 2;
  optional .x.Y e = 3 [(.x.opt) = 1];
}
`,
  },
  {
    name: 'blank lines kept, runs collapsed, none at the edges of a body or the file',
    input: '\n\nsyntax = "proto3";\n\n\n\nmessage A {\n\n  int32 a = 1;\n\n\n  int32 b = 2;\n\n}\nmessage B {}\n',
    expected: `syntax = "proto3";

message A {
  int32 a = 1;

  int32 b = 2;
}
message B {}
`,
  },
  {
    name: 'aggregates keep their lines and are reindented; one-line aggregates are spaced',
    input: 'option (a) = {\n        x: 1\n     y {\n  z: "q"\n}\n   };\nmessage M { option (b) = {x:1,y:[1,2]}; }',
    expected: `option (a) = {
  x: 1
  y {
    z: "q"
  }
};
message M {
  option (b) = {x: 1, y: [1, 2]};
}
`,
  },
  {
    name: 'aggregates inside option lists, with angle brackets and Any type URLs',
    input:
      'message M {\n  int32 a = 1 [(v) = {\n  any: {[type.googleapis.com/foo.Bar] {x: 1}}\n      msg < k: "v" >\n  }];\n}',
    expected: `message M {
  int32 a = 1 [(v) = {
    any: {[type.googleapis.com/foo.Bar] {x: 1}}
    msg < k: "v" >
  }];
}
`,
  },
  {
    name: 'multi-line string concatenation lines up',
    input: 'option (a) = "one"\n   "two"\n      "three";\nmessage M { string s = 1 [default = "a" "b"]; }',
    expected: `option (a) =
  "one"
  "two"
  "three";
message M {
  string s = 1 [default = "a" "b"];
}
`,
  },
  {
    name: 'string concatenation inside an aggregate continues one level deeper',
    input: 'option (a) = {\n  msg: "one "\n       "two"\n  n: 1\n};',
    expected: 'option (a) = {\n  msg: "one "\n    "two"\n  n: 1\n};\n',
  },
  {
    name: 'a stray semicolon after a body stays on its line',
    input: 'message A {\n  int32 a = 1;\n};\nenum E { X = 0; };',
    expected: 'message A {\n  int32 a = 1;\n};\nenum E {\n  X = 0;\n};\n',
  },
  {
    name: 'trailing white space and tabs go, indentation becomes two spaces',
    input: 'message A {\t\n\tint32 a = 1;   \n\t\tint32 b = 2;\n}\n\n\n',
    expected: 'message A {\n  int32 a = 1;\n  int32 b = 2;\n}\n',
  },
  {
    name: 'editions and visibility keywords',
    input:
      'edition = "2024";\nexport message A { int32 a = 1 [features.field_presence = EXPLICIT]; }\nlocal enum E { option features.enum_type = CLOSED; X = 1; }',
    expected: `edition = "2024";
export message A {
  int32 a = 1 [features.field_presence = EXPLICIT];
}
local enum E {
  option features.enum_type = CLOSED;
  X = 1;
}
`,
  },
  {
    name: 'keywords used as names',
    input: 'message message { int32 option = 1; int32 to = 2; int32 max = 3; message rpc {} }\nservice service { rpc rpc(message) returns (message); }',
    expected: `message message {
  int32 option = 1;
  int32 to = 2;
  int32 max = 3;
  message rpc {}
}
service service {
  rpc rpc(message) returns (message);
}
`,
  },
  {
    name: 'imports, negative numbers and special floats',
    input: 'import public"a.proto";import weak "b.proto";\noption (x)=-inf;option (y) = - 1.5e3;\nenum E{A=0;B=-2[deprecated=true];}',
    expected: `import public "a.proto";
import weak "b.proto";
option (x) = -inf;
option (y) = -1.5e3;
enum E {
  A = 0;
  B = -2 [deprecated = true];
}
`,
  },
];

for (const c of cases) {
  test(`formats: ${c.name}`, () => formats(c.input, c.expected));
}

const commentCases: { name: string; input: string; expected: string }[] = [
  {
    name: 'leading, trailing and detached comments keep their lines',
    input:
      '// detached\n\n// leading\nmessage A { // trailing of the brace\n    // leading of a\n      int32 a = 1;    // trailing of a\n  /* block */ int32 b = 2; /* after b */\n}  // after the body\n',
    expected: `// detached

// leading
message A { // trailing of the brace
  // leading of a
  int32 a = 1; // trailing of a
  /* block */ int32 b = 2; /* after b */
} // after the body
`,
  },
  {
    name: 'a comment before a closing brace is indented with the body',
    input: 'message A {\n  int32 a = 1;\n// last words\n}\n',
    expected: 'message A {\n  int32 a = 1;\n  // last words\n}\n',
  },
  {
    name: 'comments inside a declaration stay between the same tokens',
    input: 'message A {\n  int32 /* type */ a /* name */ = /* eq */ 1 /* num */ ; \n  int32 b = // why\n     2;\n}\n',
    expected: `message A {
  int32 /* type */ a /* name */ = /* eq */ 1 /* num */;
  int32 b = // why
    2;
}
`,
  },
  {
    name: 'comments in option lists and aggregates',
    input:
      'message A {\n  int32 a = 1 [ // first\n    deprecated = true, // second\n    /* third */ (x) = { // inside\n        y: 1 // y\n      }\n  ];\n}\n',
    expected: `message A {
  int32 a = 1 [ // first
    deprecated = true, // second
    /* third */ (x) = { // inside
      y: 1 // y
    }
  ];
}
`,
  },
  {
    name: 'continuation lines of a trailing comment stay under it',
    input: 'enum E {\n  A = 0;    // first line\n            // second line\n  B = 1;  // other\n  // not a continuation\n}\n',
    expected: `enum E {
  A = 0; // first line
         // second line
  B = 1; // other
  // not a continuation
}
`,
  },
  {
    name: 'the lines of a block comment move with its first line',
    input: 'message A {\n      /*\n       * doc   \n       */\n      int32 a = 1;\n}\n',
    expected: 'message A {\n  /*\n   * doc\n   */\n  int32 a = 1;\n}\n',
  },
  {
    name: 'a body brace pushed down by a comment lines up with its declaration',
    input: 'message A // why\n    {\n  int32 a = 1;\n}\n',
    expected: 'message A // why\n{\n  int32 a = 1;\n}\n',
  },
  {
    name: 'comments in empty bodies',
    input: 'message A { /* nothing */ }\nmessage B {\n  // nothing\n}\nmessage C {} // done\n',
    expected: 'message A { /* nothing */ }\nmessage B {\n  // nothing\n}\nmessage C {} // done\n',
  },
  {
    name: 'a comment as the last thing in a file without a final line break',
    input: 'syntax = "proto3"; // end',
    expected: 'syntax = "proto3"; // end\n',
  },
  {
    name: 'a blank line between an opening brace and a comment stays (it detaches the comment)',
    input: 'message A {\n\n  // detached from a\n\n  int32 a = 1;\n}\n',
    expected: 'message A {\n\n  // detached from a\n\n  int32 a = 1;\n}\n',
  },
  {
    name: 'a file of comments only',
    input: '  // one\n\n\n/* two */',
    expected: '// one\n\n/* two */\n',
  },
];

for (const c of commentCases) {
  test(`keeps comments: ${c.name}`, () => formats(c.input, c.expected));
}

test('refuses files with syntax errors instead of guessing', () => {
  for (const input of ['message A { int32 a = ; }', 'message A { int32 a = 1; }}', 'message A {', 'message A { int32 a = 1 [x = 1; }', 'x "open']) {
    const r = formatProto(input);
    assert.ok('error' in r, `formatted broken input ${JSON.stringify(input)}`);
    assert.match(r.error, /^the file has syntax errors \(.+\): fix them before formatting$/);
  }
});

test('an empty file stays empty', () => {
  assert.deepEqual(formatProto(''), { text: '' });
  assert.deepEqual(formatProto('\n\n  \n'), { text: '' });
});

test('uses the indent it is given', () => {
  formats('message A { message B { int32 a = 1; } }', 'message A {\n\tmessage B {\n\t\tint32 a = 1;\n\t}\n}\n', '\t');
  formats('message A { int32 a = 1; }', 'message A {\n    int32 a = 1;\n}\n', '    ');
});

test('keeps the line breaks the file uses and its byte order mark', () => {
  formats('syntax = "proto3";\r\nmessage A {\r\n/* a\r\n   b */ int32 a = 1;}', 'syntax = "proto3";\r\nmessage A {\r\n  /* a\r\n     b */ int32 a = 1;\r\n}\r\n');
  formats('\uFEFFmessage A {}', '\uFEFFmessage A {}\n');
});
