"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { LocaleProvider } from "@/lib/client/locale";
import { makeQueryClient } from "@/lib/client/query-client";

export function Providers({ locale, children }: { locale: string; children: ReactNode }) {
  // One client per browser tab (and a fresh one per server render), never shared between users.
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider locale={locale}>{children}</LocaleProvider>
    </QueryClientProvider>
  );
}
