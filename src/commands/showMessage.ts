/** A small dialog that tells the user why the ribbon command did not finish. */
import type { Language } from "../core/types";

/** The message page's address: message.html beside the function file, the text in its hash. */
export function messageUrl(base: string, message: string, lang: Language): string {
  const url = new URL("message.html", base);
  url.hash = new URLSearchParams({ lang, message }).toString();
  return url.toString();
}

/**
 * Opens message.html in an Office dialog and resolves once it is shown (or could not be). The
 * dialog closes when its button asks to. Without DialogApi 1.1 the message goes to the log.
 */
export function showMessage(message: string, lang: Language): Promise<void> {
  if (!Office.context.requirements.isSetSupported("DialogApi", "1.1")) {
    console.error(`PerfScore: ${message}`);
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(messageUrl(location.href, message, lang), { height: 30, width: 35, displayInIframe: true }, (result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) {
        const dialog = result.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => dialog.close());
      } else {
        console.error(`PerfScore: ${message}`, result.error);
      }
      resolve();
    });
  });
}
