// The consortium invite form: suggests published SMEs by name while the lead types, in a <datalist>
// (the browser's own list: keyboard and screen readers use it as any autocomplete) and says how
// many were found in a polite live region. Without this script the form posts the typed name and
// the server shows a choice list when several SMEs match.
(() => {
    'use strict';
    const input = document.getElementById('invite-name');
    const list = document.getElementById('invite-candidates');
    const status = document.getElementById('invite-name-status');
    if (!input || !list || !status) return;
    let timer = 0;
    let asked = '';

    const say = (count) => {
        status.textContent = count === 0 ? input.dataset.countNone
            : count === 1 ? input.dataset.countOne
            : input.dataset.countMany.replace('{0}', new Intl.NumberFormat(document.documentElement.lang).format(count));
    };

    const suggest = async () => {
        const name = input.value.trim();
        if (name === '' || name === asked) return;
        asked = name;
        try {
            const url = `${input.dataset.candidatesUrl}?name=${encodeURIComponent(name)}`;
            const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
            if (!response.ok || input.value.trim() !== name) return;
            const candidates = await response.json();
            list.replaceChildren(...candidates.map((c) => {
                const option = document.createElement('option');
                option.value = c.name;
                option.label = c.city ? `${c.country}, ${c.city}` : c.country;
                return option;
            }));
            say(candidates.length);
        } catch { /* offline or the server restarting: the form still posts the name */ }
    };

    input.addEventListener('input', () => {
        clearTimeout(timer);
        timer = setTimeout(suggest, 250);
    });
})();
