// Optional help for the criteria editor: a live sum of the weights and an "Add a row" button.
// The form works without it; the server validates everything.
(function () {
    const container = document.getElementById('criteria-rows');
    const sum = document.getElementById('weight-sum');
    const add = document.getElementById('add-criterion');
    if (!container || !sum) return;

    function sumWeights() {
        let total = 0;
        container.querySelectorAll('.criterion-row').forEach(row => {
            const kind = row.querySelector('.criterion-kind').value;
            const mandatory = row.querySelector('.criterion-mandatory').checked;
            const weight = parseInt(row.querySelector('.criterion-weight').value, 10);
            if (kind && !mandatory && !isNaN(weight)) total += weight;
        });
        sum.textContent = total;
        sum.className = total === 100 ? 'text-success' : 'text-danger';
    }

    // Dim the parameter fields the chosen kind does not use (the server ignores them too).
    const used = {
        CapabilityFit: ['keywords'], CertificationHeld: ['standard'], CapacityAtLeast: ['minimum', 'unit', 'period'],
        LeadTimeAtMost: ['days'], LocationIn: ['countries'], ExportExperience: ['countries'], VerifiedSupplier: [], CompanySize: ['sizebands'],
        DisclosureProvided: ['topic', 'minimum', 'maximum'],
    };
    function dim(row) {
        const kind = row.querySelector('.criterion-kind').value;
        row.querySelectorAll('[data-param]').forEach(el => {
            const unused = !!kind && !(used[kind] || []).includes(el.dataset.param);
            el.classList.toggle('opacity-25', unused);
            // Out of the way for the keyboard and screen readers too (inert keeps the value in the form).
            el.inert = unused;
        });
    }
    function update() {
        container.querySelectorAll('.criterion-row').forEach(dim);
        sumWeights();
    }

    // Empties a cloned row: fields back to blank (or their data-reset value), no error marks.
    function clear(copy) {
        copy.querySelectorAll('[name]').forEach(el => {
            if (el.type === 'checkbox') el.checked = false;
            else if (el.dataset.reset !== undefined) el.value = el.dataset.reset;
            else if (el.tagName === 'SELECT') el.selectedIndex = 0;
            else if (el.value !== undefined) el.value = '';
            el.classList.remove('is-invalid');
        });
        copy.querySelectorAll('.invalid-feedback').forEach(el => el.remove());
    }

    container.addEventListener('input', update);
    container.addEventListener('change', update);
    update();

    if (add) {
        add.classList.remove('d-none');
        add.addEventListener('click', () => {
            const rows = container.querySelectorAll('.criterion-row');
            const last = rows[rows.length - 1];
            const from = last.dataset.index;
            const to = String(rows.length);
            const copy = last.cloneNode(true);
            copy.dataset.index = to;
            copy.querySelectorAll('[name],[id],[for]').forEach(el => {
                ['name', 'id', 'for'].forEach(attr => {
                    const v = el.getAttribute(attr);
                    if (v) el.setAttribute(attr, v.replace('[' + from + ']', '[' + to + ']').replace('crit-' + from + '-', 'crit-' + to + '-'));
                });
            });
            clear(copy);
            copy.hidden = false;
            // A new criterion starts with one blank "or equivalent" row.
            copy.querySelectorAll('.equivalent').forEach((el, k) => { if (k > 0) el.remove(); });
            container.appendChild(copy);
            update();
            // Keyboard users carry on in the new row.
            copy.querySelector('.criterion-kind').focus();
        });
    }

    // "Remove" empties the row's fields and hides it: rows without a kind are ignored, and the
    // other rows keep their numbers, which the form's field names carry.
    container.querySelectorAll('.remove-criterion').forEach(button => button.classList.remove('d-none'));
    container.addEventListener('click', event => {
        const button = event.target.closest && event.target.closest('.remove-criterion');
        if (!button) return;
        const row = button.closest('.criterion-row');
        clear(row);
        row.hidden = true;
        update();
        // Focus would otherwise fall to the page's start; the next row, or the add button, is where work goes on.
        const next = Array.from(container.querySelectorAll('.criterion-row')).find(r => !r.hidden && r.compareDocumentPosition(row) & Node.DOCUMENT_POSITION_PRECEDING);
        (next ? next.querySelector('.criterion-kind') : add || document.getElementById('weight-sum'))?.focus();
    });

    // Certification criteria: each standard offers the registry's scopes or classes for it, and
    // "Accept another standard" adds an "or equivalent" row (at most 20 standards in all).
    const maxEquivalents = 19;
    function scopeList(code) {
        const wanted = (code || '').trim().toLowerCase();
        const list = Array.from(document.querySelectorAll('datalist[data-standard]')).find(d => d.dataset.standard.toLowerCase() === wanted);
        return list ? list.id : null;
    }
    container.addEventListener('change', event => {
        const input = event.target;
        if (!input.classList || !input.classList.contains('standard-input')) return;
        const scope = input.closest('.accepted-pair').querySelector('.scope-input');
        const id = scopeList(input.value);
        if (id) scope.setAttribute('list', id); else scope.removeAttribute('list');
    });
    function showAddButtons() {
        container.querySelectorAll('.add-equivalent').forEach(button => {
            const count = button.closest('.criterion-certification').querySelectorAll('.equivalent').length;
            button.classList.toggle('d-none', count >= maxEquivalents);
        });
    }
    container.addEventListener('click', event => {
        const button = event.target.closest && event.target.closest('.add-equivalent');
        if (!button) return;
        const list = button.closest('.criterion-certification').querySelector('.accepted-standards');
        const rows = list.querySelectorAll('.equivalent');
        if (rows.length === 0 || rows.length >= maxEquivalents) return;
        const last = rows[rows.length - 1];
        const from = last.dataset.equivalent;
        const to = String(rows.length);
        const copy = last.cloneNode(true);
        copy.dataset.equivalent = to;
        copy.querySelectorAll('[name],[id]').forEach(el => {
            if (el.name) el.name = el.name.replace('Equivalents[' + from + ']', 'Equivalents[' + to + ']');
            if (el.id) el.id = el.id.replace(new RegExp('-(std|scope)-' + from + '$'), '-$1-' + to);
            el.removeAttribute('list');
        });
        clear(copy);
        copy.querySelectorAll('.standard-input').forEach(el => el.setAttribute('list', 'certification-standards'));
        list.appendChild(copy);
        copy.querySelector('.standard-input').focus();
        showAddButtons();
    });
    showAddButtons();
    if (add) add.addEventListener('click', showAddButtons);
})();
