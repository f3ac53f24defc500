/**
 * The OAuth consent opens in a popup; the provider redirects it through the callback back to this
 * page with `?sessionId=…&connected=<integration>:<outcome>`, so the popup then loads the page
 * itself. On such a load the page asks on a BroadcastChannel whether another window shows the
 * session; if one answers, this is the popup: it says so and closes. The main window learns the
 * outcome from `/events` anyway; the message only makes it refresh at once. Nothing relies on
 * `window.opener`, which a provider's Cross-Origin-Opener-Policy usually severs.
 */
const CHANNEL = 'agent-builder';

interface Signal {
  type: 'oauth-returned' | 'ack';
  sessionId: string;
}

const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;

/** Opens the authorization URL in a popup; false when blocked (the caller lets its link open a tab). */
export function openAuthorization(url: string): boolean {
  const popup = window.open(url, 'agent-builder-oauth', 'popup,width=520,height=700');
  if (!popup) return false;
  try {
    popup.opener = null; // the provider's page gets no handle on this one
  } catch {
    // already cross-origin: nothing to sever
  }
  return true;
}

/** True when this window came back from the provider and another window of the session took the news. */
export async function isReturningPopup(sessionId: string, url: URL): Promise<boolean> {
  if (!channel || !url.searchParams.has('connected')) return false;
  return new Promise((resolve) => {
    // Generous: the main window may be a throttled background tab on a busy machine.
    const timer = setTimeout(() => finish(false), 2000);
    const again = setTimeout(() => ask(), 400);
    const ask = (): void => channel.postMessage({ type: 'oauth-returned', sessionId } satisfies Signal);
    const onMessage = (event: MessageEvent<Signal>): void => {
      if (event.data?.type === 'ack' && event.data.sessionId === sessionId) finish(true);
    };
    const finish = (answered: boolean): void => {
      clearTimeout(timer);
      clearTimeout(again);
      channel.removeEventListener('message', onMessage);
      resolve(answered);
    };
    channel.addEventListener('message', onMessage);
    ask();
  });
}

/** In the main window: answer a returning popup of the current session and react. */
export function onPopupReturn(currentSessionId: () => string | null, react: () => void): void {
  channel?.addEventListener('message', (event: MessageEvent<Signal>) => {
    const id = currentSessionId();
    if (event.data?.type !== 'oauth-returned' || !id || event.data.sessionId !== id) return;
    channel.postMessage({ type: 'ack', sessionId: id } satisfies Signal);
    react();
  });
}
