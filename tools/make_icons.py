#!/usr/bin/env python3
"""Draws the PNG app icons for the web app manifest (standard library only).

The picture is web/icon.svg redrawn with signed distances, so edges are
anti-aliased at any size: a dark rounded square, a blue parcel with its tape
and flaps, an amber dot. Three files:

    icon-192.png            any-purpose icon, rounded square on transparency
    icon-512.png            the same at 512 px
    icon-maskable-512.png   full-bleed background, the mark shrunk into the
                            safe zone (the launcher applies its own mask)
"""
import argparse
import math
import os
import struct
import zlib

# web/icon.svg, in its 64 x 64 viewBox.
BACKGROUND = (0x1A, 0x1C, 0x21)
PARCEL = (0x3D, 0x8B, 0xFD)
DOT = (0xF5, 0xA5, 0x24)
VIEWBOX = 64.0


def rounded_rect(x, y, w, h, r):
    """Signed distance to a rounded rectangle (negative inside)."""
    cx, cy, hx, hy = x + w / 2, y + h / 2, w / 2, h / 2

    def distance(px, py):
        qx = abs(px - cx) - hx + r
        qy = abs(py - cy) - hy + r
        outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
        return outside + min(max(qx, qy), 0.0) - r
    return distance, (x, y, x + w, y + h)


def circle(cx, cy, r):
    return (lambda px, py: math.hypot(px - cx, py - cy) - r), (cx - r, cy - r, cx + r, cy + r)


def shapes(maskable):
    """(colour, shape) in painting order, in viewBox units."""
    items = []
    if maskable:
        items.append((BACKGROUND, rounded_rect(0, 0, VIEWBOX, VIEWBOX, 0)))
    else:
        items.append((BACKGROUND, rounded_rect(0, 0, VIEWBOX, VIEWBOX, 14)))
    mark = [
        (PARCEL, rounded_rect(12, 20, 40, 30, 4)),
        # The strokes of icon.svg (width 3, butt caps): tape across, two flaps.
        (BACKGROUND, rounded_rect(12, 26.5, 40, 3, 0)),
        (BACKGROUND, rounded_rect(24.5, 20, 3, 8, 0)),
        (BACKGROUND, rounded_rect(36.5, 20, 3, 8, 0)),
        (DOT, circle(46, 16, 7)),
    ]
    if maskable:
        # The mask may cut everything outside a centred circle of 40 % of the
        # size; at 0.8 the mark's farthest corner stays inside it.
        mark = [(colour, scaled(shape, 0.8)) for colour, shape in mark]
    return items + mark


def scaled(shape, factor):
    distance, (x0, y0, x1, y1) = shape
    c = VIEWBOX / 2

    def inner(px, py):
        return distance(c + (px - c) / factor, c + (py - c) / factor) * factor
    return inner, (c + (x0 - c) * factor, c + (y0 - c) * factor, c + (x1 - c) * factor, c + (y1 - c) * factor)


def render(size, maskable):
    """Premultiplied RGBA floats, painted shape after shape ("over")."""
    unit = size / VIEWBOX  # pixels per viewBox unit
    r = [0.0] * (size * size)
    g = [0.0] * (size * size)
    b = [0.0] * (size * size)
    a = [0.0] * (size * size)
    for (cr, cg, cb), (distance, (x0, y0, x1, y1)) in shapes(maskable):
        cr, cg, cb = cr / 255, cg / 255, cb / 255
        px0, py0 = max(0, int(x0 * unit) - 1), max(0, int(y0 * unit) - 1)
        px1, py1 = min(size, int(math.ceil(x1 * unit)) + 1), min(size, int(math.ceil(y1 * unit)) + 1)
        for py in range(py0, py1):
            vy = (py + 0.5) / unit
            row = py * size
            for px in range(px0, px1):
                # Coverage from the distance to the edge, in pixels.
                cover = 0.5 - distance((px + 0.5) / unit, vy) * unit
                if cover <= 0.0:
                    continue
                if cover > 1.0:
                    cover = 1.0
                i = row + px
                keep = 1.0 - cover
                r[i] = cr * cover + r[i] * keep
                g[i] = cg * cover + g[i] * keep
                b[i] = cb * cover + b[i] * keep
                a[i] = cover + a[i] * keep
    out = bytearray()
    for y in range(size):
        out.append(0)  # filter: none
        for i in range(y * size, (y + 1) * size):
            alpha = a[i]
            if alpha <= 0.0:
                out += b"\0\0\0\0"
                continue
            out += bytes((round(r[i] / alpha * 255), round(g[i] / alpha * 255),
                          round(b[i] / alpha * 255), round(alpha * 255)))
    return bytes(out)


def png(size, raw):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


ICONS = (("icon-192.png", 192, False), ("icon-512.png", 512, False), ("icon-maskable-512.png", 512, True))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--output-dir", required=True)
    args = parser.parse_args()
    os.makedirs(args.output_dir, exist_ok=True)
    for name, size, maskable in ICONS:
        data = png(size, render(size, maskable))
        # Write through a temporary name: a half-written icon never looks finished.
        path = os.path.join(args.output_dir, name)
        with open(path + ".tmp", "wb") as handle:
            handle.write(data)
        os.replace(path + ".tmp", path)


if __name__ == "__main__":
    main()
