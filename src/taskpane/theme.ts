/**
 * Follows Office's theme (Office.context.officeTheme, dark themes included). Outside Office, or
 * where the host gives no theme, the CSS follows prefers-color-scheme instead.
 */

/** Relative luminance of a #rrggbb colour, 0 (black) to 1 (white); null when it is not one. */
export function luminance(hex: string | undefined): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? "");
  if (!m) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => {
    const c = parseInt(x ?? "0", 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** Sets data-theme on <html> ("dark" or "light") from Office's body background, when Office gives one. */
export function applyTheme(theme: Office.OfficeTheme | undefined): void {
  const l = luminance(theme?.bodyBackgroundColor);
  if (l === null) return;
  document.documentElement.dataset.theme = l < 0.4 ? "dark" : "light";
}
