"""Tiny PDF files written byte by byte for the reader's tests: pages holding only an image (a scan), or nothing."""
from __future__ import annotations


def pdf(pages: int = 1, image: bool = True) -> bytes:
    """A PDF of ``pages`` pages, each showing one 2×2 grey image (``image``) or nothing; no text layer at all."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_obj = add(b"")
    img = add(b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 "
              b"/Length 4 >>\nstream\n\x00\x80\x80\xff\nendstream") if image else None
    content = b"q 200 0 0 200 100 400 cm /Im1 Do Q" if image else b""
    stream = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    kids = []
    for _ in range(pages):
        res = b"/Resources << /XObject << /Im1 %d 0 R >> >>" % img if image else b"/Resources << >>"
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] %s /Contents %d 0 R >>"
                        % (pages_obj, res, stream)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objects[pages_obj - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    return bytes(out)
