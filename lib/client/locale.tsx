"use client";

import { createContext, useContext, useSyncExternalStore, type ReactNode } from "react";
import type { DateFormatContext } from "./format";

const ServerLocaleContext = createContext("en-US");

export function LocaleProvider({ locale, children }: { locale: string; children: ReactNode }) {
  return <ServerLocaleContext.Provider value={locale}>{children}</ServerLocaleContext.Provider>;
}

const subscribeNothing = () => () => {};

/**
 * How to format dates here. The server renders with the request's Accept-Language in UTC, and the
 * first client render matches it (no hydration mismatch); afterwards the browser's own locale and
 * time zone take over.
 */
export function useDateFormat(): DateFormatContext {
  const serverLocale = useContext(ServerLocaleContext);
  const hydrated = useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
  return hydrated ? {} : { locale: serverLocale, timeZone: "UTC" };
}
