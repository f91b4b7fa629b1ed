// Behaviour the pages declare with data- attributes, so that no page needs inline script: the
// Content-Security-Policy allows only script files from this site.
(() => {
    'use strict';

    // <form data-confirm="..."> and <button data-confirm="..."> ask before they submit.
    document.addEventListener('click', (event) => {
        const button = event.target.closest('button[data-confirm], input[type=submit][data-confirm]');
        if (button && !window.confirm(button.dataset.confirm)) event.preventDefault();
        if (event.target.closest('[data-print]')) window.print();
    });
    document.addEventListener('submit', (event) => {
        const form = event.target;
        if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) event.preventDefault();
    });

    // The language switcher also saves the browser's time zone, so dates show in local time.
    document.querySelectorAll('input[data-time-zone]').forEach((input) => {
        try { input.value = Intl.DateTimeFormat().resolvedOptions().timeZone || ''; } catch { /* older browsers: dates stay in UTC */ }
    });

    // Writes to /api with the sign-in cookie must carry the antiforgery token; the layout puts it in a meta tag.
    window.gvcmatch = Object.assign(window.gvcmatch || {}, {
        apiHeaders(extra) {
            const token = document.querySelector('meta[name="request-verification-token"]')?.content;
            return Object.assign({ Accept: 'application/json' }, token ? { RequestVerificationToken: token } : {}, extra || {});
        },
    });
})();
