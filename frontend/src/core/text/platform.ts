/** A platform id as the API gives it (`telegram`, `twitter`, null for stores imported before) for people. */
export function platformName(platform: string | null | undefined): string {
  switch (platform) {
    case "telegram":
      return "Telegram";
    case "twitter":
      return "Twitter";
    case null:
    case undefined:
    case "":
      return "—";
    default:
      return platform;
  }
}
