import Link from "next/link";
import type { ComponentProps } from "react";
import { cx } from "./cx";

export const textLinkClasses =
  "font-medium text-accent-700 underline decoration-accent-300 decoration-1 underline-offset-[3px] hover:decoration-accent-700";

/** A link inside running text: underlined, so it is not told apart by colour alone. */
export function TextLink({ className, ...rest }: ComponentProps<typeof Link>) {
  return <Link className={cx(textLinkClasses, className)} {...rest} />;
}
