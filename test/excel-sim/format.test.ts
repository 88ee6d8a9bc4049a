/** Formats, cell properties, protection, data validation and conditional formats. */
import { createWorkbookSim } from '../../src/excel-sim';

const setup = () => {
  const sim = createWorkbookSim({ sheets: ['Sheet1'] });
  return { sim, X: sim.Excel };
};

describe('fill and font', () => {
  test('an unfilled cell reads #FFFFFF with pattern None; colors are normalised; fill.clear removes the fill', async () => {
    const { sim, X } = setup();
    await X.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      const plain = ws.getRange('A1').format.fill.load('color,pattern');
      ws.getRange('B1').format.fill.color = 'ffc7ce';
      ws.getRange('C1').format.fill.color = 'yellow';
      const b = ws.getRange('B1').format.fill.load('color,pattern');
      const c = ws.getRange('C1').format.fill.load('color');
      await ctx.sync();
      expect([plain.color, plain.pattern]).toEqual(['#FFFFFF', 'None']);
      expect([b.color, b.pattern]).toEqual(['#FFC7CE', 'Solid']);
      expect(c.color).toBe('#FFFF00');
      ws.getRange('B1:C1').format.fill.clear();
      const after = ws.getRange('B1:C1').format.fill.load('color,pattern');
      await ctx.sync();
      expect([after.color, after.pattern]).toEqual(['#FFFFFF', 'None']);
    });
    expect(sim.getCell('Sheet1', 'B1').fill).toEqual({ color: null, pattern: 'None' });
  });

  test('a property that differs across the cells of a range reads null', async () => {
    const { X } = setup();
    await X.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1').format.fill.color = '#FF0000';
      ws.getRange('A1').format.font.bold = true;
      ws.getRange('A1:B1').format.font.color = '#0000FF';
      const f = ws.getRange('A1:B1').format;
      f.load('wrapText,horizontalAlignment');
      f.fill.load('color');
      f.font.load('bold,color,name,size');
      await ctx.sync();
      expect(f.fill.color).toBeNull();
      expect(f.font.bold).toBeNull();
      expect(f.font.color).toBe('#0000FF');
      expect([f.font.name, f.font.size, f.wrapText, f.horizontalAlignment]).toEqual(['Calibri', 11, false, 'General']);
    });
  });

  test('invalid colors and enum values reject the sync with InvalidArgument', async () => {
    const { X } = setup();
    for (const write of [
      (r: Excel.Range) => {
        r.format.fill.color = 'not a color';
      },
      (r: Excel.Range) => {
        r.format.horizontalAlignment = 'Sideways' as Excel.HorizontalAlignment;
      },
      (r: Excel.Range) => {
        r.format.borders.getItem('EdgeTop').style = 'Wavy' as Excel.BorderLineStyle;
      },
    ]) {
      await expect(
        X.run(async (ctx) => {
          write(ctx.workbook.worksheets.getItem('Sheet1').getRange('A1'));
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
  });

  test('alignment, wrap, column width and row height', async () => {
    const { sim, X } = setup();
    await X.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      const f = ws.getRange('B2:C3').format;
      f.wrapText = true;
      f.horizontalAlignment = X.HorizontalAlignment.center;
      f.verticalAlignment = 'Top';
      f.columnWidth = 80;
      f.rowHeight = 24;
      f.autofitRows();
      const all = ws.getRange('A2:C2').format.load('columnWidth,rowHeight');
      const back = ws.getRange('B2:C3').format.load('wrapText,horizontalAlignment,verticalAlignment,columnWidth,rowHeight');
      await ctx.sync();
      expect([back.wrapText, back.horizontalAlignment, back.verticalAlignment, back.columnWidth, back.rowHeight]).toEqual([
        true,
        'Center',
        'Top',
        80,
        24,
      ]);
      expect(all.columnWidth).toBeNull(); // A is still the default 48
      expect(all.rowHeight).toBe(24);
    });
    expect(sim.state.sheets[0].colWidths).toEqual({ 1: 80, 2: 80 });
  });

  test('borders: edges and inside lines, shared with neighbouring cells', async () => {
    const { sim, X } = setup();
    await X.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      const borders = ws.getRange('B2:C3').format.borders;
      for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const) {
        const b = borders.getItem(edge);
        b.style = 'Continuous';
        b.weight = X.BorderWeight.medium;
        b.color = '#000000';
      }
      const inside = borders.getItem('InsideHorizontal').load('style,weight,color,sideIndex');
      const below = ws.getRange('B4').format.borders.getItem('EdgeTop').load('style');
      const none = ws.getRange('E5').format.borders.getItem('EdgeLeft').load('style,color,weight');
      await ctx.sync();
      expect([inside.style, inside.weight, inside.color, inside.sideIndex]).toEqual([
        'Continuous',
        'Medium',
        '#000000',
        'InsideHorizontal',
      ]);
      expect(below.style).toBe('Continuous');
      expect([none.style, none.color, none.weight]).toEqual(['None', '#000000', 'Thin']);
    });
    expect(sim.getCell('Sheet1', 'B2').borders.EdgeBottom).toEqual({ style: 'Continuous', color: '#000000', weight: 'Medium' });
  });
});

