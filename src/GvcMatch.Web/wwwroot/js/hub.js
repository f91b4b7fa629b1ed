// One connection to the negotiation hub per page, shared by the "Messages" badge in the navigation
// and the conversation view (negotiation.js). It reconnects by itself, restarts after the server
// went away for longer than the reconnect schedule, and treats the browser going offline as a
// disconnect: Chromium keeps a WebSocket open when the network drops, and messages sent into it
// then are lost until it times out.
(() => {
    'use strict';
    if (!window.signalR) return;
    const userId = document.currentScript?.dataset.userId ?? null;

    const connection = new signalR.HubConnectionBuilder()
        .withUrl('/hubs/negotiation')
        .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 30000])
        .configureLogging(signalR.LogLevel.Warning)
        .build();

    const connectedHandlers = [];
    const stateHandlers = [];
    let state = 'connecting';
    let wanted = navigator.onLine !== false;
    let starting = null;

    const setState = (next) => {
        state = next;
        stateHandlers.forEach((h) => h(next));
    };
    const connected = () => {
        setState('live');
        connectedHandlers.forEach((h) => h(connection));
        refreshBadge();
        refreshInbox();
    };
    const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

    // Retries until it is connected or the browser is offline; never two loops at once.
    const start = () => {
        if (starting) return starting;
        starting = (async () => {
            let wait = 1000;
            while (wanted && connection.state === signalR.HubConnectionState.Disconnected) {
                setState('connecting');
                try {
                    await connection.start();
                    connected();
                    return;
                } catch {
                    setState('offline');
                    await delay(wait);
                    wait = Math.min(wait * 2, 15000);
                }
            }
        })().finally(() => { starting = null; });
        return starting;
    };

    connection.onreconnecting(() => setState('reconnecting'));
    connection.onreconnected(() => connected());
    connection.onclose(() => {
        setState('offline');
        if (wanted) setTimeout(start, 1000);
    });
    window.addEventListener('offline', () => {
        wanted = false;
        connection.stop();
        setState('offline');
    });
    window.addEventListener('online', () => {
        wanted = true;
        start();
    });

    // The unread badge: the server's total on Unread events; re-read after a message from someone else.
    const badge = document.getElementById('messages-unread');
    // The label's texts come from the page in its language (data-label-one / data-label-other with {0}).
    const countLabel = (el, n, english) =>
        (n === 1 && el.dataset.labelOne ? el.dataset.labelOne : el.dataset.labelOther ?? english).replace('{0}', n.toLocaleString(document.documentElement.lang));
    const setBadge = (total) => {
        if (!badge) return;
        badge.textContent = String(total);
        badge.setAttribute('aria-label', countLabel(badge, total, '{0} unread messages'));
        badge.hidden = total <= 0;
    };
    let refreshTimer = 0;
    function refreshBadge() {
        if (!badge) return;
        clearTimeout(refreshTimer);
        refreshTimer = setTimeout(async () => {
            try {
                const response = await fetch('/api/conversations/unread', { headers: { Accept: 'application/json' } });
                if (response.ok) setBadge((await response.json()).total);
            } catch { /* offline: the next Unread event or reconnect corrects it */ }
        }, 250);
    }
    connection.on('Unread', (e) => setBadge(e.totalUnread));

    // The Inbox badge: a pushed notification re-reads the unread count (one entry may stand for
    // several events, so counting pushes would overcount), and so does every (re)connect.
    const inboxBadge = document.getElementById('unread-count');
    let inboxTimer = 0;
    function refreshInbox() {
        if (!inboxBadge) return;
        clearTimeout(inboxTimer);
        inboxTimer = setTimeout(async () => {
            try {
                const response = await fetch('/api/notifications?pageSize=1', { headers: { Accept: 'application/json' } });
                if (!response.ok) return;
                const unread = (await response.json()).unread;
                inboxBadge.textContent = String(unread);
                inboxBadge.setAttribute('aria-label', countLabel(inboxBadge, unread, '{0} unread notifications'));
                inboxBadge.hidden = unread <= 0;
            } catch { /* offline: the next push or reconnect corrects it */ }
        }, 250);
    }
    connection.on('NotificationReceived', () => refreshInbox());
    connection.on('MessageReceived', (m) => {
        // The open conversation marks its messages read itself and the Unread event follows.
        const own = m.senderUserId && m.senderUserId === api.userId;
        const watched = m.conversationId === api.activeConversationId && document.visibilityState === 'visible';
        if (!own && !watched) refreshBadge();
    });

    const api = {
        connection,
        userId,
        activeConversationId: null,
        get state() { return state; },
        /** Runs after every successful (re)connect, and now if connected already. */
        onConnected(handler) {
            connectedHandlers.push(handler);
            if (connection.state === signalR.HubConnectionState.Connected) handler(connection);
        },
        onState(handler) {
            stateHandlers.push(handler);
            handler(state);
        },
        start,
    };
    window.gvcHub = api;
    if (wanted) start(); else setState('offline');
})();
