// The card gallery: every card from /playground/cards.json rendered with the Adaptive Cards renderer
// (the version Web Chat bundles), at phone and desktop widths, with a Teams light or dark host config.
// Query: theme=light|dark, markdown=on|off (off: text as a client without Markdown shows it),
// width=360|560 (one width only), card=<name> (one card only).
(function () {
  'use strict';
  const params = new URLSearchParams(window.location.search);
  const theme = params.get('theme') === 'dark' ? 'dark' : 'light';
  const markdown = params.get('markdown') !== 'off';
  const widths = params.get('width') ? [Number(params.get('width'))] : [360, 560];
  const only = params.get('card');

  function link(id, key, value, text) {
    const next = new URLSearchParams(params);
    if (next.get(key) === value) { next.delete(key); } else { next.set(key, value); }
    const a = document.getElementById(id);
    a.href = '?' + next.toString();
    a.textContent = text;
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error('Could not load ' + src)); };
      document.head.appendChild(script);
    });
  }

  function render(AC, hostConfig, json) {
    const card = new AC.AdaptiveCard();
    card.hostConfig = hostConfig;
    const context = new AC.SerializationContext();
    card.parse(json, context);
    const warnings = [];
    for (let i = 0; i < context.eventCount; i++) {
      warnings.push(context.getEventAt(i).message);
    }
    const validation = card.validateProperties();
    for (const event of validation.validationEvents) {
      warnings.push(event.message);
    }
    return { element: card.render(), warnings: warnings };
  }

  async function main() {
    document.body.classList.add(theme);
    link('theme-link', 'theme', 'dark', theme === 'dark' ? 'Light theme' : 'Dark theme');
    link('markdown-link', 'markdown', 'off', markdown ? 'Without Markdown' : 'With Markdown');
    const AC = window.AdaptiveCards;
    if (!markdown) {
      // Text exactly as a client without Markdown shows it (and no "Markdown isn't enabled" warning).
      AC.AdaptiveCard.onProcessMarkdown = function (text, result) { result.didProcess = false; };
    } else {
      // Web Chat's own Markdown renderer, as Web Chat hands it to the Adaptive Cards renderer.
      await loadScript('/playground/webchat-4.18.1.js');
      AC.AdaptiveCard.onProcessMarkdown = function (text, result) {
        result.outputHtml = window.WebChat.renderMarkdown(text, { markdownRespectCRLF: true }, { externalLinkAlt: '' });
        result.didProcess = true;
      };
    }

    const [cards, config] = await Promise.all([
      fetch('/playground/cards.json').then(function (r) { return r.json(); }),
      fetch('/playground/gallery/teams-' + theme + '.json').then(function (r) { return r.json(); }),
    ]);
    const hostConfig = new AC.HostConfig(config);
    const gallery = document.getElementById('gallery');
    for (const entry of cards) {
      if (only && entry.name !== only) { continue; }
      const section = document.createElement('section');
      section.className = 'gallery-card';
      section.id = entry.name;
      const heading = document.createElement('h2');
      heading.textContent = entry.caption;
      section.appendChild(heading);
      const row = document.createElement('div');
      row.className = 'gallery-row';
      for (const width of widths) {
        const holder = document.createElement('div');
        const label = document.createElement('p');
        label.className = 'width-label';
        label.textContent = width + ' px';
        holder.appendChild(label);
        const frame = document.createElement('div');
        frame.className = 'gallery-frame';
        frame.style.width = width + 'px';
        frame.dataset.name = entry.name;
        frame.dataset.width = String(width);
        frame.dataset.form = String(entry.isForm);
        const rendered = render(AC, hostConfig, entry.card);
        frame.dataset.warnings = JSON.stringify(rendered.warnings);
        if (rendered.element) { frame.appendChild(rendered.element); }
        holder.appendChild(frame);
        row.appendChild(holder);
      }
      section.appendChild(row);
      gallery.appendChild(section);
    }
    document.body.dataset.ready = 'true';
  }

  main().catch(function (error) {
    document.body.dataset.ready = 'error';
    document.getElementById('gallery').textContent = 'The gallery could not be shown: ' + error.message;
  });
}());
