import type { ChildNode, Element, ParentNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';

export type { ChildNode, Element, ParentNode };

/** A web page or an XML part as a tree, every node with its start offset in `text`. */
export function parseMarkup(text: string, xml: boolean) {
  return parseDocument(text, { withStartIndices: true, xmlMode: xml, decodeEntities: true, recognizeSelfClosing: true });
}

export function isElement(node: ChildNode | ParentNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** The elements under `node` (not `node` itself) that satisfy `test`, in document order, not looking inside matches when `stop` says so. */
export function findAll(node: ParentNode, test: (e: Element) => boolean, stop: (e: Element) => boolean = () => false): Element[] {
  const found: Element[] = [];
  const visit = (parent: ParentNode) => {
    for (const child of parent.children) {
      if (!isElement(child)) continue;
      if (test(child)) found.push(child);
      if (!stop(child)) visit(child);
    }
  };
  visit(node);
  return found;
}

/** The child elements of `node` with the given name (XML: with its prefix, `w:tc`). */
export function childrenNamed(node: ParentNode, name: string): Element[] {
  return node.children.filter((c): c is Element => isElement(c) && c.name === name);
}
