namespace CommunityPlanning.Bot.Tests.Browser;

/// <summary>
/// What the gallery tests measure in the page, as scripts run in it. Each returns a list of problems,
/// one line each, naming the card and width.
/// </summary>
internal static class GalleryChecks
{
    /// <summary>WCAG AA for ordinary text.</summary>
    public const double MinimumContrast = 4.5;

    /// <summary>The tallest a card that is not a form may be on a phone.</summary>
    public const int MaxPhoneHeight = 1100;

    /// <summary>
    /// Buttons cut off at 560 px, text colours under 4.5:1 against what is behind them (colours with
    /// alpha blended over it; hidden, folded content included), renderer warnings, and cards other than
    /// forms taller than 1,100 px at 360 px. Argument: the minimum contrast and the maximum height.
    /// </summary>
    public const string Layout = """
        ([minimum, maxHeight]) => {
          const problems = [];
          const parse = (c) => {
            const p = c.match(/rgba?\(([^)]+)\)/)[1].split(',').map(Number);
            return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
          };
          const over = (fg, bg) => ({ r: fg.r * fg.a + bg.r * (1 - fg.a), g: fg.g * fg.a + bg.g * (1 - fg.a), b: fg.b * fg.a + bg.b * (1 - fg.a), a: 1 });
          const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
          const luminance = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
          const behind = (element) => {
            const layers = [];
            for (let e = element; e; e = e.parentElement) {
              const c = parse(getComputedStyle(e).backgroundColor);
              if (c.a > 0) { layers.push(c); if (c.a >= 1) break; }
            }
            let bg = { r: 255, g: 255, b: 255, a: 1 };
            for (const layer of layers.reverse()) bg = over(layer, bg);
            return bg;
          };
          for (const frame of document.querySelectorAll('.gallery-frame')) {
            const where = `${frame.dataset.name} at ${frame.dataset.width} px`;
            for (const warning of JSON.parse(frame.dataset.warnings || '[]')) problems.push(`${where}: renderer warning: ${warning}`);
            if (frame.dataset.width === '560') {
              for (const button of frame.querySelectorAll('.ac-pushButton')) {
                if (button.offsetParent === null) continue;
                for (const e of [button, ...button.querySelectorAll('*')]) {
                  if (e.scrollWidth > e.clientWidth + 1) { problems.push(`${where}: button cut off: "${button.textContent.trim()}"`); break; }
                }
              }
            }
            if (frame.dataset.width === '360' && frame.dataset.form !== 'true' && frame.offsetHeight > maxHeight) {
              problems.push(`${where}: ${frame.offsetHeight} px tall on a phone (at most ${maxHeight})`);
            }
            const walker = document.createTreeWalker(frame, NodeFilter.SHOW_TEXT);
            const seen = new Set();
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const element = node.parentElement;
              if (!node.textContent.trim() || seen.has(element) || element.closest('select')) continue;
              seen.add(element);
              const style = getComputedStyle(element);
              const bg = behind(element);
              const fg = over(parse(style.color), bg);
              const ratio = (Math.max(luminance(fg), luminance(bg)) + 0.05) / (Math.min(luminance(fg), luminance(bg)) + 0.05);
              if (ratio < minimum) problems.push(`${where}: contrast ${ratio.toFixed(2)}:1 for "${node.textContent.trim().slice(0, 40)}" (${style.color} on rgb(${Math.round(bg.r)}, ${Math.round(bg.g)}, ${Math.round(bg.b)}))`);
            }
          }
          return problems;
        }
        """;

    /// <summary>Backslashes people would see (the page rendered without Markdown processing).</summary>
    public const string Backslashes = """
        () => {
          const problems = [];
          for (const frame of document.querySelectorAll('.gallery-frame')) {
            for (const element of frame.querySelectorAll('*')) {
              for (const node of element.childNodes) {
                if (node.nodeType === Node.TEXT_NODE && node.textContent.includes('\\')) {
                  problems.push(`${frame.dataset.name} at ${frame.dataset.width} px: backslash in "${node.textContent.trim().slice(0, 60)}"`);
                }
              }
            }
          }
          return [...new Set(problems)];
        }
        """;

    /// <summary>Adds a card made to fail every check, so the checks are seen to fail.</summary>
    public const string AddControlCard = """
        () => {
          const AC = window.AdaptiveCards;
          const card = new AC.AdaptiveCard();
          card.parse({ type: 'AdaptiveCard', version: '1.5', body: [
              { type: 'TextBlock', text: 'Control \\(card\\)', color: 'Warning', wrap: true },
              { type: 'TextBlock', text: 'tall', height: 'stretch', spacing: 'ExtraLarge' },
              { type: 'Nonsense' } ],
            actions: [ { type: 'Action.Submit', title: 'A button title far too long to fit beside its neighbours' },
                       { type: 'Action.Submit', title: 'Another button title far too long to fit' },
                       { type: 'Action.Submit', title: 'A third one, also much too long for the row' } ] });
          for (const width of ['360', '560']) {
            const frame = document.createElement('div');
            frame.className = 'gallery-frame';
            frame.style.width = width + 'px';
            frame.dataset.name = 'control';
            frame.dataset.width = width;
            frame.dataset.form = 'false';
            frame.dataset.warnings = JSON.stringify(['control warning']);
            const element = card.render();
            element.style.minHeight = '1200px';
            frame.appendChild(element);
            document.getElementById('gallery').appendChild(frame);
          }
        }
        """;
}
