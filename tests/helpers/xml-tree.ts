import { SaxesParser } from "saxes";

/** An element of a parsed XML document: enough to find things and read their text. */
export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  /** The text directly inside the element. */
  text: string;
}

/** Parses XML strictly (saxes): any well-formedness error throws. */
export function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlNode = { name: "#document", attributes: {}, children: [], text: "" };
  const stack: XmlNode[] = [root];
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("opentag", (tag) => {
    const node: XmlNode = {
      name: tag.name,
      attributes: { ...(tag.attributes as Record<string, string>) },
      children: [],
      text: "",
    };
    stack.at(-1)!.children.push(node);
    if (!tag.isSelfClosing) stack.push(node);
  });
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  parser.on("text", (text) => {
    stack.at(-1)!.text += text;
  });
  parser.write(xml).close();
  return root;
}

/** Every element below `node` (depth first) that `match` accepts. */
export function findAll(node: XmlNode, match: (n: XmlNode) => boolean): XmlNode[] {
  const out: XmlNode[] = [];
  const visit = (n: XmlNode) => {
    for (const child of n.children) {
      if (match(child)) out.push(child);
      visit(child);
    }
  };
  visit(node);
  return out;
}

/** All the text inside an element, its descendants' too. */
export function textOf(node: XmlNode): string {
  return node.text + node.children.map(textOf).join("");
}
