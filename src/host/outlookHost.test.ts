import { Problem } from '../domain/problems';
import { callAsync, toMailboxItem } from './outlookHost';

const body = { getAsync: () => undefined };

describe("office.js's callbacks as promises", () => {
  test('a succeeded result gives its value', async () => {
    await expect(callAsync<string>('read the headers', (cb) => cb({ status: 'succeeded', value: 'x-a: 1' }))).resolves.toBe('x-a: 1');
  });

  test('a failed result or a throw becomes a host Problem naming what failed, with the code kept', async () => {
    const failed = callAsync<string>('read the headers', (cb) => cb({ status: 'failed', value: '', error: { code: 9020, message: 'Generic error' } }));
    await expect(failed).rejects.toBeInstanceOf(Problem);
    await expect(failed).rejects.toMatchObject({ kind: 'host', code: '9020', message: 'Outlook could not read the headers: Generic error' });
    await expect(
      callAsync('read the body', () => {
        throw new Error('Sys.ArgumentException');
      }),
    ).rejects.toMatchObject({ kind: 'host', message: 'Outlook could not read the body: Sys.ArgumentException' });
  });
});

describe('the open item, as Justera sees it', () => {
  test('a message: subject and sender', () => {
    expect(toMailboxItem({ itemType: 'message', itemId: 'm1', subject: 'Protokoll', from: { displayName: 'Ahmed Yilmaz', emailAddress: 'ahmed@x.se' }, body })).toEqual({
      kind: 'message',
      id: 'm1',
      subject: 'Protokoll',
      from: { name: 'Ahmed Yilmaz', address: 'ahmed@x.se' },
    });
  });

  test('an appointment: subject, start and end as instants, organiser; no item at all is undefined', () => {
    expect(
      toMailboxItem({ itemType: 'appointment', subject: 'Styrgruppen', start: new Date('2026-11-24T08:00:00Z'), end: new Date('nope'), organizer: { emailAddress: 'a@x.se' }, body }),
    ).toEqual({ kind: 'appointment', id: undefined, subject: 'Styrgruppen', start: '2026-11-24T08:00:00.000Z', end: undefined, location: undefined, organizer: { name: 'a@x.se', address: 'a@x.se' } });
    expect(toMailboxItem(null)).toBeUndefined();
  });

  test("the id is Graph's, as office.js's convertToRestId gives it from Outlook's EWS id", () => {
    const toRest = (id: string) => id.replace(/\//g, '-').replace(/\+/g, '_');
    expect(toMailboxItem({ itemType: 'appointment', itemId: 'AAMk/a+b=', subject: 'Styrgruppen', body }, toRest)?.id).toBe('AAMk-a_b=');
  });
});
