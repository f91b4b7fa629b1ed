// Capability fields with the vocabulary: suggestions as the user types (in the page's language)
// and chips that show which concepts the text names. Fields opt in with data-vocabulary="lines"
// (a textarea, one item per line) or "commas" (an input, comma-separated). Free text stays allowed:
// the form posts whatever is typed. Fields added later (the criteria editor's "Add a row" clones
// a row) get their own suggestions and chips too.
(function () {
    const lang = (document.documentElement.lang || 'en').slice(0, 2);
    // Elements, not a data attribute: a cloned row copies attributes, and its field is still new.
    const attached = new WeakSet();
    const helpers = new WeakSet();

    function debounce(fn, ms) {
        let t;
        return (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), ms); };
    }

    // The item the caret is in: its text and where it starts and ends in the field's value.
    function currentItem(field) {
        const sep = field.dataset.vocabulary === 'lines' ? '\n' : ',';
        const value = field.value;
        const caret = field.selectionStart ?? value.length;
        const start = value.lastIndexOf(sep, caret - 1) + 1;
        let end = value.indexOf(sep, caret);
        if (end < 0) end = value.length;
        return { text: value.slice(start, end).trim(), start, end, sep };
    }

    function attach(field) {
        if (attached.has(field)) return;
        attached.add(field);
        // A cloned row brings copies of the suggestion list and chips of the row it came from.
        while (field.nextElementSibling && !helpers.has(field.nextElementSibling)
            && field.nextElementSibling.matches('.vocabulary-suggestions, .vocabulary-chips')) {
            field.nextElementSibling.remove();
        }
        const list = document.createElement('div');
        list.className = 'list-group vocabulary-suggestions small';
        list.setAttribute('role', 'listbox');
        list.setAttribute('aria-label', 'Suggested capabilities');
        const chips = document.createElement('div');
        chips.className = 'vocabulary-chips small mt-1';
        chips.setAttribute('aria-live', 'polite');
        field.after(list, chips);
        helpers.add(list);
        helpers.add(chips);

        const suggest = debounce(async () => {
            const item = currentItem(field);
            list.replaceChildren();
            if (item.text.length < 2) return;
            const res = await fetch(`/api/vocabulary/suggest?q=${encodeURIComponent(item.text)}&lang=${lang}&take=8`);
            if (!res.ok) return;
            for (const s of await res.json()) {
                const b = document.createElement('button');
                b.type = 'button';
                b.className = 'list-group-item list-group-item-action py-1';
                b.setAttribute('role', 'option');
                b.textContent = s.label === s.english ? s.label : `${s.label} (${s.english})`;
                b.addEventListener('click', () => {
                    const now = currentItem(field);
                    const before = field.value.slice(0, now.start);
                    const spacer = now.sep === ',' && before.length > 0 ? ' ' : '';
                    field.value = before + spacer + s.label + field.value.slice(now.end);
                    list.replaceChildren();
                    field.focus();
                    recognise();
                });
                list.append(b);
            }
        }, 200);

        const recognise = debounce(async () => {
            const text = field.value.slice(0, 4000);
            chips.replaceChildren();
            if (text.trim().length === 0) return;
            const res = await fetch(`/api/vocabulary/recognise?text=${encodeURIComponent(text)}&lang=${lang}`);
            if (!res.ok) return;
            const found = await res.json();
            if (found.length === 0) return;
            const label = document.createElement('span');
            label.className = 'text-muted me-1';
            label.textContent = 'Recognised:';
            chips.append(label);
            for (const r of found) {
                const chip = document.createElement('span');
                chip.className = 'badge rounded-pill text-bg-light border me-1 mb-1 concept-chip';
                chip.dataset.concept = r.id;
                chip.textContent = r.text.toLowerCase() === r.label.toLowerCase() ? r.label : `${r.text} → ${r.label}`;
                chips.append(chip);
            }
        }, 300);

        field.addEventListener('input', () => { suggest(); recognise(); });
        field.addEventListener('click', suggest);
        field.addEventListener('keydown', e => { if (e.key === 'Escape') list.replaceChildren(); });
        recognise();
    }

    function attachWithin(root) {
        if (root.matches?.('[data-vocabulary]')) attach(root);
        root.querySelectorAll?.('[data-vocabulary]').forEach(attach);
    }

    attachWithin(document);
    new MutationObserver(changes => changes.forEach(c => c.addedNodes.forEach(attachWithin)))
        .observe(document.body, { childList: true, subtree: true });
})();
