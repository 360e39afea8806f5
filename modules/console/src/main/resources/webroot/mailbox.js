'use strict';
// The demo mail catcher's messages; everything is inserted as text (subjects and bodies quote incidents).
(function () {
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function load() {
    fetch('/api/dev/mailbox', { credentials: 'same-origin' }).then(function (r) {
      if (r.status === 404) throw new Error('pas de boîte locale : les pages partent par le serveur SMTP configuré');
      if (r.status === 401 || r.status === 403) throw new Error('réservé aux administrateurs : connectez-vous d’abord sur la console');
      return r.json();
    }).then(function (messages) {
      var list = document.getElementById('mailbox');
      list.textContent = '';
      document.getElementById('mailbox-status').textContent = messages.length + ' message(s)';
      messages.forEach(function (m) {
        var li = el('li', 'mail');
        li.appendChild(el('h2', 'mail-subject', m.subject));
        li.appendChild(el('p', 'mail-meta', new Date(m.at).toLocaleString('fr-FR') + ' — à ' + (m.to || []).join(', ')));
        li.appendChild(el('pre', 'mail-body', m.body));
        list.appendChild(li);
      });
    }).catch(function (e) { document.getElementById('mailbox-status').textContent = e.message; });
  }
  load();
  setInterval(load, 5000);
})();
