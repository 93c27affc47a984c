"use client";

import { useMemo } from "react";
import { useDateFormat } from "@/lib/client/locale";

/** "2027-Q3" as people write it: "Q3 2027". */
export function quarterLabel(quarter: string): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  return match ? `Q${match[2]} ${match[1]}` : quarter;
}

export interface NumberText {
  /** 1,234 */
  count: (n: number) => string;
  /** 1,234 h */
  hours: (n: number) => string;
  /** 1.2k, for chart axes */
  compact: (n: number) => string;
  /** 2.5 (at most one decimal) */
  decimal: (n: number) => string;
  /** 87% */
  percent: (share: number) => string;
}

/** Node's ICU and the browser's differ in the spaces they group digits with: use plain ones. */
function plain(text: string): string {
  return text.replace(/[\u2009\u202f\u00a0]/g, " ");
}

/** Numbers in the reader's locale (the server's guess until hydration, like dates). */
export function useNumberText(): NumberText {
  const { locale } = useDateFormat();
  return useMemo(() => {
    const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const oneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const compact = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });
    const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
    return {
      count: (n) => plain(whole.format(n)),
      hours: (n) => `${plain(whole.format(n))} h`,
      compact: (n) => plain(compact.format(n)),
      decimal: (n) => plain(oneDecimal.format(n)),
      percent: (share) => plain(percent.format(share)),
    };
  }, [locale]);
}
