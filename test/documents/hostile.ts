// Shared by the renderer tests (Markdown, HTML, PDF): values that are not a document model, each
// with the path of the first field that does not fit (review finding 6, #12).
import type { DocumentModel } from '../../src/index';
import { MAX_SECTION_DEPTH } from '../../src/documents/readDocument';

export type HostileDocument = { readonly name: string; readonly doc: () => unknown; readonly path: string };

/** A deep, plain copy of a model, to break one field of. */
function copy(doc: DocumentModel): any {
  return JSON.parse(JSON.stringify(doc));
}

function throwing(target: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.defineProperty(target, key, { enumerable: true, get: () => { throw new Error('boom'); } });
}

export function hostileDocuments(valid: DocumentModel): HostileDocument[] {
  const tableAt = valid.sections.findIndex((s) => s.blocks.some((b) => b.kind === 'table'));
  const blockAt = valid.sections[tableAt]?.blocks.findIndex((b) => b.kind === 'table') ?? -1;
  const table = `doc.sections[${tableAt}].blocks[${blockAt}]`;
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  return [
    { name: 'null', doc: () => null, path: 'doc' },
    { name: 'undefined', doc: () => undefined, path: 'doc' },
    { name: 'a number', doc: () => 42, path: 'doc' },
    { name: 'a BigInt', doc: () => 10n, path: 'doc' },
    { name: 'a string', doc: () => 'doc', path: 'doc' },
    { name: 'an array', doc: () => [valid], path: 'doc' },
    { name: 'an empty object', doc: () => ({}), path: 'doc.kind' },
    { name: 'an unknown kind', doc: () => ({ ...copy(valid), kind: 'invoice' }), path: 'doc.kind' },
    { name: 'a number as the title', doc: () => ({ ...copy(valid), title: 5 }), path: 'doc.title' },
    { name: 'no metadata', doc: () => ({ ...copy(valid), metadata: undefined }), path: 'doc.metadata' },
    { name: 'a date that is not one', doc: () => { const d = copy(valid); d.metadata.date = '2026-02-30'; return d; }, path: 'doc.metadata.date' },
    { name: 'a BigInt as the program name', doc: () => { const d = copy(valid); d.metadata.program.name = 10n; return d; }, path: 'doc.metadata.program.name' },
    { name: 'sections as an object', doc: () => ({ ...copy(valid), sections: {} }), path: 'doc.sections' },
    { name: 'a heading that is a number', doc: () => { const d = copy(valid); d.sections[1].heading = 5; return d; }, path: 'doc.sections[1].heading' },
    { name: 'an unknown block kind', doc: () => { const d = copy(valid); d.sections[0].blocks[0] = { kind: 'image', src: 'x' }; return d; }, path: 'doc.sections[0].blocks[0].kind' },
    { name: 'a list without items', doc: () => { const d = copy(valid); d.sections[0].blocks[0] = { kind: 'list', ordered: false }; return d; }, path: 'doc.sections[0].blocks[0].items' },
    { name: 'a row with a cell missing', doc: () => { const d = copy(valid); d.sections[tableAt].blocks[blockAt].rows[0].pop(); return d; }, path: `${table}.rows[0]` },
    { name: 'a BigInt in a cell', doc: () => { const d = copy(valid); d.sections[tableAt].blocks[blockAt].rows[0][1] = 10n; return d; }, path: `${table}.rows[0][1]` },
    { name: 'a column aligned to the centre', doc: () => { const d = copy(valid); d.sections[tableAt].blocks[blockAt].columns[0].align = 'center'; return d; }, path: `${table}.columns[0].align` },
    { name: 'a getter that throws', doc: () => throwing(copy(valid), 'subtitle'), path: 'doc.subtitle' },
    { name: 'a Proxy whose get trap throws', doc: () => new Proxy(copy(valid), { get: () => { throw new Error('boom'); } }), path: 'doc.kind' },
    { name: 'a revoked Proxy', doc: () => revoked.proxy, path: 'doc.kind' },
    { name: 'a Proxy claiming a huge length', doc: () => ({ ...copy(valid), sections: new Proxy([], { get: (t, k) => (k === 'length' ? 2 ** 32 : Reflect.get(t, k)) }) }), path: 'doc.sections' },
    {
      name: 'a cycle of sections',
      doc: () => {
        const d = copy(valid);
        d.sections[0].subsections = [d.sections[0]];
        return d;
      },
      // Headings h2 to h6: the section one level below h6 is refused.
      path: `doc.sections[0]${'.subsections[0]'.repeat(MAX_SECTION_DEPTH)}`,
    },
  ];
}
