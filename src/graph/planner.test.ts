import { plannerReferenceKey, urlOfReferenceKey } from './planner';

describe("Planner's external-reference keys", () => {
  it("encodes the documented example as plannerexternalreferences shows it", () => {
    expect(plannerReferenceKey('https://contoso.sharepoint.com/teams/agile/documents/AnnualReport.pptx')).toBe(
      'https%3A//contoso%2Esharepoint%2Ecom/teams/agile/documents/AnnualReport%2Epptx',
    );
  });

  it('encodes %, ., :, @ and # and nothing else', () => {
    const key = plannerReferenceKey('https://a.se:8443/x@y/Möte 1?q=a&b=c#§1%20');
    expect(key).toBe('https%3A//a%2Ese%3A8443/x%40y/Möte 1?q=a&b=c%23§1%2520');
    expect(key).not.toMatch(/[.:@#]/);
    expect(key).not.toMatch(/%(?![0-9A-F]{2})/);
  });

  it.each([
    'https://contoso.sharepoint.com/sites/g/Shared%20Documents/Protokoll%202026-11-20.docx',
    'https://teams.microsoft.com/l/entity/app/tab?context=%7B%22subEntityId%22%3A%22m%401%22%7D',
    'https://x.se/%25already%2Eencoded%3A#frag',
    'https://x.se/plain',
  ])('decodes back to exactly the URL: %s', (url) => {
    expect(urlOfReferenceKey(plannerReferenceKey(url))).toBe(url);
  });

  it('leaves other escapes in a key alone when decoding', () => {
    expect(urlOfReferenceKey('https%3A//x%2Ese/a%20b%2e')).toBe('https://x.se/a%20b.');
  });
});
