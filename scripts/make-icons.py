#!/usr/bin/env python3
"""Draws the app icons in public/icons/ (the favicon's "D" on blue) as PNG, with the standard
library only. Run again after changing the design; the PNGs are committed."""
import math, struct, zlib, pathlib

BLUE, WHITE = (0x1D, 0x4E, 0xD8), (0xFF, 0xFF, 0xFF)

def seg_dist(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)

def on_d(x, y):
    """Within the stroke of the favicon's path M9 8h7a8 8 0 0 1 0 16H9z (32-unit grid)."""
    d = min(seg_dist(x, y, 9, 8, 16, 8), seg_dist(x, y, 16, 24, 9, 24), seg_dist(x, y, 9, 24, 9, 8))
    if x >= 16:
        d = min(d, abs(math.hypot(x - 16, y - 16) - 8))
    return d <= 1.75

def pixel(size, i, j, full_bleed):
    # Maskable icons fill the square (the platform rounds it); the D sits in the safe middle.
    u, v = (i + 0.5) / size * 32, (j + 0.5) / size * 32
    if full_bleed:
        u, v = 16 + (u - 16) * 1.25, 16 + (v - 16) * 1.25
        return WHITE if on_d(u, v) else BLUE
    r = 7
    cx, cy = min(max(u, r), 32 - r), min(max(v, r), 32 - r)
    if math.hypot(u - cx, v - cy) > r:
        return None
    return WHITE if on_d(u, v) else BLUE

def png(size, full_bleed):
    rows = b""
    for j in range(size):
        row = bytearray([0])
        for i in range(size):
            p = pixel(size, i, j, full_bleed)
            row += bytes(p + (255,)) if p else b"\0\0\0\0"
        rows += bytes(row)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    head = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", head) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")

out = pathlib.Path(__file__).resolve().parent.parent / "public" / "icons"
out.mkdir(exist_ok=True)
for size in (192, 512):
    (out / f"icon-{size}.png").write_bytes(png(size, False))
(out / "maskable-512.png").write_bytes(png(512, True))
