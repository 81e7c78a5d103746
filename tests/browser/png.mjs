// Reads a screenshot's PNG (8-bit RGB or RGBA, not interlaced: what Chromium and Firefox write)
// into RGBA pixels with Node's zlib, for tests that look at the colours the canvas drew.
import { inflateSync } from 'node:zlib';

// Undoes one row's PNG filter in place (`prior` is the row above, unfiltered; zeros for the first).
function unfilter(type, row, prior, bpp) {
  for (let i = 0; i < row.length; i++) {
    const left = i >= bpp ? row[i - bpp] : 0, up = prior[i], upLeft = i >= bpp ? prior[i - bpp] : 0;
    if (type === 1) row[i] = (row[i] + left) & 255;
    else if (type === 2) row[i] = (row[i] + up) & 255;
    else if (type === 3) row[i] = (row[i] + ((left + up) >> 1)) & 255;
    else if (type === 4) {
      const p = left + up - upLeft, pa = Math.abs(p - left), pb = Math.abs(p - up), pc = Math.abs(p - upLeft);
      row[i] = (row[i] + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft)) & 255;
    }
  }
}

export function decodePng(buffer) {
  let offset = 8, width = 0, height = 0, colourType = 0;
  const data = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset), type = buffer.toString('latin1', offset + 4, offset + 8);
    const body = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      colourType = body[9];
      if (body[8] !== 8 || (colourType !== 2 && colourType !== 6) || body[12] !== 0) throw new Error('an unsupported PNG');
    } else if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const bpp = colourType === 6 ? 4 : 3, stride = width * bpp, raw = inflateSync(Buffer.concat(data));
  const rgba = new Uint8Array(width * height * 4);
  let prior = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    unfilter(raw[y * (stride + 1)], row, prior, bpp);
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) rgba[(y * width + x) * 4 + c] = row[x * bpp + c];
      rgba[(y * width + x) * 4 + 3] = bpp === 4 ? row[x * bpp + 3] : 255;
    }
    prior = row;
  }
  return { width, height, rgba };
}
