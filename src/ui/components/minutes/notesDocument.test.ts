/**
 * @jest-environment jsdom
 */
// Notes as the preview and the Word file read them: DOMPurify keeps what minutes use, and what is
// left becomes paragraphs and list items of text runs; markup that could run is gone or is text.

import { blocksText, loadNotesReader } from './notesDocument';

it('reads paragraphs, bold, italic, line breaks, lists and safe links', async () => {
  const read = await loadNotesReader();
  const html =
    '<p class="notes-p" dir="ltr"><span style="white-space: pre-wrap;">Ca 2,4 mnkr. </span><b><strong class="notes-bold">Fördelning</strong></b> <i>senare</i><br>ny rad</p>' +
    '<ul><li>ett</li><li>två<ul><li>under</li></ul></li></ul><ol><li><a href="https://example.se/a?b=1">länk</a></li><li><a href="mailto:a@b.se">post</a></li></ol>';
  expect(read(html)).toEqual([
    {
      kind: 'paragraph',
      runs: [{ text: 'Ca 2,4 mnkr. ' }, { text: 'Fördelning', bold: true }, { text: ' ' }, { text: 'senare', italic: true }, { text: 'ny rad', breakBefore: true }],
    },
    { kind: 'listItem', ordered: false, level: 0, runs: [{ text: 'ett' }] },
    { kind: 'listItem', ordered: false, level: 0, runs: [{ text: 'två' }] },
    { kind: 'listItem', ordered: false, level: 1, runs: [{ text: 'under' }] },
    { kind: 'listItem', ordered: true, level: 0, runs: [{ text: 'länk', href: 'https://example.se/a?b=1' }] },
    { kind: 'listItem', ordered: true, level: 0, runs: [{ text: 'post', href: 'mailto:a@b.se' }] },
  ]);
});

it('keeps no script, handler, style or unsafe link, and shows escaped markup as its text', async () => {
  const read = await loadNotesReader();
  const blocks = read(
    '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1"><svg onload="window.__pwned=1"></svg>' +
      '<p style="position:fixed" onclick="x()">Text <a href="javascript:window.__pwned=1">klick</a> <a href=" data:text/html,x">data</a></p>' +
      '<p>&lt;script&gt;window.__pwned=1&lt;/script&gt;</p>',
  );
  expect(blocks).toEqual([
    { kind: 'paragraph', runs: [{ text: 'Text ' }, { text: 'klick' }, { text: ' ' }, { text: 'data' }] },
    { kind: 'paragraph', runs: [{ text: '<script>window.__pwned=1</script>' }] },
  ]);
  expect(blocksText(blocks)).toBe('Text klick data\n<script>window.__pwned=1</script>');
  expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
});
