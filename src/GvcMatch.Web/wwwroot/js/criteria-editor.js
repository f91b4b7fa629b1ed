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
    };
    function dim(row) {
        const kind = row.querySelector('.criterion-kind').value;
        row.querySelectorAll('[data-param]').forEach(el => {
            el.classList.toggle('opacity-25', !!kind && !(used[kind] || []).includes(el.dataset.param));
        });
    }
    function update() {
        container.querySelectorAll('.criterion-row').forEach(dim);
        sumWeights();
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
                if (el.type === 'checkbox') el.checked = false;
                else if (el.tagName === 'SELECT') el.selectedIndex = 0;
                else if (el.value !== undefined) el.value = '';
                el.classList.remove('is-invalid');
            });
            copy.querySelectorAll('.invalid-feedback').forEach(el => el.remove());
            container.appendChild(copy);
            update();
        });
    }
})();
