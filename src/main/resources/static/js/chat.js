/* Live chat over the desk's WebSocket (STOMP on /ws): the customer's side and the agent's side of one conversation.
   Everything said is put on the page as text (textContent), never as markup. */
(function () {
  'use strict';
  var root = document.querySelector('[data-chat]');
  if (!root || !window.StompJs) { return; }
  var role = root.getAttribute('data-chat');
  var messages = root.querySelector('template[data-messages]');
  function say(key, value) {
    var text = messages ? messages.getAttribute('data-' + key) || '' : '';
    return text.replace('{0}', value === undefined ? '' : value);
  }
  function $(selector) { return root.querySelector(selector); }
  function show(selector, visible) { var e = $(selector); if (e) { e.hidden = !visible; } }
  function status(text) { var e = $('[data-chat-state]'); if (e) { e.textContent = text; } }
  function error(text) { var e = $('[data-chat-errors]'); if (e) { e.textContent = text; e.classList.remove('visually-hidden'); e.classList.add('alert', 'alert-danger'); } }

  var client = new StompJs.Client({
    brokerURL: (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws',
    reconnectDelay: 3000,
    heartbeatIncoming: 20000,
    heartbeatOutgoing: 20000
  });
  var chatId = null;
  var following = null;
  var seen = {};

  function send(destination, body) {
    client.publish({ destination: destination, body: JSON.stringify(body || {}) });
  }

  function line(author, text, kind) {
    var li = document.createElement('li');
    li.className = 'chat-line chat-' + kind;
    if (author) {
      var who = document.createElement('strong');
      who.textContent = author + ': ';
      li.appendChild(who);
    }
    var words = document.createElement('span');
    words.textContent = text;
    li.appendChild(words);
    $('[data-chat-lines]').appendChild(li);
    li.scrollIntoView({ block: 'nearest' });
  }

  function ended(ticket) {
    show('[data-chat-say]', false);
    show('[data-chat-end]', false);
    line(null, say('ended'), 'state');
    if (ticket && ticket !== 'null') {
      var link = $('[data-chat-ticket]');
      link.textContent = ticket;
      link.href = (role === 'agent' ? '/console/tickets/' : '/portal/requests/') + encodeURIComponent(ticket);
      show('[data-chat-ended]', true);
    }
  }

  function follow(id) {
    if (following) { following.unsubscribe(); }
    following = client.subscribe('/topic/chat/' + id, function (frame) {
      var m = JSON.parse(frame.body);
      if (m.type === 'line') {
        if (seen[m.id]) { return; }
        seen[m.id] = true;
        line(m.author, m.text, 'line');
      } else if (m.type === 'position') {
        var p = $('[data-chat-position]');
        if (p) { p.textContent = say('waiting', m.position); }
      } else if (m.type === 'state') {
        if (seen[m.id]) { return; }
        seen[m.id] = true;
        if (m.text === 'ACTIVE' && role === 'customer') {
          var p2 = $('[data-chat-position]');
          if (p2) { p2.textContent = say('active', m.author || ''); }
        } else if (m.text && m.text.indexOf('ENDED') === 0) {
          ended(m.text.substring(6));
        }
      }
    });
  }

  function opened(view) {
    if (view.offer) {
      show('[data-chat-start]', false);
      show('[data-chat-offer]', true);
      $('[data-chat-offer-text]').textContent = view.offer;
      return;
    }
    if (view.type === 'request') {
      show('[data-chat-offer]', false);
      show('[data-chat-ended]', true);
      var link = $('[data-chat-ticket]');
      link.textContent = view.ticket;
      link.href = '/portal/requests/' + encodeURIComponent(view.ticket);
      return;
    }
    if (!view.id) { return; }
    if (view.status === 'ENDED') { ended(view.ticket); return; }
    chatId = view.id;
    show('[data-chat-start]', false);
    show('[data-chat-panel]', true);
    var topic = $('[data-chat-topic]');
    if (topic) { topic.textContent = view.topic; }
    if (view.status === 'WAITING') {
      var p = $('[data-chat-position]');
      if (p) { p.textContent = say('waiting', view.position); }
    }
    follow(chatId);
    var input = document.getElementById('say');
    if (input) { input.focus(); }
  }

  function refreshWaiting() {
    var url = root.getAttribute('data-chat-waiting');
    if (url && window.htmx) { htmx.ajax('GET', url, { target: '#waiting', swap: 'outerHTML' }); }
  }

  client.onConnect = function () {
    status(say('connected'));
    client.subscribe('/user/queue/chat', function (frame) { opened(JSON.parse(frame.body)); });
    client.subscribe('/user/queue/errors', function (frame) { error(JSON.parse(frame.body).detail); });
    if (role === 'agent') {
      root.querySelectorAll('[data-queue-program]').forEach(function (p) {
        client.subscribe('/topic/programs/' + p.getAttribute('data-queue-program') + '/chat-queue', refreshWaiting);
      });
    }
    if (chatId) { follow(chatId); }
    root.setAttribute('data-chat-connected', 'true');
  };
  client.onWebSocketClose = function () { status(say('offline')); root.removeAttribute('data-chat-connected'); };
  client.activate();

  root.addEventListener('submit', function (e) {
    var form = e.target;
    e.preventDefault();
    if (!client.connected) { error(say('offline')); return; }
    if (form.hasAttribute('data-chat-start')) {
      var program = document.getElementById('chat-program');
      send('/app/chat.start', { program: program ? program.value : null, topic: document.getElementById('chat-topic').value });
    } else if (form.hasAttribute('data-chat-leave')) {
      var programKey = document.getElementById('chat-program');
      send('/app/chat.leave-request', { program: programKey ? programKey.value : null, text: document.getElementById('leave-text').value });
    } else if (form.hasAttribute('data-chat-say') && chatId) {
      var input = document.getElementById('say');
      if (input.value.trim()) { send('/app/chat/' + chatId + '/say', { text: input.value }); }
      input.value = '';
      input.focus();
    } else if (form.hasAttribute('data-chat-end') && chatId) {
      var ticket = document.getElementById('end-ticket');
      send('/app/chat/' + chatId + '/end', ticket && ticket.value.trim() ? { ticket: ticket.value.trim() } : {});
    }
  });

  root.addEventListener('click', function (e) {
    var pick = e.target.closest && e.target.closest('[data-pick]');
    if (pick && client.connected) { send('/app/chat/' + pick.getAttribute('data-pick') + '/pick', {}); }
  });
})();
