// The search admin page: while a rebuild runs, poll the status endpoint and move the progress bar.
// A file of its own because the Content-Security-Policy allows no inline script.
(() => {
    'use strict';
    const box = document.getElementById('rebuild-status');
    if (!box) return;
    const bar = document.querySelector('#rebuild-progress');
    const count = document.getElementById('rebuild-count');
    const stateText = document.getElementById('rebuild-state');
    const button = document.getElementById('rebuild');
    const number = new Intl.NumberFormat(document.documentElement.lang);
    // The count's words come from the page with {0} and {1} left in, in the order of its language.
    const template = count.dataset.template;

    const show = (rebuild) => {
        const percent = Math.round(rebuild.percent);
        bar.setAttribute('aria-valuenow', String(percent));
        bar.firstElementChild.style.width = `${rebuild.percent}%`;
        box.dataset.state = rebuild.state;
        const label = box.dataset[`label${rebuild.state}`];
        if (label) stateText.textContent = label;
        count.textContent = template.replace('{0}', number.format(rebuild.done)).replace('{1}', number.format(rebuild.total));
        button.disabled = rebuild.state === 'Running';
    };

    const poll = async () => {
        try {
            const response = await fetch(box.dataset.statusUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
            if (response.ok) {
                const status = await response.json();
                show(status.rebuild);
                if (status.rebuild.state !== 'Running') return;
            }
        } catch { /* the server restarting or the network gone: try again below */ }
        setTimeout(poll, 1000);
    };

    if (box.dataset.state === 'Running') poll();
})();
