import { Fragment, useMemo, type ReactNode } from "react";
import { cx } from "@/components/ui/cx";
import { parseCommentBody, type BlockNode, type InlineNode } from "@/lib/collaboration/markdown";
import type { Person } from "@/lib/validation/collaboration";

/**
 * The handles a member can be mentioned by, as the server reads them (lib/collaboration/mention-tokens):
 * their e-mail, their name without spaces and their e-mail's local part.
 */
export function mentionHandles(person: Person): string[] {
  const email = person.email.toLowerCase();
  return [email, person.name.replace(/\s+/g, ""), email.slice(0, email.lastIndexOf("@"))];
}

/**
 * A comment's Markdown as React elements, built from the parsed tree: nothing in the text is ever
 * treated as HTML. Mentions of the members the server resolved show as chips with their names.
 */
export function CommentBody({
  body,
  mentions,
  className,
}: {
  body: string;
  mentions: readonly Person[];
  className?: string;
}) {
  const { blocks, byHandle } = useMemo(() => {
    const byHandle = new Map<string, Person>();
    for (const person of mentions)
      for (const handle of mentionHandles(person))
        if (!byHandle.has(handle.toLowerCase())) byHandle.set(handle.toLowerCase(), person);
    const blocks = parseCommentBody(body, { mentionHandles: [...byHandle.keys()] });
    return { blocks, byHandle };
  }, [body, mentions]);

  return (
    <div className={cx("flex flex-col gap-2 text-sm leading-6 break-words text-ink", className)}>
      {blocks.map((block, i) => (
        <Block key={i} block={block} byHandle={byHandle} />
      ))}
    </div>
  );
}

function Block({ block, byHandle }: { block: BlockNode; byHandle: Map<string, Person> }) {
  switch (block.type) {
    case "paragraph":
      return <p>{inlines(block.children, byHandle)}</p>;
    case "codeBlock":
      return (
        <pre className="overflow-x-auto rounded-md border border-line bg-canvas px-3 py-2 font-mono text-[13px] leading-5">
          <code data-language={block.language ?? undefined}>{block.text}</code>
        </pre>
      );
    case "list": {
      const items = block.items.map((item, i) => <li key={i}>{inlines(item, byHandle)}</li>);
      return block.ordered ? (
        <ol start={block.start} className="list-decimal pl-6">
          {items}
        </ol>
      ) : (
        <ul className="list-disc pl-5">{items}</ul>
      );
    }
  }
}

function inlines(nodes: InlineNode[], byHandle: Map<string, Person>): ReactNode {
  return nodes.map((node, i) => <Fragment key={i}>{inline(node, byHandle)}</Fragment>);
}

function inline(node: InlineNode, byHandle: Map<string, Person>): ReactNode {
  switch (node.type) {
    case "text":
      return node.text;
    case "break":
      return <br />;
    case "strong":
      return <strong className="font-semibold">{inlines(node.children, byHandle)}</strong>;
    case "emphasis":
      return <em>{inlines(node.children, byHandle)}</em>;
    case "code":
      return (
        <code className="rounded bg-subtle px-1 py-0.5 font-mono text-[0.85em] text-ink ring-1 ring-line">
          {node.text}
        </code>
      );
    case "link":
      return (
        <a
          href={node.href}
          target="_blank"
          rel="noopener noreferrer nofollow ugc"
          className="font-medium text-accent-700 underline decoration-accent-600/40 underline-offset-2 hover:decoration-accent-700"
        >
          {inlines(node.children, byHandle)}
        </a>
      );
    case "mention": {
      const person = byHandle.get(node.handle.toLowerCase());
      if (!person) return node.text;
      return (
        <span
          data-mention={person.id}
          title={person.email}
          className="rounded bg-accent-50 px-1 py-px font-medium whitespace-nowrap text-accent-800 ring-1 ring-accent-200 ring-inset"
        >
          @{person.name}
        </span>
      );
    }
  }
}
