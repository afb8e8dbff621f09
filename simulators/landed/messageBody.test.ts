/**
 * @jest-environment jsdom
 */
import { messageBody } from './messageBody';

function shown(content: string, contentType = 'html'): HTMLElement {
  const div = document.createElement('div');
  div.append(messageBody({ contentType, content }));
  return div;
}

describe('a channel message body as the landed page shows it', () => {
  test("Teams' mentions are highlighted names and its attachment placeholders are gone", () => {
    const div = shown('<p>Uppdrag till <at id="0">Olof Bergström</at></p><attachment id="3b9b1b5c-0000-4000-8000-000000000001"></attachment>');
    expect([...div.querySelectorAll('mark.mention')].map((m) => m.textContent)).toEqual(['Olof Bergström']);
    expect(div.querySelector('at, attachment')).toBeNull();
    expect(div.textContent).toBe('Uppdrag till Olof Bergström');
  });

  test('script, handlers and javascript: links are removed; their text stays', () => {
    const div = shown('<p>Före <img src=x onerror="window.__pwned=1"> efter</p><script>window.__pwned=1</script><a href="javascript:window.__pwned=1">Klicka här</a>');
    expect(div.querySelector('script, [onerror]')).toBeNull();
    expect(div.querySelector('a')?.getAttribute('href')).toBeNull();
    expect(div.textContent).toBe('Före  efterKlicka här');
    expect(div.querySelector('img')?.getAttribute('alt')).toBe('');
  });

  test("ids, classes and styles from outside do not reach the page's own", () => {
    const div = shown('<p id="view" class="task" style="position:fixed">Text</p>');
    const p = div.querySelector('p')!;
    expect([p.id, p.className, p.getAttribute('style')]).toEqual(['', '', null]);
  });

  test('a text body is text, markup and all', () => {
    const div = shown('<b>inte fet</b>', 'text');
    expect(div.querySelector('b')).toBeNull();
    expect(div.textContent).toBe('<b>inte fet</b>');
  });
});
