import { createRequire } from "node:module";
import path from "node:path";
import type { EmailContent } from "@/db/schema";

// The HTML part of every email: one narrow column, inline styles (mail clients drop <style>),
// colours with AA contrast, the team and roadmap named, one button, the unsubscribe link.

const text = { color: "#1f2937", fontSize: "15px", lineHeight: "22px", margin: "0 0 14px" };

function Email({ content }: { content: EmailContent }) {
  const context = [
    content.teamName && `Team: ${content.teamName}`,
    content.roadmapName && `Roadmap: ${content.roadmapName}`,
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <html lang="en">
      {/* An email, not a Next page: next/head has no meaning here. */}
      {/* eslint-disable-next-line @next/next/no-head-element */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{content.heading}</title>
      </head>
      <body
        style={{
          backgroundColor: "#f3f4f6",
          margin: 0,
          padding: "24px 0",
          fontFamily: "system-ui, sans-serif",
        }}
      >
        <table role="presentation" width="100%" cellPadding={0} cellSpacing={0}>
          <tbody>
            <tr>
              <td align="center">
                <table
                  role="presentation"
                  width="560"
                  cellPadding={0}
                  cellSpacing={0}
                  style={{ backgroundColor: "#ffffff", borderRadius: "8px", padding: "28px" }}
                >
                  <tbody>
                    <tr>
                      <td>
                        <p style={{ ...text, color: "#4b5563", fontSize: "13px" }}>
                          Cairn{context && ` · ${context}`}
                        </p>
                        <h1 style={{ color: "#111827", fontSize: "20px", margin: "0 0 16px" }}>
                          {content.heading}
                        </h1>
                        {content.paragraphs.map((paragraph, i) => (
                          <p key={i} style={text}>
                            {paragraph}
                          </p>
                        ))}
                        <p style={{ margin: "20px 0" }}>
                          <a
                            href={content.action.url}
                            style={{
                              backgroundColor: "#0f766e",
                              color: "#ffffff",
                              padding: "10px 18px",
                              borderRadius: "6px",
                              textDecoration: "none",
                              fontWeight: 600,
                            }}
                          >
                            {content.action.label}
                          </a>
                        </p>
                        <p style={{ ...text, color: "#4b5563", fontSize: "13px" }}>
                          Or paste this address into your browser: {content.action.url}
                        </p>
                        {content.unsubscribeUrl && (
                          <p style={{ ...text, color: "#4b5563", fontSize: "13px", margin: 0 }}>
                            <a href={content.unsubscribeUrl} style={{ color: "#0f766e" }}>
                              Turn these emails off
                            </a>
                          </p>
                        )}
                      </td>
                    </tr>
                  </tbody>
                </table>
              </td>
            </tr>
          </tbody>
        </table>
      </body>
    </html>
  );
}

/**
 * react-dom/server from node_modules, loaded when the first email is drawn: Next refuses the
 * package in its server bundles (the worker starts from instrumentation, a React Server Components
 * bundle), and these components use no hooks, so any React 19 renders their elements.
 */
let render: ((element: React.ReactElement) => string) | undefined;
function renderToStaticMarkup(element: React.ReactElement): string {
  render ??= (
    createRequire(path.join(process.cwd(), "package.json"))(
      "react-dom/server",
    ) as typeof import("react-dom/server")
  ).renderToStaticMarkup;
  return render(element);
}

export function emailHtml(content: EmailContent): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(<Email content={content} />)}`;
}
