/** The pane's actions load their code with the first click: what they do is the same, and a load that fails says
 *  so in Chinese, leaves the workbook as it was, and is tried again on the next click. */
import { deferred } from '../../src/app/actions';
import { setup } from '../excel/helpers';

describe('deferred', () => {
  test('each method waits for the group, then calls it with the same arguments and gives back its result', async () => {
    let loads = 0;
    const calls: unknown[][] = [];
    const group = async () => {
      loads++;
      return { add: async (a: number, b: number) => (calls.push([a, b]), a + b), fail: async () => Promise.reject(new Error('不行')) };
    };
    const g = deferred(group, { add: true, fail: true });
    expect(Object.keys(g).sort()).toEqual(['add', 'fail']);
    expect(loads).toBe(0); // nothing is loaded before the first call
    await expect(g.add(2, 3)).resolves.toBe(5);
    expect(calls).toEqual([[2, 3]]);
    await expect(g.fail()).rejects.toThrow('不行');
  });
});

describe('paneActions', () => {
  afterEach(() => {
    jest.resetModules();
    jest.dontMock('../../src/app/bound');
  });

  test('a failed load is a Chinese message naming the cause, writes nothing, and the next click loads again', async () => {
    let failing = true;
    jest.doMock('../../src/app/bound', () => {
      if (failing) throw new Error('Loading chunk actions failed.');
      return jest.requireActual('../../src/app/bound');
    });
    const { paneActions } = await import('../../src/app/actions');
    const ctx = setup();
    const actions = paneActions(ctx.host);
    const insert = () => actions.insert.insert({ year: 2025, tables: ['active'] }, 'newSheet');
    await expect(insert()).rejects.toThrow(
      '加载项的程序文件未能载入，操作没有进行（Loading chunk actions failed.）。请检查网络连接，然后关闭并重新打开任务窗格再试。',
    );
    expect(await ctx.host.sheetNames()).toEqual(['Sheet1']);
    failing = false;
    const out = await insert();
    expect(out.ok).toBe(true);
    expect(await ctx.host.sheetNames()).toHaveLength(2);
  });
});
