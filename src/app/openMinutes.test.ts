// How the invitation's body is read for the agenda: HTML as HTML, text as text, and plain text that
// a client put in an HTML body as text, so its lines stay the agenda's items.

import { agendaFromInvitation } from './invitation';
import { invitationBody } from './openMinutes';

const outlook = (inner: string) => `<html><head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head><body>${inner}</body></html>`;

describe('the invitation body for the agenda', () => {
  it('is HTML when it has markup', () => {
    const html = outlook('<p><b>Dagordning</b></p><ol><li>Inledning</li><li>Budget</li></ol>');
    expect(invitationBody({ bodyHtml: html, bodyIsText: false })).toEqual({ text: html, kind: 'html' });
  });

  it('is text when Graph says so', () => {
    expect(invitationBody({ bodyHtml: 'Dagordning\n1. Inledning', bodyIsText: true })).toEqual({ text: 'Dagordning\n1. Inledning', kind: 'text' });
  });

  it('is the text inside an HTML body that holds only lines, and its agenda is read from them', () => {
    const lines = 'Välkomna.\n\nDagordning\n1. Inledning\n2. Budget 2027 (preliminär)\n3. Övriga frågor\n';
    const body = invitationBody({ bodyHtml: outlook(lines), bodyIsText: false });
    expect(body).toEqual({ text: lines, kind: 'text' });
    expect(agendaFromInvitation(body!.text, body!.kind).map((i) => i.title)).toEqual(['Inledning', 'Budget 2027 (preliminär)', 'Övriga frågor']);
    // Read as HTML, the lines run together and no agenda is found.
    expect(agendaFromInvitation(outlook(lines), 'html')).toEqual([]);
  });

  it('decodes character references in text taken out of HTML, and leaves unknown ones', () => {
    const body = invitationBody({ bodyHtml: outlook('Dagordning\n1. Budget &amp; plan &lt;2027&gt; &#228;r &#x1F600; &bogus; &#0;\n'), bodyIsText: false });
    expect(body?.text).toBe('Dagordning\n1. Budget & plan <2027> är 😀 &bogus; &#0;\n');
  });

  it('is nothing when there is no body', () => {
    expect(invitationBody({ bodyHtml: undefined, bodyIsText: false })).toBeUndefined();
  });
});
