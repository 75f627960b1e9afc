import { MASK, personalDataMask } from './mask-personal-data';

describe("masking a reporter's personal data", () => {
  const mask = personalDataMask({ name: 'Nguyễn Văn An', phone: '0912 345 678', email: 'an@example.vn' });

  it('masks the reporter’s fields and their values wherever they appear', () => {
    expect(
      mask({
        reporter: { name: 'Nguyễn Văn An', phone: '0912345678' },
        description: 'Gọi 0912.345.678 hoặc an@example.vn',
      }),
    ).toEqual({ reporter: { name: MASK, phone: MASK }, description: `Gọi ${MASK} hoặc ${MASK}` });
  });

  it("masks a file's original name, which may be the reporter's own", () => {
    const media = [{ id: 'm1', kind: 'photo', originalName: 'ho-so-cua-toi.jpg' }];
    expect(mask({ media })).toEqual({ media: [{ id: 'm1', kind: 'photo', originalName: MASK }] });
  });
});