describe('cell properties', () => {
  // Excel's CellBorderCollection has eight sides; a single cell's inside lines are 'None'
  const sides = (style: string) =>
    Object.fromEntries(
      ['top', 'bottom', 'left', 'right', 'horizontal', 'vertical', 'diagonalDown', 'diagonalUp'].map((k) => [k, { style }]),
    );
  test('setCellProperties and getCellProperties round trip', async () => {
    const { X } = setup();
    await X.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      r.setCellProperties([
        [
          { format: { fill: { color: '#FFEB9C' }, font: { bold: true, color: '#9C5700' } } },
          { format: { borders: { bottom: { style: 'Continuous', color: '#FF0000', weight: 'Thick' } }, wrapText: true } },
        ],
      ]);
      const props = r.getCellProperties({
        address: true,
        format: { fill: { color: true, pattern: true }, font: { bold: true, color: true }, wrapText: true, borders: { style: true } },
      });
      await ctx.sync();
      expect(props.value).toEqual([
        [
          {
            address: 'Sheet1!A1',
            format: {
              fill: { color: '#FFEB9C', pattern: 'Solid' },
              font: { bold: true, color: '#9C5700' },
              wrapText: false,
              borders: sides('None'),
            },
          },
          {
            address: 'Sheet1!B1',
            format: {
              fill: { color: '#FFFFFF', pattern: 'None' },
              font: { bold: false, color: '#000000' },
              wrapText: true,
              borders: { ...sides('None'), bottom: { style: 'Continuous' } },
            },
          },
        ],
      ]);
    });
  });

  test('setCellProperties checks the shape', async () => {
    const { X } = setup();
    await expect(
      X.run(async (ctx) => {
        ctx.workbook.worksheets
          .getItem('Sheet1')
          .getRange('A1:B1')
          .setCellProperties([[{ format: { font: { bold: true } } }]]);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('protection', () => {
  test('writing values, formats, merges, validations or CFs on a protected sheet is AccessDenied', async () => {
    const { sim, X } = setup();
    await X.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.protection.protect();
      ws.protection.load('protected');
      await ctx.sync();
      expect(ws.protection.protected).toBe(true);
    });
    const writes: Array<(r: Excel.Range) => void> = [
      (r) => {
        r.values = [[1]];
      },
      (r) => {
        r.formulas = [['=1']];
      },
      (r) => {
        r.numberFormat = [['0']];
      },
      (r) => {
        r.format.fill.color = '#FF0000';
      },
      (r) => {
        r.format.font.bold = true;
      },
      (r) => {
        r.getResizedRange(0, 1).merge();
      },
      (r) => {
        r.dataValidation.rule = { decimal: { formula1: 0, operator: 'GreaterThan' } };
      },
      (r) => {
        r.conditionalFormats.add('Custom');
      },
      (r) => {
        r.clear();
      },
    ];
    for (const write of writes) {
      const err = await X.run(async (ctx) => {
        write(ctx.workbook.worksheets.getItem('Sheet1').getRange('A1'));
        await ctx.sync();
      }).catch((e) => e);
      expect(err).toMatchObject({ code: 'AccessDenied' });
    }
    await X.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.protection.unprotect();
      ws.getRange('A1').values = [[1]];
      await ctx.sync();
    });
    expect(sim.getCell('Sheet1', 'A1').value).toBe(1);
  });
});

describe('data validation', () => {
  test('rule, prompt and error alert are stored and read back', async () => {
    const { sim, X } = setup();
    await X.run(async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem('Sheet1').getRange('B2:B5').dataValidation;
      dv.rule = { wholeNumber: { formula1: 0, formula2: 100, operator: X.DataValidationOperator.between } };
      dv.prompt = { showPrompt: true, title: '件数', message: '请填写整数' };
      dv.errorAlert = { showAlert: true, style: 'Stop', title: '有误', message: '应为整数' };
      const back = ctx.workbook.worksheets.getItem('Sheet1').getRange('B3').dataValidation.load('type,rule,prompt,errorAlert');
      const outside = ctx.workbook.worksheets.getItem('Sheet1').getRange('C3').dataValidation.load('type');
      const mixed = ctx.workbook.worksheets.getItem('Sheet1').getRange('B5:B6').dataValidation.load('type');
      await ctx.sync();
      expect(back.type).toBe('WholeNumber');
      expect(back.rule).toEqual({ wholeNumber: { formula1: '=0', formula2: '=100', operator: 'Between' } });
      expect(back.prompt).toEqual({ showPrompt: true, title: '件数', message: '请填写整数' });
      expect(back.errorAlert).toEqual({ showAlert: true, style: 'Stop', title: '有误', message: '应为整数' });
      expect(outside.type).toBe('None');
      expect(mixed.type).toBe('Inconsistent');
    });
    expect(sim.state.sheets[0].validations).toHaveLength(1);
    await X.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('B3').dataValidation.clear();
      await ctx.sync();
    });
    expect(sim.state.sheets[0].validations.map((v) => v.range)).toEqual([
      { r0: 1, c0: 1, r1: 1, c1: 1 },
      { r0: 3, c0: 1, r1: 4, c1: 1 },
    ]);
  });

  test('a rule needs exactly one known type and a valid operator', async () => {
    const { X } = setup();
    for (const rule of [
      {},
      { wholeNumber: { formula1: 0, operator: 'Bigger' } },
      { wholeNumber: { formula1: 0, operator: 'EqualTo' }, decimal: { formula1: 0, operator: 'EqualTo' } },
    ]) {
      await expect(
        X.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').dataValidation.rule = rule as Excel.DataValidationRule;
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
  });
});

