// Drops the link to a protected document as soon as the hub says it no longer opens for this
// organisation (its access revoked, or the document withdrawn): the page shows "Access revoked"
// instead of a link that would only answer 403. Loaded by the deal-room box and the conversation page.
(() => {
    'use strict';
    if (!window.gvcHub || window.gvcProtectedDocuments) return;
    window.gvcProtectedDocuments = true;
    const revokedText = document.querySelector('[data-revoked-text]')?.dataset.revokedText ?? 'Access revoked';
    window.gvcHub.connection.on('DocumentRevoked', (e) => {
        const links = document.querySelectorAll(`a[href="${e.downloadUrl}"], a[data-protected-document="${e.documentId}"]`);
        links.forEach((link) => {
            const dropped = document.createElement('span');
            dropped.className = 'protected-revoked';
            dropped.textContent = `${link.textContent} – ${revokedText}`;
            link.replaceWith(dropped);
        });
    });
})();
