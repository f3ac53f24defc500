/**
 * The OAuth consent opens in a popup; the provider redirects it back through the callback to this
 * page (`?sessionId=`), so the popup then loads the page itself. It recognises that case (a fresh
 * "popup opened" mark for this session plus another window of the page answering on a
 * BroadcastChannel), tells the main window and closes. The main window learns the outcome from
 * `/events` anyway; the message only makes it refresh at once. Nothing here relies on
 * `window.opener`, which providers' Cross-Origin-Opener-Policy usually severs.
 */
const CHANNEL = 'agent-builder';
const FRESH_MS = 15 * 60_000;
const flagKey = (sessionId: string): string => `agent-builder:oauth-popup:${sessionId}`;

interface Signal {
  type: 'oauth-returned' | 'ack';
  sessionId: string;
}

const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Opens the authorization URL in a popup; false when blocked (the caller lets its link open a tab). */
export function openAuthorization(sessionId: string, url: string): boolean {
  storage()?.setItem(flagKey(sessionId), String(Date.now()));
  const popup = window.open(url, 'agent-builder-oauth', 'popup,width=520,height=700');
  if (!popup) return false;
  try {
    popup.opener = null; // the provider's page gets no handle on this one
  } catch {
    // already cross-origin: nothing to sever
  }
  return true;
}

/** True when this window is the consent popup coming back and another window took the news. */
export async function isReturningPopup(sessionId: string): Promise<boolean> {
  const store = storage();
  const opened = Number(store?.getItem(flagKey(sessionId)) ?? 0);
  if (!channel || !opened || Date.now() - opened > FRESH_MS) return false;
  store?.removeItem(flagKey(sessionId));
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish(false), 600);
    const onMessage = (event: MessageEvent<Signal>): void => {
      if (event.data?.type === 'ack' && event.data.sessionId === sessionId) finish(true);
    };
    const finish = (answered: boolean): void => {
      clearTimeout(timer);
      channel.removeEventListener('message', onMessage);
      resolve(answered);
    };
    channel.addEventListener('message', onMessage);
    channel.postMessage({ type: 'oauth-returned', sessionId } satisfies Signal);
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