describe('conditional formats', () => {
  test('custom formats are stored with formula and colors; getCount, items, clearAll', async () => {
    const { sim, X } = setup();
    await X.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('B2:D4');
      const cf = r.conditionalFormats.add(X.ConditionalFormatType.custom);
      cf.custom.rule.formula = '=B2<0';
      cf.custom.format.fill.color = '#FFC7CE';
      cf.custom.format.font.color = '#9C0006';
      const n = r.conditionalFormats.getCount();
      const items = r.conditionalFormats.load('items/type');
      cf.custom.rule.load('formula');
      cf.custom.format.fill.load('color');
      await ctx.sync();
      expect(n.value).toBe(1);
      expect(items.items.map((i) => i.type)).toEqual(['Custom']);
      expect(cf.custom.rule.formula).toBe('=B2<0');
      expect(cf.custom.format.fill.color).toBe('#FFC7CE');
    });
    expect(sim.state.sheets[0].conditionalFormats).toEqual([
      expect.objectContaining({
        range: { r0: 1, c0: 1, r1: 3, c1: 3 },
        type: 'Custom',
        formula: '=B2<0',
        fill: '#FFC7CE',
        fontColor: '#9C0006',
      }),
    ]);
    await X.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:Z100').conditionalFormats.clearAll();
      await ctx.sync();
    });
    expect(sim.state.sheets[0].conditionalFormats).toEqual([]);
  });

  test('types other than Custom are reported as not modelled', async () => {
    const { X } = setup();
    await expect(
      X.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').conditionalFormats.add(X.ConditionalFormatType.dataBar);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'NotImplemented' });
  });
});

test('clear(applyTo) clears contents, formats or both', async () => {
  const { sim, X } = setup();
  sim.setCell('Sheet1', 'A1', 5);
  sim.setCell('Sheet1', 'B1', 6);
  await X.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('Sheet1');
    ws.getRange('A1:B1').format.font.bold = true;
    ws.getRange('A1').clear(X.ClearApplyTo.contents);
    ws.getRange('B1').clear('Formats');
    await ctx.sync();
  });
  expect(sim.getCell('Sheet1', 'A1')).toMatchObject({ value: '', font: { bold: true } });
  expect(sim.getCell('Sheet1', 'B1')).toMatchObject({ value: 6, font: { bold: false } });
});
