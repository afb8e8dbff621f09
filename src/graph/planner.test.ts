import { createTask, patchTask, patchTaskDetails, plannerReferenceKey, urlOfReferenceKey } from './planner';

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

describe('Planner writes on the wire', () => {
  it("patches details with the details' eTag as If-Match, asks for the object back, and keys references by the encoded URL", () => {
    const write = patchTaskDetails('task 1', 'W/"JzEtVGFza0RldGFpbHMg"', {
      description: 'Text',
      references: [{ url: 'https://x.se/a.docx', alias: 'Protokoll', type: 'Word' }],
      removeReferences: ['https://x.se/old.docx'],
    });
    expect(write).toMatchObject({
      method: 'PATCH',
      path: '/planner/tasks/task%201/details',
      headers: { 'If-Match': 'W/"JzEtVGFza0RldGFpbHMg"', Prefer: 'return=representation', 'Content-Type': 'application/json' },
    });
    expect(JSON.parse(write.body as string)).toEqual({
      description: 'Text',
      references: {
        'https%3A//x%2Ese/a%2Edocx': { '@odata.type': '#microsoft.graph.plannerExternalReference', alias: 'Protokoll', type: 'Word' },
        'https%3A//x%2Ese/old%2Edocx': null,
      },
    });
    // Planner may answer 204 without the object: then there is nothing to read, not bad data.
    expect(write.parse(undefined, { status: 204 })).toBeUndefined();
  });

  it('creates a task with assignments keyed by user id, each a plannerAssignment with orderHint " !"', () => {
    const write = createTask({ planId: 'p', bucketId: 'b', title: 'T', assigneeIds: ['u1'], dueDateTime: '2026-12-15T16:00:00Z' });
    expect(JSON.parse(write.body as string)).toEqual({
      planId: 'p',
      bucketId: 'b',
      title: 'T',
      assignments: { u1: { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' } },
      dueDateTime: '2026-12-15T16:00:00Z',
    });
    expect(write.headers).not.toHaveProperty('If-Match');
  });

  it('unassigns with null and sends only what changes', () => {
    const write = patchTask('t', 'W/"e"', { assign: ['u2'], unassign: ['u1'] });
    expect(write.headers).toMatchObject({ 'If-Match': 'W/"e"' });
    expect(JSON.parse(write.body as string)).toEqual({ assignments: { u2: { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' }, u1: null } });
  });
});
