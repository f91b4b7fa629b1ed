// The live conversation view. The page arrives with the history rendered on the server; this
// script joins the hub for what came after (Join with the last sequence number it holds, again
// after every reconnect), sends with a client message id so a retry never stores twice, and keeps
// every message keyed by its sequence number so nothing is shown twice.
(() => {
    'use strict';
    const root = document.getElementById('conversation');
    const hub = window.gvcHub;
    const dataElement = document.getElementById('conversation-data');
    if (!root || !hub || !dataElement) return;

    const data = JSON.parse(dataElement.textContent);
    // Texts in the page's language (View.cshtml renders them); an English key stands in for a missing one.
    const lang = document.documentElement.lang || 'en';
    const localized = JSON.parse(document.getElementById('conversation-texts')?.textContent ?? '{}');
    const t = (key, ...args) => (localized.texts?.[key] ?? key).replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));
    const days = (n) => (n === 1 ? t('1 day') : t('{0} days', n));
    // Lines the platform wrote (stored in English) read in the page's language, as _Message.cshtml shows them.
    const lines = lang === 'en' ? [] : (localized.lines ?? []).map((l) => ({ pattern: new RegExp(l.pattern, 's'), text: l.text }));
    const platformLine = (body) => {
        for (const l of lines) {
            const m = l.pattern.exec(body);
            if (m) return l.text.replace(/\{(\d+)\}/g, (_, i) => m[Number(i) + 1] ?? '');
        }
        return null;
    };
    if (!data.live) return; // an older page of history: static, with a link back to the latest
    const id = data.conversationId;
    const connection = hub.connection;
    const list = document.getElementById('messages');
    const scroller = document.getElementById('message-scroller');
    const form = document.getElementById('composer');
    const textarea = document.getElementById('message-body');
    const errorBox = document.getElementById('conversation-error');
    const typingBox = document.getElementById('typing');
    const announcer = document.getElementById('announcer');
    const ownUsers = new Set(data.ownUserIds);
    const offers = new Map(data.offers.map((o) => [o.id, o]));
    const seen = new Set([...list.querySelectorAll('li[data-seq]')].map((li) => Number(li.dataset.seq)));
    let lastSeq = data.lastSeq;
    let firstSeq = data.firstSeq;
    let otherReadSeq = data.otherReadSeq;
    let markedSeq = 0;
    hub.activeConversationId = id;

    // ---- errors: a hub error reads "code: detail"; show it where the user is looking ----
    const messageOf = (err) => {
        const text = String(err?.message ?? err ?? t('Something went wrong.'));
        const hubError = /HubException: (.*)$/s.exec(text);
        if (!hubError) return { code: 'connection', detail: t('Not connected. It will be sent when the connection is back.') };
        const [, code, detail] = /^(\w+): (.*)$/s.exec(hubError[1]) ?? [null, 'error', hubError[1]];
        return { code, detail };
    };
    const showError = (box, text) => {
        box.textContent = text;
        box.hidden = !text;
    };

    // ---- rendering: the same markup as _Message.cshtml and _OfferCard.cshtml ----
    const el = (tag, className, text) => {
        const e = document.createElement(tag);
        if (className) e.className = className;
        if (text !== undefined) e.textContent = text;
        return e;
    };
    const stamp = (iso) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
    const day = (isoDay) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDay}T00:00:00Z`));
    const number = (n, minimumFractionDigits = 0) => Number(n).toLocaleString(lang, { minimumFractionDigits, maximumFractionDigits: 4 });

    function renderMessage(m) {
        const own = m.senderUserId === hub.userId;
        const li = el('li', `msg ${m.kind === 'System' ? 'msg-system' : own ? 'msg-own' : 'msg-other'}${m.kind === 'Offer' ? ' msg-offer' : ''}`);
        li.id = `msg-${m.seq}`;
        li.dataset.seq = m.seq;
        if (m.clientMessageId) li.dataset.clientId = m.clientMessageId;
        if (m.offerId) li.dataset.offerId = m.offerId;
        const bubble = li.appendChild(el('div', 'msg-bubble'));
        if (m.kind !== 'System') {
            const meta = bubble.appendChild(el('div', 'msg-meta'));
            meta.append(el('span', 'msg-sender', m.senderName ?? t('Member')), ' · ');
            const time = meta.appendChild(el('time', '', stamp(m.sentAt)));
            time.dateTime = m.sentAt;
        }
        const isPlatformLine = m.kind === 'System' || m.kind === 'Offer';
        const line = isPlatformLine ? platformLine(m.body) : null;
        const body = bubble.appendChild(el('div', 'msg-body', line ?? m.body));
        if (isPlatformLine && line === null && lang !== 'en') body.lang = 'en';
        if (m.attachment) {
            const a = bubble.appendChild(el('div', 'msg-attachment'));
            const link = a.appendChild(el('a', '', m.attachment.name));
            link.href = m.attachment.url;
            a.append(' ', el('span', 'text-muted', `(${number(Math.floor(m.attachment.size / 1024) + 1)} KB)`));
            if (m.attachment.protected) {
                link.dataset.protectedDocument = String(m.attachment.documentId);
                a.append(' ', el('span', 'badge text-bg-warning protected-badge', t('Protected')));
            }
        }
        if (own) li.appendChild(el('div', 'msg-status'));
        return li;
    }

    const stateClass = { Proposed: 'text-bg-primary', Accepted: 'text-bg-success', Countered: 'text-bg-info', Rejected: 'text-bg-danger' };

    function renderOfferCard(o) {
        const card = el('div', 'card offer-card mt-1');
        card.id = `offer-${o.id}`;
        card.dataset.offerId = o.id;
        card.dataset.state = o.state;
        const header = card.appendChild(el('div', 'card-header d-flex justify-content-between align-items-center py-1'));
        const title = o.licence
            ? (o.previousOfferId ? t('Licence term sheet #{0} (counter to #{1})', o.id, o.previousOfferId) : t('Licence term sheet #{0}', o.id))
            : (o.previousOfferId ? t('Offer #{0} (counter to #{1})', o.id, o.previousOfferId) : t('Offer #{0}', o.id));
        header.append(el('span', 'fw-semibold', title),
            el('span', `badge offer-state ${stateClass[o.state] ?? 'text-bg-secondary'}`, t(o.state)));
        if (o.licence) {
            card.appendChild(renderLicence(o));
            card.appendChild(el('div', 'card-footer py-1 offer-actions'));
            renderOfferActions(card, o);
            return card;
        }
        const table = card.appendChild(el('table', 'table table-sm mb-0 offer-terms'));
        const body = table.appendChild(el('tbody'));
        const row = (label, value, cls) => {
            const tr = body.appendChild(el('tr'));
            const th = tr.appendChild(el('th', '', label));
            th.scope = 'row';
            tr.appendChild(el('td', cls ?? '', value));
        };
        row(t('Unit price'), `${number(o.price, 2)} ${o.currency}`, 'offer-price');
        row(t('Quantity'), `${number(o.quantity)} ${o.unit}`);
        row(t('Lead time'), days(o.leadTimeDays));
        row(t('Delivery'), `${o.incoterm}${o.deliveryPlace ? ' ' + o.deliveryPlace : ''}`);
        row(t('Payment'), days(o.paymentTermsDays));
        row(t('Valid until'), day(o.validUntil));
        if (o.notes && o.notes.trim()) row(t('Notes'), o.notes);
        card.appendChild(el('div', 'card-footer py-1 offer-actions'));
        renderOfferActions(card, o);
        return card;
    }

    // The same facts as _TermSheet.cshtml; enum names are spelled as words, as the page does.
    const spelled = (name) => name.replace(/(?!^)([A-Z])/g, ' $1').toLowerCase().replace(/^./, (c) => c.toUpperCase());
    const money = (amount, currency) => `${number(amount, 2)} ${currency ?? ''}`.trim();
    function renderLicence(o) {
        const s = o.licence;
        const box = el('div', 'card-body py-2 licence-terms');
        const dl = box.appendChild(el('dl', 'facts mb-0 term-sheet'));
        const fact = (label, value, cls) => { dl.append(el('dt', '', label), el('dd', cls ?? '', value)); };
        fact(t('Deal'), t(spelled(s.kind)), 'term-kind');
        if (s.fieldOfUse) fact(t('Field of use'), s.fieldOfUse);
        if (s.territory?.length) fact(t('Territory'), s.territory.join(', '));
        if (s.termYears) fact(t('Term'), t('{0} years', s.termYears));
        if (s.kind !== 'Sale') fact(t('Sublicensing'), s.sublicensingAllowed ? t('Allowed') : t('Not allowed'));
        if (s.improvements) fact(t('Improvements belong to'), t(spelled(s.improvements)));
        if (s.royaltyPercent != null) fact(t('Royalty'), `${number(s.royaltyPercent, 2)} %`, 'term-royalty');
        if (s.lumpSum != null) fact(t('Lump sum'), money(s.lumpSum, s.currency));
        if (s.milestones?.length) fact(t('Milestones'), s.milestones.map((m) => `${m.label}: ${money(m.amount, m.currency)}`).join('; '));
        fact(t('Valid until'), day(o.validUntil));
        if (o.notes && o.notes.trim()) fact(t('Notes'), o.notes);
        return box;
    }

    function renderOfferActions(card, o) {
        const actions = card.querySelector('.offer-actions');
        actions.replaceChildren();
        if (o.state === 'Accepted') {
            const link = actions.appendChild(el('a', 'agreement-link', t('Agreement summary')));
            link.href = `/Conversations/${id}/Agreement/${o.id}`;
            if (o.licence) {
                const pdf = actions.appendChild(el('a', 'heads-of-terms-link ms-2', t('Heads of terms (PDF)')));
                pdf.href = `/api/offers/${o.id}/heads-of-terms`;
                pdf.setAttribute('download', '');
            }
        } else if (o.state === 'Proposed') {
            const mine = o.proposedByOrganizationId === data.organizationId;
            const buttons = mine ? [['withdraw', 'Withdraw', 'btn-outline-secondary']]
                : [['accept', 'Accept', 'btn-success'], ['counter', 'Counter', 'btn-outline-primary'], ['reject', 'Reject', 'btn-outline-danger']];
            for (const [action, label, style] of buttons) {
                const b = actions.appendChild(el('button', `btn btn-sm ${style} me-1`, t(label)));
                b.type = 'button';
                b.dataset.action = action;
                b.setAttribute('aria-label', t(`${label} offer #{0}`, o.id));
            }
        }
        actions.appendChild(el('div', 'offer-error text-danger small', ''));
        actions.hidden = actions.childElementCount === 1 && o.state !== 'Proposed';
    }

    // The card sits on the earliest message about the offer that is on screen.
    function placeOfferCard(offerId) {
        const offer = offers.get(offerId);
        const host = list.querySelector(`li[data-offer-id="${offerId}"]`);
        if (!offer || !host) return;
        let card = document.getElementById(`offer-${offerId}`);
        if (!card) card = renderOfferCard(offer);
        if (card.parentElement === host) return;
        const stick = nearBottom();
        host.insertBefore(card, host.querySelector('.msg-status'));
        if (stick) scrollToBottom();
    }

    const finalStates = new Set(['Accepted', 'Rejected', 'Withdrawn', 'Expired', 'Countered']);
    function applyOffer(o) {
        if (o.conversationId !== id) return;
        const known = offers.get(o.id);
        // A slower read must not turn a decided offer back into an open one.
        if (known && finalStates.has(known.state) && !finalStates.has(o.state)) return;
        offers.set(o.id, o);
        const existing = document.getElementById(`offer-${o.id}`);
        if (!existing) { placeOfferCard(o.id); return; }
        const stick = nearBottom();
        existing.replaceWith(renderOfferCard(o));
        if (stick) scrollToBottom();
    }

    async function fetchOffer(offerId) {
        try {
            const response = await fetch(`/api/offers/${offerId}`, { headers: { Accept: 'application/json' } });
            if (response.ok) applyOffer(await response.json());
        } catch { /* the OfferUpdated event or the next catch-up brings it */ }
    }

    // ---- messages: keyed by seq, inserted in order, each shown once ----
    const nearBottom = () => scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 120;
    const scrollToBottom = () => { scroller.scrollTop = scroller.scrollHeight; };

    function insertInOrder(li, seq) {
        const later = [...list.querySelectorAll('li[data-seq]')].find((x) => Number(x.dataset.seq) > seq);
        const firstPending = list.querySelector('li.msg-pending');
        list.insertBefore(li, later ?? firstPending ?? null);
    }

    function addMessage(m, { live } = { live: false }) {
        if (m.conversationId !== id) return;
        if (m.clientMessageId && m.senderUserId === hub.userId) {
            list.querySelector(`li.msg-pending[data-client-id="${CSS.escape(m.clientMessageId)}"]`)?.remove();
        }
        if (seen.has(m.seq)) return;
        const stick = nearBottom() || m.senderUserId === hub.userId;
        seen.add(m.seq);
        insertInOrder(renderMessage(m), m.seq);
        if (firstSeq === 0 || m.seq < firstSeq) firstSeq = m.seq;
        while (seen.has(lastSeq + 1)) lastSeq++;
        if (m.offerId) {
            if (offers.has(m.offerId)) placeOfferCard(m.offerId);
            fetchOffer(m.offerId);
        }
        if (m.senderUserId && m.senderUserId !== hub.userId) {
            stopTyping(m.senderUserId);
            if (live) announcer.textContent = `${m.senderName ?? 'Member'}: ${m.body}`;
        }
        updateSeen();
        if (stick) scrollToBottom();
        if (m.seq > lastSeq) catchUp(); // a gap: something was missed, ask for it
        markRead();
    }

    let catchingUp = null;
    function catchUp() {
        if (catchingUp || connection.state !== signalR.HubConnectionState.Connected) return catchingUp;
        catchingUp = (async () => {
            try {
                for (;;) {
                    const result = await connection.invoke('Join', id, lastSeq);
                    result.messages.forEach((m) => addMessage(m));
                    if (result.conversation?.parties) updateParties(result.conversation.parties);
                    if (!result.hasMore || result.messages.length === 0) break;
                }
                showError(errorBox, '');
            } catch (err) {
                const e = messageOf(err);
                if (e.code !== 'connection') showError(errorBox, e.detail);
            } finally {
                catchingUp = null;
            }
            markRead();
        })();
        return catchingUp;
    }

    function updateParties(parties) {
        const names = parties.filter((p) => p.organizationId !== data.organizationId).map((p) => p.name);
        if (names.length) document.getElementById('other-parties').textContent = names.join(', ');
    }

    function markRead() {
        if (document.visibilityState !== 'visible' || lastSeq <= markedSeq) return;
        if (connection.state !== signalR.HubConnectionState.Connected) return;
        const seq = lastSeq;
        markedSeq = seq;
        connection.invoke('MarkRead', id, seq).catch(() => { markedSeq = 0; });
    }
    document.addEventListener('visibilitychange', markRead);

    // "Seen" under your own last message once someone of the other party has read that far.
    function updateSeen() {
        const own = [...list.querySelectorAll('li.msg-own[data-seq]')];
        own.forEach((li) => { const s = li.querySelector('.msg-status'); if (s) s.textContent = ''; });
        const last = own.at(-1);
        if (last && otherReadSeq >= Number(last.dataset.seq)) last.querySelector('.msg-status').textContent = t('Seen');
    }

    // ---- typing: send at most one "typing" every 3 s; hide someone's after 5 s of silence ----
    const typers = new Map();
    let typingSentAt = 0;
    function renderTyping() {
        const names = [...typers.values()].map((t) => t.name);
        typingBox.textContent = names.length === 0 ? ''
            : names.length === 1 ? t('{0} is typing…', names[0])
            : t('{0} and {1} are typing…', names.slice(0, -1).join(', '), names.at(-1));
    }
    function stopTyping(userId) {
        const t = typers.get(userId);
        if (!t) return;
        clearTimeout(t.timer);
        typers.delete(userId);
        renderTyping();
    }
    connection.on('Typing', (e) => {
        if (e.conversationId !== id || e.userId === hub.userId) return;
        stopTyping(e.userId);
        if (!e.isTyping) return;
        typers.set(e.userId, { name: e.name ?? t('Someone'), timer: setTimeout(() => stopTyping(e.userId), 5000) });
        renderTyping();
    });
    textarea.addEventListener('input', () => {
        const now = Date.now();
        if (!textarea.value.trim() || now - typingSentAt < 3000) return;
        if (connection.state !== signalR.HubConnectionState.Connected) return;
        typingSentAt = now;
        connection.invoke('Typing', id, true).catch(() => {});
    });

    // ---- sending: optimistic, retried with the same client message id ----
    const newId = () => (crypto.randomUUID ? crypto.randomUUID()
        : [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join(''));

    function renderPending(clientMessageId, body) {
        const li = el('li', 'msg msg-own msg-pending');
        li.dataset.clientId = clientMessageId;
        const bubble = li.appendChild(el('div', 'msg-bubble'));
        bubble.appendChild(el('div', 'msg-body', body));
        li.appendChild(el('div', 'msg-status', t('Sending…')));
        list.appendChild(li);
        scrollToBottom();
        return li;
    }

    async function sendPending(li) {
        const status = li.querySelector('.msg-status');
        status.replaceChildren(t('Sending…'));
        li.classList.remove('msg-failed');
        try {
            const stored = await connection.invoke('Send', { conversationId: id, clientMessageId: li.dataset.clientId, body: li.querySelector('.msg-body').textContent });
            addMessage(stored);
        } catch (err) {
            if (!li.isConnected) return;
            const e = messageOf(err);
            li.classList.add('msg-failed');
            li.dataset.waiting = e.code === 'connection' || e.code === 'rate_limited' ? 'yes' : '';
            status.replaceChildren(`${t('Not sent: {0}', e.detail)} `);
            const retry = status.appendChild(el('button', 'btn btn-link btn-sm p-0 align-baseline', t('Retry')));
            retry.type = 'button';
            retry.addEventListener('click', () => sendPending(li));
        }
    }

    form.addEventListener('submit', (event) => {
        event.preventDefault();
        const body = textarea.value.trim();
        if (!body) return;
        textarea.value = '';
        showError(errorBox, '');
        if (typingSentAt && connection.state === signalR.HubConnectionState.Connected) connection.invoke('Typing', id, false).catch(() => {});
        typingSentAt = 0;
        sendPending(renderPending(newId(), body));
    });
    textarea.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.isComposing) {
            event.preventDefault();
            form.requestSubmit();
        }
    });

    // ---- attachments: through the REST endpoint, which stores and broadcasts like a message ----
    const attachRow = document.getElementById('attach-row');
    const fileInput = document.getElementById('attachment');
    attachRow.hidden = false;
    document.getElementById('upload').addEventListener('click', async () => {
        const file = fileInput.files?.[0];
        if (!file) { showError(errorBox, t('Choose a file first.')); return; }
        const body = new FormData();
        body.append('file', file);
        body.append('clientMessageId', newId());
        body.append('body', '');
        if (document.getElementById('attachment-protected')?.checked) body.append('protected', 'true');
        try {
            const response = await fetch(`/api/conversations/${id}/attachments`, {
                method: 'POST', body, headers: window.gvcmatch.apiHeaders(),
            });
            if (!response.ok) {
                const problem = await response.json().catch(() => ({}));
                const details = problem.errors ? Object.values(problem.errors).flat().join(' ') : '';
                showError(errorBox, t('The file was not sent: {0}', details || problem.detail || problem.title || response.statusText));
                return;
            }
            fileInput.value = '';
            showError(errorBox, '');
            addMessage(await response.json());
        } catch {
            showError(errorBox, t('The file was not sent: no connection.'));
        }
    });

    // ---- older history: on scrolling to the top, or the button ----
    const loadEarlier = document.getElementById('load-earlier');
    let loadingEarlier = false;
    async function fetchEarlier() {
        if (loadingEarlier || !loadEarlier) return;
        loadingEarlier = true;
        try {
            const response = await fetch(`/api/conversations/${id}/messages?beforeSeq=${firstSeq}&limit=50`, { headers: { Accept: 'application/json' } });
            if (!response.ok) return;
            const page = await response.json();
            const height = scroller.scrollHeight;
            for (const m of page.messages) {
                if (seen.has(m.seq)) continue;
                seen.add(m.seq);
                insertInOrder(renderMessage(m), m.seq);
                firstSeq = Math.min(firstSeq, m.seq);
                if (m.offerId) { if (offers.has(m.offerId)) placeOfferCard(m.offerId); else fetchOffer(m.offerId); }
            }
            scroller.scrollTop += scroller.scrollHeight - height; // keep the reader's place
            if (!page.hasMore) loadEarlier.parentElement.remove();
            else loadEarlier.href = `/Conversations/${id}?before=${firstSeq}`;
            updateSeen();
        } finally {
            loadingEarlier = false;
        }
    }
    if (loadEarlier) {
        loadEarlier.addEventListener('click', (event) => { event.preventDefault(); fetchEarlier(); });
        new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) fetchEarlier(); }, { root: scroller })
            .observe(loadEarlier);
    }

    // ---- offers: cards with actions; a form for new offers and counters ----
    const offerForm = document.getElementById('offer-form');
    const offerError = document.getElementById('offer-error');
    const newOfferButton = document.getElementById('new-offer');
    newOfferButton.hidden = false;
    const inDays = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);

    function openOfferForm(counterTo) {
        offerForm.reset();
        offerForm.elements.counterTo.value = counterTo?.id ?? '';
        document.getElementById('offer-form-title').textContent = counterTo ? t('Counter offer #{0}', counterTo.id) : t('New offer');
        const f = offerForm.elements;
        if (counterTo) {
            for (const name of ['price', 'currency', 'quantity', 'unit', 'leadTimeDays', 'incoterm', 'deliveryPlace', 'paymentTermsDays', 'notes'])
                f[name].value = counterTo[name] ?? '';
        }
        f.validUntil.value = inDays(30);
        showError(offerError, '');
        offerForm.hidden = false;
        f.price.focus();
    }

    newOfferButton.addEventListener('click', () => openOfferForm(null));
    document.getElementById('offer-cancel').addEventListener('click', () => { offerForm.hidden = true; newOfferButton.focus(); });
    offerForm.addEventListener('submit', async (event) => {
        event.preventDefault();
        if (!offerForm.checkValidity()) { offerForm.reportValidity(); return; }
        const f = offerForm.elements;
        const terms = {
            conversationId: id,
            price: Number(f.price.value),
            currency: f.currency.value.trim().toUpperCase(),
            quantity: Number(f.quantity.value),
            unit: f.unit.value.trim(),
            leadTimeDays: Number(f.leadTimeDays.value),
            incoterm: f.incoterm.value,
            deliveryPlace: f.deliveryPlace.value.trim() || null,
            paymentTermsDays: Number(f.paymentTermsDays.value),
            validUntil: f.validUntil.value,
            notes: f.notes.value.trim() || null,
        };
        const counterTo = Number(f.counterTo.value);
        const submit = document.getElementById('offer-submit');
        submit.disabled = true;
        try {
            const offer = counterTo ? await connection.invoke('CounterOffer', counterTo, terms) : await connection.invoke('ProposeOffer', terms);
            offerForm.hidden = true;
            applyOffer(offer);
            if (counterTo) fetchOffer(counterTo);
        } catch (err) {
            showError(offerError, messageOf(err).detail);
        } finally {
            submit.disabled = false;
        }
    });

    const licenceForm = document.getElementById('licence-form');
    const licenceError = document.getElementById('licence-error');
    const newLicenceButton = document.getElementById('new-licence');
    function openLicenceForm(counterTo) {
        licenceForm.reset();
        const f = licenceForm.elements;
        f.counterTo.value = counterTo?.id ?? '';
        document.getElementById('licence-form-title').textContent = counterTo ? t('Counter offer #{0}', counterTo.id) : t('New licence term sheet');
        const s = counterTo?.licence;
        if (s) {
            f.kind.value = s.kind;
            f.fieldOfUse.value = s.fieldOfUse ?? '';
            f.territory.value = (s.territory ?? []).join(', ');
            f.termYears.value = s.termYears ?? '';
            f.improvements.value = s.improvements ?? '';
            f.sublicensingAllowed.checked = !!s.sublicensingAllowed;
            f.royaltyPercent.value = s.royaltyPercent ?? '';
            f.lumpSum.value = s.lumpSum ?? '';
            f.currency.value = s.currency ?? 'EUR';
            f.milestoneLabel.value = s.milestones?.[0]?.label ?? '';
            f.milestoneAmount.value = s.milestones?.[0]?.amount ?? '';
            f.notes.value = counterTo.notes ?? '';
        }
        f.validUntil.value = inDays(30);
        showError(licenceError, '');
        offerForm.hidden = true;
        licenceForm.hidden = false;
        f.kind.focus();
    }
    if (licenceForm && newLicenceButton) {
        newLicenceButton.hidden = false;
        newLicenceButton.addEventListener('click', () => openLicenceForm(null));
        document.getElementById('licence-cancel').addEventListener('click', () => { licenceForm.hidden = true; newLicenceButton.focus(); });
        licenceForm.addEventListener('submit', async (event) => {
            event.preventDefault();
            if (!licenceForm.checkValidity()) { licenceForm.reportValidity(); return; }
            const f = licenceForm.elements;
            const amount = (v) => (v === '' ? null : Number(v));
            const currency = f.currency.value.trim().toUpperCase() || null;
            const terms = {
                conversationId: id,
                kind: 'Licence',
                licence: {
                    kind: f.kind.value,
                    fieldOfUse: f.fieldOfUse.value.trim() || null,
                    territory: f.territory.value.split(/[,;\s]+/).map((c) => c.trim()).filter((c) => c),
                    termYears: amount(f.termYears.value),
                    sublicensingAllowed: f.sublicensingAllowed.checked,
                    improvements: f.improvements.value || null,
                    royaltyPercent: amount(f.royaltyPercent.value),
                    lumpSum: amount(f.lumpSum.value),
                    currency,
                    milestones: f.milestoneLabel.value.trim() || f.milestoneAmount.value
                        ? [{ label: f.milestoneLabel.value.trim(), amount: amount(f.milestoneAmount.value) ?? 0, currency: currency ?? '' }] : [],
                },
                validUntil: f.validUntil.value,
                notes: f.notes.value.trim() || null,
            };
            const counterTo = Number(f.counterTo.value);
            const submit = document.getElementById('licence-submit');
            submit.disabled = true;
            try {
                const offer = counterTo ? await connection.invoke('CounterOffer', counterTo, terms) : await connection.invoke('ProposeOffer', terms);
                licenceForm.hidden = true;
                applyOffer(offer);
                if (counterTo) fetchOffer(counterTo);
            } catch (err) {
                showError(licenceError, messageOf(err).detail);
            } finally {
                submit.disabled = false;
            }
        });
    }

    list.addEventListener('click', async (event) => {
        const button = event.target.closest('button[data-action]');
        if (!button) return;
        const card = button.closest('.offer-card');
        const offerId = Number(card.dataset.offerId);
        const action = button.dataset.action;
        if (action === 'counter') {
            const offer = offers.get(offerId);
            if (offer?.licence && licenceForm) openLicenceForm(offer); else openOfferForm(offer);
            return;
        }
        const method = { accept: 'AcceptOffer', reject: 'RejectOffer', withdraw: 'WithdrawOffer' }[action];
        card.querySelectorAll('button[data-action]').forEach((b) => { b.disabled = true; });
        try {
            applyOffer(await connection.invoke(method, offerId));
        } catch (err) {
            card.querySelectorAll('button[data-action]').forEach((b) => { b.disabled = false; });
            card.querySelector('.offer-error').textContent = messageOf(err).detail;
        }
    });

    // ---- live events and (re)joining ----
    connection.on('MessageReceived', (m) => addMessage(m, { live: true }));
    connection.on('OfferUpdated', applyOffer);
    connection.on('Read', (e) => {
        if (e.conversationId !== id || ownUsers.has(e.userId)) return;
        otherReadSeq = Math.max(otherReadSeq, e.lastReadSeq);
        updateSeen();
    });

    const badge = document.getElementById('connection-state');
    const words = { live: t('Live'), connecting: t('Connecting…'), reconnecting: t('Reconnecting…'), offline: t('Offline') };
    hub.onState((s) => {
        badge.textContent = words[s] ?? s;
        badge.dataset.state = s;
        badge.className = `badge ${s === 'live' ? 'text-bg-success' : s === 'offline' ? 'text-bg-danger' : 'text-bg-warning'}`;
    });

    hub.onConnected(async () => {
        markedSeq = 0;
        await catchUp();
        // Sends that failed while the connection was down go again, with the same ids.
        list.querySelectorAll('li.msg-pending[data-waiting="yes"]').forEach((li) => sendPending(li));
        offers.forEach((o) => { if (o.state === 'Proposed') fetchOffer(o.id); });
    });

    // Cards rendered by the server get their buttons here (they need the live connection).
    list.querySelectorAll('.offer-card').forEach((card) => {
        const o = offers.get(Number(card.dataset.offerId));
        if (o) renderOfferActions(card, o);
    });
    updateSeen();
    scrollToBottom();
})();
