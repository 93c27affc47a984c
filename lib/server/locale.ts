/** The first supported tag of an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null): string {
  const tags = (header ?? "")
    .split(",")
    .map((part) => part.split(";")[0].trim())
    .filter((tag) => tag && tag !== "*");
  for (const tag of tags) {
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf([tag]);
      if (supported) return supported;
    } catch {
      // An invalid tag: try the next one.
    }
  }
  return "en-US";
}
