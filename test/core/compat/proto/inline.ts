/**
 * Images of schemas written inline in the fixture mini-language (test/service/fixture.ts): the
 * fixture's files are the module, the well-known types they import are loaded as imports.
 */
import { buildProtoImage } from '../../../../server/src/core/compat/proto/build';
import type { ProtoImage } from '../../../../server/src/core/compat/proto/image';
import { loadWellKnownTypes } from '../../proto/checkFixture';
import { fixture, type Fixture } from '../../../service/fixture';

export function inlineImage(source: string): { image: ProtoImage; fixture: Fixture } {
  const fx = fixture(source);
  const module = new Set(fx.files.map((f) => f.uri));
  loadWellKnownTypes(fx.project);
  const image = buildProtoImage(fx.project, [...fx.project.uris()].map((uri) => ({ uri, isImport: !module.has(uri) })));
  return { image, fixture: fx };
}
