/** Run LibreOffice headless as a real spreadsheet engine (recalculating on load), for tests. */
import { execFile } from 'child_process';
import { promises as fs, existsSync } from 'fs';
import os from 'os';
import path from 'path';

const XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';

export function requireSoffice(): void {
  if (!existsSync(SOFFICE)) {
    throw new Error(`需要 LibreOffice（${SOFFICE} 不存在）：apt-get install -y --no-install-recommends libreoffice-calc-nogui`);
  }
}

/** Convert `input` to `format` (xlsx, pdf, csv…) into `outDir`; returns the output path. */
export async function convert(input: string, format: string, outDir: string): Promise<string> {
  requireSoffice();
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'ogi-lo-'));
  await fs.mkdir(path.join(profile, 'user'), { recursive: true });
  await fs.writeFile(path.join(profile, 'user', 'registrymodifications.xcu'), XCU);
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(
        SOFFICE,
        [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, input],
        { timeout: 120000 },
        (err, _out, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve()),
      );
    });
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
  const out = path.join(outDir, `${path.basename(input, path.extname(input))}.${format.split(':')[0]}`);
  if (!existsSync(out)) throw new Error(`LibreOffice wrote no ${out}`);
  return out;
}
