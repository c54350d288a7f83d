// The playground page: Microsoft's Web Chat talking to the bot's Direct Line-compatible endpoint on
// this host, polling (no WebSocket). Every member joins the same conversation, so they are one group.
(() => {
  'use strict';

  const members = {
    pat: { id: 'playground-pat', name: 'Pat' },
    sam: { id: 'playground-sam', name: 'Sam' },
    alex: { id: 'playground-alex', name: 'Alex' }
  };

  // Marks the card a button belongs to, so the bot can update that card in place (as Teams does).
  const sourceKey = '__playgroundReplyTo';

  const picker = document.getElementById('member');
  const resetButton = document.getElementById('reset');
  const status = document.getElementById('status');
  const requested = new URLSearchParams(location.search).get('as');
  const memberKey = Object.prototype.hasOwnProperty.call(members, requested) ? requested : 'pat';
  const member = members[memberKey];
  let token;
  let directLine;

  // For the browser tests, and for checking card JSON from the console: the Adaptive Cards package
  // Web Chat renders with (set once a card has been shown).
  window.playground = { member: memberKey, adaptiveCards: undefined };

  function say(text, problem) {
    status.textContent = text;
    status.className = problem ? 'problem' : '';
  }

  picker.value = memberKey;
  picker.addEventListener('change', () => {
    const url = new URL(location.href);
    url.searchParams.set('as', picker.value);
    location.assign(url);
  });

  if (!window.WebChat) {
    say('Web Chat is missing. Run scripts/run.sh to fetch Web Chat, then reload this page.', true);
    picker.disabled = true;
    resetButton.disabled = true;
    return;
  }

  resetButton.addEventListener('click', async () => {
    if (!directLine || !confirm('Delete everything the bot stored for this demo group and start again?')) {
      return;
    }

    resetButton.disabled = true;

    // Stop polling first: the reset makes this conversation's token invalid.
    directLine.end();
    const response = await fetch('/playground/reset', { method: 'POST', headers: { Authorization: 'Bearer ' + token } });
    if (response.ok) {
      location.reload();
    } else {
      say('Sorry, the reset did not work. Reload the page and try again.', true);
    }
  });

  // Web Chat 4.18 cannot send Action.Execute (it handles Action.Submit and Action.OpenUrl only), and
  // the Adaptive Cards parser ignores `fallback` on a selectAction. So every Action.Execute becomes the
  // Action.Submit fallback the bot puts beside it, marked with the card it came from.
  function withoutExecute(node, sourceId) {
    if (Array.isArray(node)) {
      return node.map(item => withoutExecute(item, sourceId));
    }

    if (!node || typeof node !== 'object') {
      return node;
    }

    if (node.type === 'Action.Execute' && node.fallback && node.fallback.type === 'Action.Submit') {
      const submit = withoutExecute(node.fallback, sourceId);
      if (submit.data && typeof submit.data === 'object' && !Array.isArray(submit.data) && sourceId) {
        submit.data = { ...submit.data, [sourceKey]: sourceId };
      }

      return submit;
    }

    const copy = {};
    for (const [key, value] of Object.entries(node)) {
      copy[key] = withoutExecute(value, sourceId);
    }

    return copy;
  }

  function incoming(activity) {
    const shown = { ...activity };
    if (typeof shown.text === 'string') {
      // Web Chat has no mentions: show the name the <at> tag holds.
      shown.text = shown.text.replace(/<at>(.*?)<\/at>/giu, '$1');
    }

    if (Array.isArray(shown.attachments)) {
      shown.attachments = shown.attachments.map(attachment =>
        attachment.contentType === 'application/vnd.microsoft.card.adaptive'
          ? { ...attachment, content: withoutExecute(attachment.content, activity.id) }
          : attachment);
    }

    return shown;
  }

  // A card button's post carries the card's id as replyToId, as Teams does, and not in its value.
  function outgoing(activity) {
    const value = activity.value;
    if (!value || typeof value !== 'object' || !(sourceKey in value)) {
      return activity;
    }

    const { [sourceKey]: replyToId, ...rest } = value;
    return { ...activity, value: rest, replyToId };
  }

  const store = window.WebChat.createStore({}, () => next => action => {
    if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
      return next({ ...action, payload: { ...action.payload, activity: incoming(action.payload.activity) } });
    }

    if (action.type === 'DIRECT_LINE/POST_ACTIVITY') {
      return next({ ...action, payload: { ...action.payload, activity: outgoing(action.payload.activity) } });
    }

    return next(action);
  });

  // Records the Adaptive Cards package from inside Web Chat (a hook needs a component to call it).
  function CardsPackage(props) {
    const [adaptiveCards] = window.WebChat.hooks.useAdaptiveCardsPackage();
    window.playground.adaptiveCards = adaptiveCards;
    return props.children;
  }

  const reactElement = Symbol.for('react.element');
  const attachmentMiddleware = () => next => (...args) => {
    const rendered = next(...args);
    return rendered && { $$typeof: reactElement, type: CardsPackage, key: null, ref: null, props: { children: rendered }, _owner: null };
  };

  async function start() {
    say('Connecting…');
    let response;
    try {
      response = await fetch('/v3/directline/tokens/generate', { method: 'POST' });
    } catch {
      response = undefined;
    }

    if (!response || !response.ok) {
      say('Sorry, the bot is not answering. Check that scripts/run.sh is still running, then reload this page.', true);
      return;
    }

    ({ token } = await response.json());
    directLine = window.WebChat.createDirectLine({
      token,
      domain: location.origin + '/v3/directline',
      webSocket: false,
      pollingInterval: 500
    });
    window.WebChat.renderWebChat(
      {
        directLine,
        store,
        attachmentMiddleware,
        userID: member.id,
        username: member.name,
        locale: 'en-GB',
        styleOptions: { botAvatarInitials: 'PB', userAvatarInitials: member.name.slice(0, 2), hideUploadButton: true, bubbleMaxWidth: 600 }
      },
      document.getElementById('webchat'));
    say('You are ' + member.name + '.');
  }

  start();
})();
