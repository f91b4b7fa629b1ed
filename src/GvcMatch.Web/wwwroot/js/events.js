// The organiser's progress bar: while a scheduler run is queued or running, poll its status and
// move the bar; when it ends, reload so the meetings and the report show the result.
(function () {
    const box = document.getElementById('schedule-status');
    if (!box) return;
    const bar = document.getElementById('schedule-bar');
    const text = document.getElementById('schedule-text');
    const busy = s => s === 'Queued' || s === 'Running';
    if (!busy(box.dataset.state)) return;
    const poll = async () => {
        const response = await fetch(box.dataset.url, { headers: { Accept: 'application/json' } });
        if (!response.ok) return;
        const status = await response.json();
        const share = status.requested > 0 ? Math.round(100 * status.placed / status.requested) : 0;
        bar.style.width = share + '%';
        bar.parentElement.setAttribute('aria-valuenow', String(share));
        text.textContent = (status.phase || status.state) + ': ' + status.placed + ' / ' + status.requested;
        if (busy(status.state)) setTimeout(poll, 1000);
        else window.location.reload();
    };
    setTimeout(poll, 500);
})();
