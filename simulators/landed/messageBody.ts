// A channel message's body as the page shows it: HTML from the tenant passes DOMPurify and comes back
// as nodes (never a string put into innerHTML); Teams' <at> mentions become highlighted names and its
// <attachment> placeholders are dropped (the files are listed under the message).

import DOMPurify from 'dompurify';

export function messageBody(body: { contentType: string; content: string }): Node {
  if (body.contentType !== 'html') {
    const p = document.createElement('p');
    p.className = 'plain';
    p.textContent = body.content;
    return p;
  }
  const fragment = DOMPurify.sanitize(body.content, {
    RETURN_DOM_FRAGMENT: true,
    ADD_TAGS: ['at', 'attachment'],
    // No ids, classes or styles from outside: they could collide with or restyle the page's own.
    FORBID_ATTR: ['id', 'class', 'style', 'name'],
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'select', 'textarea'],
  });
  for (const at of [...fragment.querySelectorAll('at')]) {
    const mark = document.createElement('mark');
    mark.className = 'mention';
    mark.textContent = at.textContent;
    at.replaceWith(mark);
  }
  for (const placeholder of [...fragment.querySelectorAll('attachment')]) placeholder.remove();
  // An image without a text alternative is decoration here: the message's words carry its meaning.
  for (const img of [...fragment.querySelectorAll('img:not([alt])')]) img.setAttribute('alt', '');
  for (const a of [...fragment.querySelectorAll('a[href]')]) a.setAttribute('rel', 'noopener noreferrer');
  return fragment;
}
