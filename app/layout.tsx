import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { localeFromAcceptLanguage } from "@/lib/server/locale";
import { Providers } from "./providers";
import "./globals.css";

// The stacked-stones mark, inline so that the tab icon needs no extra file or request.
const FAVICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><ellipse cx="16" cy="25.6" rx="12.5" ry="4.4" fill="#0b3d38"/><ellipse cx="15" cy="18.1" rx="9.2" ry="3.9" fill="#0f7567"/><ellipse cx="16.6" cy="11.3" rx="6.3" ry="3.3" fill="#1e917e"/><ellipse cx="15.7" cy="5.6" rx="3.4" ry="2.3" fill="#74cbb9"/></svg>',
)}`;

export const metadata: Metadata = {
  title: { default: "Cairn", template: "%s · Cairn" },
  description: "Collaborative product roadmaps: timeline, capacity, risks and reviews in one place.",
  applicationName: "Cairn",
  icons: { icon: FAVICON },
};

export const viewport: Viewport = {
  themeColor: "#f7f7f5",
  width: "device-width",
  initialScale: 1,
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = localeFromAcceptLanguage((await headers()).get("accept-language"));
  return (
    <html lang="en">
      <body className="min-h-dvh bg-canvas text-ink antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-[100] focus:rounded-md focus:bg-surface focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:shadow-popover"
        >
          Skip to content
        </a>
        <Providers locale={locale}>{children}</Providers>
      </body>
    </html>
  );
}
